import type { Incident } from '@contracts/crisis';
import { memo, useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useLatest } from '../hooks/use-latest';
import { IncidentsEngine } from './incidents-engine';

interface IncidentsLayerProps {
  incidents: readonly Incident[];
  selectedIncidentId: string | null;
  onSelectIncident: (id: string | null) => void;
  /** Clicks go to the map (placing an incident, drawing). */
  suspended: boolean;
}

/** Incidents, clustered, on the shared canvas: see IncidentsEngine. No React node per marker. */
export const IncidentsLayer = memo(function IncidentsLayer({
  incidents,
  selectedIncidentId,
  onSelectIncident,
  suspended,
}: IncidentsLayerProps) {
  const map = useMap();
  const latest = useLatest({ onSelectIncident, suspended });
  const [engine] = useState(
    () =>
      new IncidentsEngine({
        select: (id) => latest.current.onSelectIncident(id),
        suspended: () => latest.current.suspended,
      }),
  );

  useEffect(() => {
    engine.attach(map);
    return () => engine.detach();
  }, [engine, map]);

  useEffect(() => engine.setIncidents(incidents), [engine, incidents]);
  useEffect(() => engine.setSelected(selectedIncidentId), [engine, selectedIncidentId]);

  return null;
});
