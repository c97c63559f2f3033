import 'leaflet/dist/leaflet.css';
import './road-safety.css';
import { fr } from '@codegouvfr/react-dsfr';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  SEVERITIES,
  SEVERITY_LABELS,
  USER_CATEGORY_LABELS,
  type AccidentPoint,
  type AccidentSeverity,
} from '@contracts/road-safety';
import L from 'leaflet';
import { useEffect, useId, useMemo, useState } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { ErrorAlert } from '@/features/grants/components/error-alert';
import { frenchDate } from '@/features/grants/lib/format';
import { useAccident, useCommuneOutlines, usePoints, useStats, type YearRange } from '../api';
import { trs } from '../i18n';
import { clusterIndex, SEVERITY_COLORS } from '../lib/clusters';
import { RangeFilters } from './range-filters';

const CENTER: [number, number] = [45.72, 3.15];
const BOUNDS: [[number, number], [number, number]] = [
  [44.6, 1.3],
  [46.95, 5.1],
];

/** Commune outlines (no tile server): one canvas layer, added and removed with the component. */
function CommuneOutlines() {
  const map = useMap();
  const outlines = useCommuneOutlines();
  useEffect(() => {
    if (!outlines.data) return;
    const layer = L.geoJSON(outlines.data, {
      style: { color: '#6A6A6A', weight: 0.6, fill: false, interactive: false },
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, outlines.data]);
  return null;
}

/** Accidents clustered with supercluster, re-clustered on every move. */
function AccidentClusters({
  points,
  onSelect,
}: {
  points: AccidentPoint[];
  onSelect: (numAcc: string) => void;
}) {
  const map = useMap();
  const index = useMemo(() => clusterIndex(points), [points]);
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const draw = () => {
      group.clearLayers();
      const b = map.getBounds();
      const clusters = index.getClusters(
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        Math.round(map.getZoom()),
      );
      for (const c of clusters) {
        const [lon, lat] = c.geometry.coordinates as [number, number];
        const props = c.properties as {
          cluster?: boolean;
          point_count?: number;
          cluster_id?: number;
          numAcc?: string;
          severity?: AccidentSeverity;
        };
        if (props.cluster && props.cluster_id !== undefined) {
          const count = props.point_count ?? 0;
          const size = count < 10 ? 28 : count < 50 ? 36 : 44;
          const id = props.cluster_id;
          L.marker([lat, lon], {
            keyboard: false,
            icon: L.divIcon({
              className: 'vigie-cluster',
              html: String(count),
              iconSize: [size, size],
            }),
          })
            .on('click', () =>
              map.setView([lat, lon], Math.min(index.getClusterExpansionZoom(id), 16)),
            )
            .addTo(group);
        } else if (props.numAcc && props.severity) {
          const numAcc = props.numAcc;
          L.circleMarker([lat, lon], {
            radius: props.severity === 'mortel' ? 7 : 5,
            color: '#fff',
            weight: 1,
            fillColor: SEVERITY_COLORS[props.severity],
            fillOpacity: 0.9,
          })
            .on('click', () => onSelect(numAcc))
            .addTo(group);
        }
      }
    };
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
      group.remove();
    };
  }, [map, index, onSelect]);
  return null;
}

function AccidentInfo({ numAcc }: { numAcc: string }) {
  const accident = useAccident(numAcc);
  if (!accident.data) return null;
  const a = accident.data;
  return (
    <div className={fr.cx('fr-card', 'fr-p-2w', 'fr-mt-2w')} aria-live="polite">
      <p className={fr.cx('fr-text--bold', 'fr-mb-1w')}>
        {trs.map.selected} : {a.numAcc} — {frenchDate(a.date)} à {a.time} —{' '}
        {SEVERITY_LABELS[a.severity]}
      </p>
      <p className={fr.cx('fr-mb-0')}>
        {a.address ?? '—'} ({a.roadType ?? '—'}, {a.vma ?? '—'} km/h) — {a.users.length} usagers :{' '}
        {a.users.map((u) => USER_CATEGORY_LABELS[u.category]).join(', ')}
      </p>
    </div>
  );
}

/** The map of accidents: commune outlines, clustered points coloured by severity. */
export function AccidentMap() {
  const descriptionId = useId();
  const [range, setRange] = useState<YearRange>({});
  const [selected, setSelected] = useState<string | null>(null);
  const stats = useStats({});
  const points = usePoints(range);
  return (
    <div data-testid="accident-map">
      <RangeFilters
        years={stats.data?.availableYears ?? []}
        value={range}
        onChange={setRange}
        withCommune={false}
      />
      <Select
        label={trs.filters.severity}
        nativeSelectProps={{
          value: range.severity ?? '',
          onChange: (e) =>
            setRange({
              ...range,
              severity: (e.target.value || undefined) as AccidentSeverity | undefined,
            }),
        }}
      >
        <option value="">{trs.filters.allSeverities}</option>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s]}
          </option>
        ))}
      </Select>
      {points.error && <ErrorAlert error={points.error} title={trs.loadError} />}
      <p id={descriptionId}>
        {trs.map.description} {points.data ? trs.map.count(points.data.length) : ''}
      </p>
      <ul className={fr.cx('fr-raw-list')} aria-label={trs.map.legend}>
        {SEVERITIES.slice(0, 3).map((s) => (
          <li key={s} className={fr.cx('fr-text--sm', 'fr-mb-0')}>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <circle cx="6" cy="6" r="5" fill={SEVERITY_COLORS[s]} />
            </svg>{' '}
            {SEVERITY_LABELS[s]}
          </li>
        ))}
      </ul>
      <section aria-label={trs.map.label} aria-describedby={descriptionId}>
        <MapContainer
          center={CENTER}
          zoom={9}
          minZoom={8}
          maxBounds={BOUNDS}
          preferCanvas
          className="vigie-accident-map"
        >
          <CommuneOutlines />
          {points.data && <AccidentClusters points={points.data} onSelect={setSelected} />}
        </MapContainer>
      </section>
      {selected && <AccidentInfo numAcc={selected} />}
    </div>
  );
}
