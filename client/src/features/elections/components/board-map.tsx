import 'leaflet/dist/leaflet.css';
import { fr } from '@codegouvfr/react-dsfr';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import L from 'leaflet';
import { useEffect, useId, useRef, useState } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import type { CommuneShapes } from '../api';
import { te } from '../i18n';
import type { CommuneArrival } from '../lib/totals';

type Shape = Feature<Polygon | MultiPolygon, { code: string; nom: string }>;

/** DSFR tones: grey (no bureau of the scrutin), light grey, orange, blue, green, red. */
export const ARRIVAL_COLORS: Record<CommuneArrival | 'outside', string> = {
  outside: '#F6F6F6',
  none: '#CECECE',
  partial: '#FA7A35',
  arrived: '#6A6AF4',
  validated: '#18753C',
  error: '#CE0500',
};
const LEGEND: CommuneArrival[] = ['none', 'partial', 'arrived', 'validated', 'error'];

const style = (s: CommuneArrival | undefined): L.PathOptions => ({
  fillColor: ARRIVAL_COLORS[s ?? 'outside'],
  fillOpacity: s ? 0.85 : 0.3,
  color: '#3A3A3A',
  weight: s ? 0.6 : 0.3,
});

/** The communes coloured by arrival of their bureaux; no tile server, the outlines only. */
export function BoardMap({
  layer,
  loadError,
  statuses,
}: {
  layer: CommuneShapes | undefined;
  loadError: boolean;
  statuses: ReadonlyMap<string, CommuneArrival>;
}) {
  const titleId = useId();
  const [renderer] = useState(() => L.canvas({ padding: 0.2, tolerance: 3 }));
  const counts = new Map<CommuneArrival, number>();
  for (const s of statuses.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
  return (
    <figure
      className="vigie-elections-map"
      aria-labelledby={titleId}
      data-testid="elections-board-map"
    >
      <figcaption id={titleId} className={fr.cx('fr-text--bold', 'fr-mb-1v')}>
        {te.board.mapTitle}
      </figcaption>
      <div className="vigie-elections-map__canvas" role="region" aria-label={te.board.mapLabel}>
        <MapContainer
          center={[45.72, 3.15]}
          zoom={8}
          zoomSnap={0.25}
          minZoom={7}
          renderer={renderer}
          scrollWheelZoom={false}
          style={{ height: '100%', width: '100%' }}
        >
          {layer && <ArrivalLayer layer={layer} statuses={statuses} />}
        </MapContainer>
        {!layer && <p role="status">{loadError ? te.errors.generic : 'Chargement…'}</p>}
      </div>
      <ul className="vigie-elections-legend" aria-label={te.board.legend}>
        {LEGEND.map((s) => (
          <li key={s} data-status={s} data-count={counts.get(s) ?? 0}>
            <span
              className="vigie-elections-swatch"
              style={{ background: ARRIVAL_COLORS[s] }}
              aria-hidden="true"
            />
            {te.board.arrival[s]} ({counts.get(s) ?? 0})
          </li>
        ))}
      </ul>
    </figure>
  );
}

function ArrivalLayer({
  layer,
  statuses,
}: {
  layer: CommuneShapes;
  statuses: ReadonlyMap<string, CommuneArrival>;
}) {
  const map = useMap();
  const geoRef = useRef<L.GeoJSON | null>(null);
  const latest = useRef(statuses);
  useEffect(() => {
    latest.current = statuses;
  });
  useEffect(() => {
    const geo = L.geoJSON(layer, {
      style: (f) => style(f ? latest.current.get((f as Shape).properties.code) : undefined),
    });
    geo.bindTooltip(
      (child) => {
        const p = ((child as L.Polygon).feature as Shape).properties;
        const s = latest.current.get(p.code);
        const box = document.createElement('span');
        box.textContent = `${p.nom} (${p.code})${s ? ` — ${te.board.arrival[s]}` : ''}`;
        return box;
      },
      { sticky: true },
    );
    geo.addTo(map);
    geoRef.current = geo;
    map.fitBounds(geo.getBounds(), { padding: [8, 8] });
    return () => {
      geo.unbindTooltip().remove();
      geoRef.current = null;
    };
  }, [map, layer]);
  useEffect(() => {
    geoRef.current?.setStyle((f) =>
      style(f ? statuses.get((f as Shape).properties.code) : undefined),
    );
  }, [statuses]);
  return null;
}
