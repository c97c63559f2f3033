import { fr } from '@codegouvfr/react-dsfr';
import {
  COUNTER_KEYS,
  COUNTER_LABELS,
  INCIDENT_STATUSES,
  LOGBOOK_CATEGORY_LABELS,
  type CounterKey,
} from '@contracts/crisis';
import { useCrisisSummary } from '../../api';
import { celluleLabel } from '../../cellules';
import { formatFull, formatNumber, formatStamp } from '@/lib/format';
import { useNow } from '../../hooks/use-now';
import { INCIDENT_STATUS_LABELS, tc } from '../../i18n';
import { ApiErrorAlert } from '../api-error-alert';

/** Human toll first: the counters an operator reads out at a point de situation. */
const SERIOUS: readonly CounterKey[] = ['decedes', 'urgences_absolues', 'urgences_relatives'];

/** « Bilan »: totals of every incident's counters, incidents by status, tasks, last situation point. */
export function SummaryPanel({ crisisId }: { crisisId: string }) {
  const summary = useCrisisSummary(crisisId);
  const now = useNow();
  if (summary.error) return <ApiErrorAlert error={summary.error} focus={false} />;
  if (!summary.data) return <p role="status">…</p>;
  const { bilan, incidentsByStatus, openTasks, overdueTasks, lastSituationPoint } = summary.data;

  return (
    <div className="vigie-panel" data-testid="summary-panel">
      <h2 className={fr.cx('fr-sr-only')}>{tc.summary.heading}</h2>
      <section aria-labelledby="vigie-summary-counters">
        <h3 id="vigie-summary-counters" className={fr.cx('fr-h6', 'fr-mb-1w')}>
          {tc.summary.counters}
        </h3>
        <dl className="vigie-stats" data-testid="summary-counters">
          {COUNTER_KEYS.map((key) => (
            <div
              key={key}
              className={`vigie-stat${SERIOUS.includes(key) && (bilan[key] ?? 0) > 0 ? ' vigie-stat--serious' : ''}`}
              data-counter={key}
            >
              <dt>{COUNTER_LABELS[key]}</dt>
              <dd>{formatNumber(bilan[key] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="vigie-summary-incidents">
        <h3 id="vigie-summary-incidents" className={fr.cx('fr-h6', 'fr-mb-1w', 'fr-mt-2w')}>
          {tc.summary.incidents}
        </h3>
        <dl className="vigie-stats vigie-stats--small" data-testid="summary-incidents">
          {INCIDENT_STATUSES.map((s) => (
            <div key={s} className="vigie-stat">
              <dt>{INCIDENT_STATUS_LABELS[s]}</dt>
              <dd>{formatNumber(incidentsByStatus[s] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="vigie-summary-tasks">
        <h3 id="vigie-summary-tasks" className={fr.cx('fr-h6', 'fr-mb-1w', 'fr-mt-2w')}>
          {tc.summary.tasks}
        </h3>
        <dl className="vigie-stats vigie-stats--small" data-testid="summary-tasks">
          <div className="vigie-stat">
            <dt>{tc.summary.openTasks}</dt>
            <dd>{formatNumber(openTasks)}</dd>
          </div>
          <div className={`vigie-stat${overdueTasks > 0 ? ' vigie-stat--serious' : ''}`}>
            <dt>{tc.summary.overdueTasks}</dt>
            <dd>{formatNumber(overdueTasks)}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="vigie-summary-point" data-testid="summary-last-point">
        <h3 id="vigie-summary-point" className={fr.cx('fr-h6', 'fr-mb-1w', 'fr-mt-2w')}>
          {tc.summary.lastPoint}
        </h3>
        {lastSituationPoint ? (
          <blockquote className="vigie-card vigie-quote">
            <p className={fr.cx('fr-mb-1v')}>{lastSituationPoint.text}</p>
            <footer className={fr.cx('fr-text--xs', 'fr-mb-0')}>
              {LOGBOOK_CATEGORY_LABELS[lastSituationPoint.category]} ·{' '}
              {celluleLabel(lastSituationPoint.cellule)} · {lastSituationPoint.authorName} ·{' '}
              <time
                dateTime={lastSituationPoint.recordedAt}
                title={formatFull(lastSituationPoint.recordedAt)}
              >
                {formatStamp(lastSituationPoint.recordedAt, new Date(now))}
              </time>
            </footer>
          </blockquote>
        ) : (
          <p className={fr.cx('fr-text--sm')}>{tc.summary.noPoint}</p>
        )}
      </section>
    </div>
  );
}
