import { fr } from '@codegouvfr/react-dsfr';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { COUNTER_KEYS } from '@contracts/crisis';
import type { DirectionCrisis, DirectionOverview } from '@contracts/direction';
import { useEffect, useState } from 'react';
import { useOutletContext } from 'react-router-dom';
import type { AppOutletContext } from '@/app/layout';
import { formatClock, formatNumber, formatSince, formatStamp, formatWhen } from '@/lib/format';
import { t } from '@/lib/i18n';
import { useOverview } from '../api';
import { useDirectionPermissions } from '../hooks/use-direction-permissions';
import { COD_LEVEL_LABELS, COUNTER_LABELS, SITREP_STATUS_LABELS, td } from '../i18n';
import { registerServiceWorker } from '../lib/pwa';
import { DecisionCard } from './decision-card';
import { DecisionForm } from './decision-form';
import { PushToggle } from './push-toggle';
import { SitrepPanel } from './sitrep-panel';
import './direction.css';

/**
 * The direction view, mobile first (360 px): COD level, crises with bilan, decisions to take in
 * one tap, latest points de situation, overdue missions, pages not acknowledged, fil de
 * situation; live over the socket, and the last known state with its time when offline.
 */
export function DirectionPage() {
  const permissions = useDirectionPermissions();
  const overview = useOverview(permissions.canRead);
  const { status } = useOutletContext<AppOutletContext>() ?? { status: 'connected' };

  useEffect(() => {
    void registerServiceWorker();
  }, []);

  const data = overview.data;
  const exercise = data?.crises.some((c) => c.crisis.exercise) ?? false;

  return (
    <div className={`vigie-direction${exercise ? ' vigie-direction--exercise' : ''}`} data-testid="direction">
      <title>{t.app.documentTitle(td.title)}</title>
      <link rel="manifest" href="/manifest.webmanifest" />
      <meta name="theme-color" content="#000091" />
      <div className="vigie-direction__head">
        <h1 className={fr.cx('fr-h3', 'fr-mb-0')}>{td.title}</h1>
        {data && <LiveStatus status={status} generatedAt={data.generatedAt} fetchFailed={overview.isError} />}
      </div>
      {!permissions.canRead ? (
        <Alert severity="info" title={td.title} description={td.noAccess} />
      ) : !data ? (
        overview.isError ? (
          <>
            <Alert severity="error" title={td.loadError} description={overview.error.message} />
            <Button className={fr.cx('fr-mt-2w')} onClick={() => void overview.refetch()}>
              {td.retry}
            </Button>
          </>
        ) : (
          <p role="status">{t.app.loading}</p>
        )
      ) : (
        <Overview data={data} />
      )}
    </div>
  );
}

function LiveStatus({ status, generatedAt, fetchFailed }: { status: string; generatedAt: string; fetchFailed: boolean }) {
  const live = status === 'connected' && !fetchFailed;
  const time = formatClock(generatedAt);
  return (
    <p className={fr.cx('fr-text--sm', 'fr-mb-0')} role="status" data-testid="direction-status" data-live={live}>
      <Badge small severity={live ? 'success' : 'warning'} noIcon>
        {live ? td.live : status === 'connecting' ? td.reconnecting(time) : td.offline(time)}
      </Badge>
    </p>
  );
}

