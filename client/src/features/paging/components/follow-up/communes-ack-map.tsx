import 'leaflet/dist/leaflet.css';
import { fr } from '@codegouvfr/react-dsfr';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import L from 'leaflet';
import { useEffect, useId, useRef, useState } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { tp } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { countStatuses, type CommuneStatus, type ReachState } from '../../lib/targets';

/** What the map needs of the communes layer (`GET /api/reference/layers/communes`). */
export interface CommuneShapeProperties {
  code: string;
  nom: string;
}
export type CommuneShapes = FeatureCollection<Polygon | MultiPolygon, CommuneShapeProperties>;
type CommuneShape = Feature<Polygon | MultiPolygon, CommuneShapeProperties>;

/** What the follow-up gives the map: colours, and the commune chosen to filter the table. */
export interface CommunesMapSlotProps {
  statuses: ReadonlyMap<string, ReachState>;
  selectedInsee: string | null;
  onSelectCommune: (insee: string | null) => void;
}

interface CommunesAckMapProps extends CommunesMapSlotProps {
  layer: CommuneShapes | undefined;
  loadError?: boolean;
}

const CENTER: [number, number] = [45.72, 3.15];
const ZOOM = 8.5;
const MAX_BOUNDS: [[number, number], [number, number]] = [
  [44.6, 1.3],
  [46.95, 5.1],
];

/** Fill colours: DSFR grey, warning, success and error tones (legend and map share them). */
export const STATUS_COLORS: Record<CommuneStatus, string> = {
  none: '#E5E5E5',
  pending: '#FA7A35',
  acked: '#18753C',
  failed: '#CE0500',
};
const LEGEND_ORDER: CommuneStatus[] = ['acked', 'pending', 'failed', 'none'];

function styleOf(status: CommuneStatus, selected: boolean): L.PathOptions {
  return {
    fillColor: STATUS_COLORS[status],
    fillOpacity: status === 'none' ? 0.45 : 0.8,
    color: selected ? '#000091' : status === 'none' ? '#929292' : '#3A3A3A',
    weight: selected ? 3 : status === 'none' ? 0.5 : 0.8,
    opacity: 1,
  };
}

/**
 * A small map of the department's communes coloured by acknowledgement (grey: not paged,
 * orange: paged and waiting, green: acknowledged, red: unreachable), with its legend. Clicking
 * a commune filters the recipients table, which says the same in words.
 */
export function CommunesAckMap({
  layer,
  loadError,
  statuses,
  selectedInsee,
  onSelectCommune,
}: CommunesAckMapProps) {
  const titleId = useId();
  const hintId = useId();
  const [renderer] = useState(() => L.canvas({ padding: 0.2, tolerance: 3 }));
  const counts = countStatuses(statuses);
  const legendCounts: Record<CommuneStatus, number | null> = { ...counts, none: null };

  return (
    <figure className="vigie-paging-map" aria-labelledby={titleId} data-testid="paging-map">
      <figcaption>
        <h2 id={titleId} className={fr.cx('fr-h5', 'fr-mb-1v')}>
          {tp.map.title}
        </h2>
        <p id={hintId} className={fr.cx('fr-text--xs', 'fr-mb-1w')}>
          {tp.map.hint}
        </p>
      </figcaption>
      <div
        className="vigie-paging-map__canvas"
        role="region"
        aria-label={tp.map.label}
        aria-describedby={hintId}
      >
        <MapContainer
          center={CENTER}
          zoom={ZOOM}
          zoomSnap={0.25}
          minZoom={7}
          maxBounds={MAX_BOUNDS}
          renderer={renderer}
          scrollWheelZoom={false}
          style={{ height: '100%', width: '100%' }}
        >
          {layer && (
            <StatusLayer
              layer={layer}
              statuses={statuses}
              selectedInsee={selectedInsee}
              onSelectCommune={onSelectCommune}
            />
          )}
        </MapContainer>
        {!layer && (
          <p className="vigie-paging-map__loading" role="status">
            {loadError ? tp.errors.generic : tp.map.loading}
          </p>
        )}
      </div>
      <div className="vigie-paging-map__legend" data-testid="paging-map-legend">
        <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>
          <strong>{tp.map.legend}</strong>
        </p>
        <ul>
          {LEGEND_ORDER.map((s) => (
            <li key={s} data-status={s} data-count={legendCounts[s] ?? undefined}>
              <span
                className="vigie-paging-swatch"
                style={{ background: STATUS_COLORS[s] }}
                aria-hidden="true"
              />
              {tp.map.statuses[s]}
              {legendCounts[s] !== null && <strong> ({formatNumber(legendCounts[s])})</strong>}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

interface StatusLayerProps extends CommunesMapSlotProps {
  layer: CommuneShapes;
}

/** The communes on the map's canvas; re-styled in place when the statuses change. */
function StatusLayer({ layer, statuses, selectedInsee, onSelectCommune }: StatusLayerProps) {
  const map = useMap();
  const geoRef = useRef<L.GeoJSON<CommuneShapeProperties> | null>(null);
  const latest = useRef({ statuses, selectedInsee, onSelectCommune });
  useEffect(() => {
    latest.current = { statuses, selectedInsee, onSelectCommune };
  });

  // created once per layer: the shapes, a tooltip, clicks, and a view on the paged communes
  useEffect(() => {
    const current = latest.current;
    const statusOf = (code: string): CommuneStatus => latest.current.statuses.get(code) ?? 'none';
    const geo = L.geoJSON<CommuneShapeProperties>(layer, {
      style: (f) =>
        styleOf(
          f ? statusOf(f.properties.code) : 'none',
          f?.properties.code === current.selectedInsee,
        ),
    });
    geo.bindTooltip(
      (child) => {
        const p = ((child as L.Polygon).feature as CommuneShape).properties;
        const box = document.createElement('span');
        box.textContent = tp.map.tooltip(`${p.nom} (${p.code})`, tp.map.statuses[statusOf(p.code)]);
        return box;
      },
      { sticky: true, direction: 'top', offset: [0, -6] },
    );
    const onClick = (e: L.LeafletMouseEvent) => {
      const code = ((e.propagatedFrom as L.Polygon).feature as CommuneShape).properties.code;
      const { statuses: s, selectedInsee: selected, onSelectCommune: select } = latest.current;
      if (!s.has(code)) return;
      select(selected === code ? null : code);
    };
    geo.on('click', onClick).addTo(map);
    geoRef.current = geo;

    const bounds = L.latLngBounds([]);
    geo.eachLayer((child) => {
      const code = ((child as L.Polygon).feature as CommuneShape).properties.code;
      if (current.statuses.has(code)) bounds.extend((child as L.Polygon).getBounds());
    });
    map.fitBounds(bounds.isValid() ? bounds : geo.getBounds(), { padding: [12, 12], maxZoom: 11 });

    return () => {
      geo.off('click', onClick).unbindTooltip().remove();
      geoRef.current = null;
    };
  }, [map, layer]);

  useEffect(() => {
    geoRef.current?.setStyle((f) =>
      styleOf(
        (f && statuses.get(f.properties.code)) ?? 'none',
        f?.properties.code === selectedInsee,
      ),
    );
  }, [statuses, selectedInsee]);

  return null;
}
