import type { AccidentPoint, AccidentSeverity } from '@contracts/road-safety';
import Supercluster from 'supercluster';

export const SEVERITY_COLORS: Record<AccidentSeverity, string> = {
  mortel: '#CE0500',
  grave: '#B34000',
  leger: '#695240',
  indemne: '#3A3A3A',
};

export interface PointProps {
  numAcc: string;
  severity: AccidentSeverity;
}

/** A supercluster index of the accidents with coordinates. */
export function clusterIndex(points: readonly AccidentPoint[]): Supercluster<PointProps> {
  const index = new Supercluster<PointProps>({ radius: 50, maxZoom: 14 });
  index.load(
    points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      properties: { numAcc: p.numAcc, severity: p.severity },
    })),
  );
  return index;
}