function Overview({ data }: { data: DirectionOverview }) {
  const permissions = useDirectionPermissions();
  const [sitrepCrisis, setSitrepCrisis] = useState<string | null>(data.crises[0]?.crisis.id ?? null);
  const crisisId = data.crises.some((c) => c.crisis.id === sitrepCrisis) ? sitrepCrisis : (data.crises[0]?.crisis.id ?? null);
  return (
    <>
      <section className="vigie-direction__section" aria-labelledby="dir-cod">
        <h2 id="dir-cod" className={fr.cx('fr-h6', 'fr-mb-1v')}>
          {td.cod}
        </h2>
        <p className={`vigie-direction__cod vigie-direction__cod--${data.cod.level}`} data-testid="direction-cod" data-level={data.cod.level}>
          {COD_LEVEL_LABELS[data.cod.level]} <span className={fr.cx('fr-text--sm')}>{formatSince(data.cod.since)}</span>
        </p>
      </section>

      <section className="vigie-direction__section" aria-labelledby="dir-decisions">
        <h2 id="dir-decisions" className={fr.cx('fr-h5')}>
          {td.decisions} ({data.pendingDecisions.length})
        </h2>
        {data.pendingDecisions.length === 0 && <p className={fr.cx('fr-text--sm')}>{td.noDecision}</p>}
        {data.pendingDecisions.map((d) => (
          <DecisionCard key={d.id} decision={d} canAnswer={permissions.isAuthority} canComplement={permissions.canWrite} />
        ))}
      </section>

      <section className="vigie-direction__section" aria-labelledby="dir-crises">
        <h2 id="dir-crises" className={fr.cx('fr-h5')}>
          {td.crises}
        </h2>
        {data.crises.length === 0 && <p className={fr.cx('fr-text--sm')}>{td.noCrisis}</p>}
        {data.crises.map((c) => (
          <CrisisCard key={c.crisis.id} view={c} />
        ))}
      </section>

      <section className="vigie-direction__section" aria-labelledby="dir-overdue">
        <h2 id="dir-overdue" className={fr.cx('fr-h6')}>
          {td.overdueTasks} ({data.overdueTasks.length})
        </h2>
        {data.overdueTasks.length === 0 ? (
          <p className={fr.cx('fr-text--sm')}>{td.noOverdue}</p>
        ) : (
          <ul className="vigie-direction__list">
            {data.overdueTasks.map((task) => (
              <li key={task.id}>
                <strong>{task.title}</strong> — {task.serviceName}, {td.due(formatWhen(task.dueAt))}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="vigie-direction__section" aria-labelledby="dir-pages">
        <h2 id="dir-pages" className={fr.cx('fr-h6')}>
          {td.unacked} ({data.unacknowledgedPages.length})
        </h2>
        {data.unacknowledgedPages.length === 0 ? (
          <p className={fr.cx('fr-text--sm')}>{td.noUnacked}</p>
        ) : (
          <ul className="vigie-direction__list">
            {data.unacknowledgedPages.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong> — {td.acked(p.acknowledged, p.targets)}, {formatWhen(p.createdAt)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="vigie-direction__section" aria-labelledby="dir-feed">
        <h2 id="dir-feed" className={fr.cx('fr-h6')}>
          {td.feed}
        </h2>
        {data.feed.length === 0 ? (
          <p className={fr.cx('fr-text--sm')}>{td.noFeed}</p>
        ) : (
          <ol className="vigie-direction__list" data-testid="direction-feed">
            {data.feed.map((e) => (
              <li key={e.id}>
                <time dateTime={e.recordedAt}>{formatStamp(e.recordedAt)}</time> — {e.text}
              </li>
            ))}
          </ol>
        )}
      </section>

      {permissions.canWrite && data.crises.length > 0 && (
        <section className="vigie-direction__section">
          <Accordion label={td.ask}>
            <DecisionForm crises={data.crises.map((c) => c.crisis)} />
          </Accordion>
          <Accordion label={td.sitreps}>
            {data.crises.length > 1 && (
              <div className="vigie-direction__answers">
                {data.crises.map((c) => (
                  <Button key={c.crisis.id} size="small" priority={c.crisis.id === crisisId ? 'primary' : 'tertiary'} onClick={() => setSitrepCrisis(c.crisis.id)}>
                    {c.crisis.title}
                  </Button>
                ))}
              </div>
            )}
            {crisisId && <SitrepPanel key={crisisId} crisisId={crisisId} permissions={permissions} />}
          </Accordion>
        </section>
      )}

      <section className="vigie-direction__section" aria-labelledby="dir-push">
        <h2 id="dir-push" className={fr.cx('fr-h6')}>
          {td.push}
        </h2>
        <PushToggle />
      </section>
    </>
  );
}

function CrisisCard({ view }: { view: DirectionCrisis }) {
  const counters = COUNTER_KEYS.filter((k) => (view.bilan[k] ?? 0) > 0);
  return (
    <article className="vigie-direction__crisis" data-testid="direction-crisis" data-crisis-id={view.crisis.id}>
      <h3 className={fr.cx('fr-h6', 'fr-mb-1v')}>
        {view.crisis.exercise && (
          <Badge severity="warning" small className={fr.cx('fr-mr-1v')}>
            {td.exercise}
          </Badge>
        )}
        {view.crisis.title}
      </h3>
      {counters.length === 0 ? (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>{td.noCounter}</p>
      ) : (
        <dl className="vigie-direction__counters" aria-label={td.bilan}>
          {counters.map((k) => (
            <div key={k}>
              <dt>{COUNTER_LABELS[k]}</dt>
              <dd data-counter={k}>{formatNumber(view.bilan[k] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>{td.tasks(view.openTasks, view.overdueTasks)}</p>
      <p className={fr.cx('fr-text--sm', 'fr-mb-0')} data-testid="direction-latest-sitrep">
        {td.latestSitrep} :{' '}
        {view.latestSitrep
          ? td.sitrepLine(
              view.latestSitrep.number,
              SITREP_STATUS_LABELS[view.latestSitrep.status],
              formatWhen(view.latestSitrep.validatedAt ?? view.latestSitrep.generatedAt),
            )
          : td.noSitrep}
      </p>
      {view.schedule?.nextDueAt && <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>{td.nextDue(formatWhen(view.schedule.nextDueAt))}</p>}
      {view.schedule?.nextDueAt && view.schedule.remindedAt && (!view.latestSitrep || view.latestSitrep.status === 'validated') && (
        <Alert
          small
          severity="warning"
          className={fr.cx('fr-mt-1w')}
          description={td.dueSoon((view.latestSitrep?.number ?? 0) + 1, formatWhen(view.schedule.nextDueAt))}
        />
      )}
    </article>
  );
}
