import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, type Incident } from '@contracts/crisis';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { formatFull, formatStamp } from '@/lib/format';
import {
  INCIDENT_KIND_LABELS,
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  tc,
} from '../../i18n';
import { IncidentStatusBadge, SeverityBadge } from '../badges';
import { testId } from '../test-id';

const PAGE = 100;
const SEVERITY_RANK: Record<Incident['severity'], number> = {
  critique: 0,
  grave: 1,
  moyenne: 2,
  faible: 3,
};

interface IncidentRowProps {
  incident: Incident;
  selected: boolean;
  onSelect: (id: string) => void;
  now: number;
}

/** One row; memoised, so a live update re-renders only the incident that changed. */
const IncidentRow = memo(function IncidentRow({
  incident,
  selected,
  onSelect,
  now,
}: IncidentRowProps) {
  return (
    <li className="vigie-list__item" data-id={incident.id}>
      <button
        type="button"
        className={`vigie-incident vigie-incident--${incident.severity}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(incident.id)}
        data-testid="incident-row"
        data-incident-id={incident.id}
        data-selected={selected}
      >
        <span className="vigie-incident__title">{incident.title}</span>
        <span className="vigie-incident__meta">
          <SeverityBadge severity={incident.severity} />
          <IncidentStatusBadge status={incident.status} />
          <span>{INCIDENT_KIND_LABELS[incident.kind]}</span>
          <span>· {incident.communeName ?? tc.incidents.unknownCommune}</span>
          <time dateTime={incident.updatedAt} title={formatFull(incident.updatedAt)}>
            · {formatStamp(incident.updatedAt, new Date(now))}
          </time>
        </span>
      </button>
    </li>
  );
});

interface IncidentListProps {
  incidents: readonly Incident[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: number;
}

/** Filterable list, most severe first then newest; the selected row scrolls into view. */
export function IncidentList({ incidents, selectedId, onSelect, now }: IncidentListProps) {
  const [status, setStatus] = useState<Incident['status'] | ''>('');
  const [severity, setSeverity] = useState<Incident['severity'] | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const listRef = useRef<HTMLUListElement>(null);

  const filtered = useMemo(
    () =>
      incidents
        .filter((i) => (!status || i.status === status) && (!severity || i.severity === severity))
        .sort(
          (a, b) =>
            Number(a.status === 'clos') - Number(b.status === 'clos') ||
            SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
            b.updatedAt.localeCompare(a.updatedAt),
        ),
    [incidents, status, severity],
  );
  const shown = filtered.slice(0, limit);

  useEffect(() => {
    if (!selectedId) return;
    listRef.current
      ?.querySelector(`[data-id="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <div data-testid="incident-list">
      <div className="vigie-filters">
        <Select
          label={tc.incidents.filterStatus}
          nativeSelectProps={{
            value: status,
            onChange: (e) => setStatus(e.target.value as Incident['status'] | ''),
            ...testId('incident-filter-status'),
          }}
        >
          <option value="">{tc.incidents.all}</option>
          {INCIDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {INCIDENT_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        <Select
          label={tc.incidents.filterSeverity}
          nativeSelectProps={{
            value: severity,
            onChange: (e) => setSeverity(e.target.value as Incident['severity'] | ''),
            ...testId('incident-filter-severity'),
          }}
        >
          <option value="">{tc.incidents.allFem}</option>
          {INCIDENT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {INCIDENT_SEVERITY_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <p
        className={fr.cx('fr-text--sm', 'fr-mb-1w')}
        aria-live="polite"
        data-testid="incident-count"
      >
        {tc.incidents.count(filtered.length, incidents.length)}
      </p>
      {filtered.length === 0 ? (
        <p className={fr.cx('fr-text--sm')}>{tc.incidents.empty}</p>
      ) : (
        <ul ref={listRef} className="vigie-list" aria-label={tc.incidents.listLabel}>
          {shown.map((incident) => (
            <IncidentRow
              key={incident.id}
              incident={incident}
              selected={incident.id === selectedId}
              onSelect={onSelect}
              now={now}
            />
          ))}
        </ul>
      )}
      {filtered.length > limit && (
        <Button priority="tertiary" size="small" onClick={() => setLimit((l) => l + PAGE)}>
          {tc.incidents.showMore(Math.min(PAGE, filtered.length - limit))}
        </Button>
      )}
    </div>
  );
}
