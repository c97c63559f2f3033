import 'leaflet/dist/leaflet.css';
import { fr } from '@codegouvfr/react-dsfr';
import {
  AIRE_KIND_LABELS,
  SETTLEMENT_STATUS_LABELS,
  type AireKind,
  type MapData,
} from '@contracts/travellers';
import L from 'leaflet';
import { useEffect, useId, useState } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { useCommuneShapes, useTravellersMap, type CommuneShapes } from '../api/travellers';
import { tt } from '../i18n';
import { QueryState } from './query-state';

const CENTER: [number, number] = [45.72, 3.15];
const MAX_BOUNDS: [[number, number], [number, number]] = [
  [44.6, 1.3],
  [46.95, 5.1],
];
/** DSFR blue, purple, green; grey when closed; red for settlements. */
export const KIND_COLORS: Record<AireKind, string> = {
  permanente: '#000091',
  grand_passage: '#6E445A',
  terrain_familial: '#18753C',
  petit_passage: '#0063CB',
};
const CLOSED = '#929292';
const SETTLEMENT = '#CE0500';

/** Aires and current unlawful settlements over the commune outlines (no tile server needed). */
export function MapPanel() {
  const data = useTravellersMap();
  const shapes = useCommuneShapes();
  const hintId = useId();
  const [renderer] = useState(() => L.canvas({ padding: 0.2, tolerance: 4 }));
  return (
    <section data-testid="travellers-map">
      <h2 className={fr.cx('fr-h4')}>{tt.map.title}</h2>
      <p id={hintId} className={fr.cx('fr-text--sm')}>
        {tt.map.hint}
      </p>
      <div
        className="vigie-gdv-map"
        role="region"
        aria-label={tt.map.label}
        aria-describedby={hintId}
      >
        <MapContainer
          center={CENTER}
          zoom={8.5}
          zoomSnap={0.25}
          minZoom={7}
          maxBounds={MAX_BOUNDS}
          renderer={renderer}
          scrollWheelZoom={false}
          style={{ height: '100%', width: '100%' }}
        >
          {shapes.data && <CommunesLayer shapes={shapes.data} />}
          {data.data && <MarkersLayer data={data.data} />}
        </MapContainer>
      </div>
      <ul className="vigie-gdv-legend" aria-label={tt.map.legend}>
        {(Object.keys(KIND_COLORS) as AireKind[])
          .filter((k) => k !== 'petit_passage')
          .map((k) => (
            <li key={k}>
              <span
                className="vigie-gdv-swatch"
                style={{ background: KIND_COLORS[k] }}
                aria-hidden="true"
              />
              {AIRE_KIND_LABELS[k]}
            </li>
          ))}
        <li>
          <span className="vigie-gdv-swatch" style={{ background: CLOSED }} aria-hidden="true" />
          Aire fermée
        </li>
        <li>
          <span
            className="vigie-gdv-swatch"
            style={{ background: SETTLEMENT }}
            aria-hidden="true"
          />
          Stationnement illicite en cours
        </li>
      </ul>
      <h3 className={fr.cx('fr-h6')}>{tt.map.listTitle}</h3>
      <QueryState query={data}>
        {(d) =>
          d.settlements.length === 0 ? (
            <p>{tt.map.none}</p>
          ) : (
            <ul data-testid="travellers-map-settlements">
              {d.settlements.map((s) => (
                <li key={s.id}>
                  {s.reference} — {s.communeName}, {s.place} : {s.caravans} caravanes (
                  {SETTLEMENT_STATUS_LABELS[s.status]})
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function CommunesLayer({ shapes }: { shapes: CommuneShapes }) {
  const map = useMap();
  useEffect(() => {
    const layer = L.geoJSON(shapes, {
      style: { color: '#929292', weight: 0.5, fillColor: '#F6F6F6', fillOpacity: 0.6 },
      interactive: false,
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    return () => {
      layer.remove();
    };
  }, [map, shapes]);
  return null;
}

function MarkersLayer({ data }: { data: MapData }) {
  const map = useMap();
  useEffect(() => {
    const group = L.layerGroup();
    for (const a of data.aires) {
      L.circleMarker([a.location[1], a.location[0]], {
        radius: a.kind === 'grand_passage' ? 9 : 6,
        color: '#FFFFFF',
        weight: 1.5,
        fillColor: a.closedToday ? CLOSED : KIND_COLORS[a.kind],
        fillOpacity: 0.95,
      })
        .bindTooltip(
          `${a.name} — ${AIRE_KIND_LABELS[a.kind]}, ${a.capacity} places${a.closedToday ? ' (fermée)' : ''}`,
        )
        .addTo(group);
    }
    for (const s of data.settlements) {
      if (!s.location) continue;
      L.circleMarker([s.location[1], s.location[0]], {
        radius: 8,
        color: '#161616',
        weight: 2,
        fillColor: SETTLEMENT,
        fillOpacity: 1,
      })
        .bindTooltip(
          `${s.reference} — ${s.communeName} : ${s.caravans} caravanes (${SETTLEMENT_STATUS_LABELS[s.status]})`,
        )
        .addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, data]);
  return null;
}
