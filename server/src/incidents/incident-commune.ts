import type { CommuneRef, Incident } from '../contracts/crisis';
import { centroid, pointInPolygon } from '../reference/geometry';
import type { ReferenceService } from '../reference/reference.service';

export type CommuneLookup = Pick<ReferenceService, 'communeAt' | 'communesIntersecting'>;

/**
 * The commune an incident is filed under; null outside the Puy-de-Dôme (an incident across the
 * border is still real).
 *
 * - Point: the commune containing it.
 * - Polygon: the commune containing its centroid, provided that commune touches the area (the
 *   centroid of a concave area may lie outside it, in a commune the area never reaches);
 *   otherwise the most populous commune the area intersects, the lowest INSEE code on a tie.
 */
export async function resolveIncidentCommune(
  reference: CommuneLookup,
  location: Incident['location'],
): Promise<CommuneRef | null> {
  if (location.type === 'Point') {
    const [lon, lat] = location.coordinates;
    return reference.communeAt(lon, lat);
  }
  const [x, y] = centroid(location);
  const atCentroid = await reference.communeAt(x, y);
  if (atCentroid && pointInPolygon([x, y], location)) return atCentroid;
  const touched = await reference.communesIntersecting(location);
  if (atCentroid && touched.some((c) => c.insee === atCentroid.insee)) return atCentroid;
  return mostPopulous(touched);
}

function mostPopulous(communes: CommuneRef[]): CommuneRef | null {
  let best: CommuneRef | null = null;
  for (const c of communes) {
    if (
      !best ||
      c.population > best.population ||
      (c.population === best.population && c.insee < best.insee)
    ) {
      best = c;
    }
  }
  return best;
}
