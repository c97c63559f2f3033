import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { PageTarget } from '@contracts/paging';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { useCommunes, usePage, useRepage } from '../../api';
import { tp } from '../../i18n';
import { indexCommunes } from '../../lib/communes';
import { communeStatuses } from '../../lib/targets';
import { testId } from '../../lib/test-id';
import { ApiErrorAlert } from '../api-error-alert';
import type { CrisisRef } from '../pages-list';
import { AckOnBehalfModal, openAckOnBehalf } from './ack-on-behalf-modal';
import type { CommunesMapSlotProps } from './communes-ack-map';
import { PageHeader } from './page-header';
import { PageProgress } from './page-progress';
import { TargetsTable, type ServiceName } from './targets-table';
import '../../styles/paging.css';

interface PageFollowUpProps {
  pageId: string;
  crises: readonly CrisisRef[];
  services: readonly ServiceName[];
  canRepage: boolean;
  canAckOnBehalf: boolean;
  userId: string | null;
  /** The communes map, given its colours (the app provides the communes layer). */
  renderCommunesMap: (props: CommunesMapSlotProps) => ReactNode;
}

/**
 * `/alerte/:pageId`: the page, its live counters, the map of the communes paged (for pages to
 * mayors), the recipients with each message's state, « Relancer les non-acquittés » and
 * « Acquitter pour le compte de … ».
 */
export function PageFollowUp({
  pageId,
  crises,
  services,
  canRepage,
  canAckOnBehalf,
  userId,
  renderCommunesMap,
}: PageFollowUpProps) {
  const query = usePage(pageId);
  const communesQuery = useCommunes();
  const communes = useMemo(
    () => (communesQuery.data ? indexCommunes(communesQuery.data) : null),
    [communesQuery.data],
  );
  const servicesById = useMemo(() => new Map(services.map((s) => [s.id, s])), [services]);
  const repage = useRepage();
  const [communeFilter, setCommuneFilter] = useState<string | null>(null);
  const [ackTarget, setAckTarget] = useState<PageTarget | null>(null);
  const [announce, setAnnounce] = useState('');
  const opener = useRef<HTMLElement | null>(null);

  const targets = query.data?.targets;
  const statuses = useMemo(() => communeStatuses(targets ?? []), [targets]);

  const onAckOnBehalf = useCallback((target: PageTarget, from: HTMLElement) => {
    opener.current = from;
    setAckTarget(target);
    openAckOnBehalf();
  }, []);
  const onAckClosed = useCallback(() => {
    const from = opener.current;
    opener.current = null;
    // the button is gone once the row is acknowledged: back to the table's heading
    setTimeout(() => {
      (from?.isConnected ? from : document.getElementById('vigie-paging-targets-title'))?.focus();
    }, 0);
  }, []);

  if (query.error) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <div data-testid="paging-follow-up-error">
        {notFound ? (
          <Alert severity="warning" title={tp.followUp.notFound} description={tp.errors.notFound} />
        ) : (
          <>
            <ApiErrorAlert error={query.error} title={tp.followUp.loadError} focus={false} />
            <Button priority="secondary" onClick={() => void query.refetch()}>
              {tp.retry}
            </Button>
          </>
        )}
      </div>
    );
  }
  if (!query.data) return <p role="status">{tp.pickers.loading}</p>;

  const page = query.data;
  const unacked = page.targets.filter((t) => !t.acknowledgedAt).length;
  const crisisTitle = crises.find((c) => c.id === page.crisisId)?.title ?? null;
  const showMap = statuses.size > 0;

  return (
    <div
      className={`vigie-paging-follow${page.exercise ? ' vigie-paging-follow--exercise' : ''}`}
      data-testid="paging-follow-up"
      data-page-id={page.id}
    >
      <PageHeader page={page} crisisTitle={crisisTitle} userId={userId} />

      <div
        className={`vigie-paging-follow__grid${showMap ? '' : ' vigie-paging-follow__grid--single'}`}
      >
        <section aria-labelledby="vigie-paging-progress-title" className="vigie-paging-card">
          <h2 id="vigie-paging-progress-title" className={fr.cx('fr-h5', 'fr-mb-1w')}>
            {tp.followUp.progress}
          </h2>
          <PageProgress counts={page.counts} ackRequired={page.ackRequired} />
          {canRepage && (
            <div className="vigie-paging-repage">
              {unacked > 0 ? (
                <Button
                  iconId="fr-icon-refresh-line"
                  priority={page.ackRequired ? 'primary' : 'secondary'}
                  disabled={repage.isPending}
                  onClick={() =>
                    repage.mutate(page.id, {
                      onSuccess: (r) => setAnnounce(tp.followUp.repaged(r.targets)),
                    })
                  }
                  nativeButtonProps={{ 'aria-busy': repage.isPending, ...testId('paging-repage') }}
                >
                  {repage.isPending ? tp.followUp.repaging : tp.followUp.repage(unacked)}
                </Button>
              ) : (
                page.ackRequired && (
                  <p className="vigie-paging-acked" data-testid="paging-all-acked">
                    {tp.followUp.allAcked}
                  </p>
                )
              )}
              {repage.error && (
                <ApiErrorAlert error={repage.error} title={tp.followUp.repageFailed} />
              )}
            </div>
          )}
          <p
            role="status"
            className={fr.cx('fr-text--sm', 'fr-mt-1w', 'fr-mb-0')}
            data-testid="paging-status"
          >
            {announce}
          </p>
        </section>
        {showMap &&
          renderCommunesMap({
            statuses,
            selectedInsee: communeFilter,
            onSelectCommune: setCommuneFilter,
          })}
      </div>

      <TargetsTable
        targets={page.targets}
        ackRequired={page.ackRequired}
        communes={communes}
        services={servicesById}
        canAckOnBehalf={canAckOnBehalf}
        onAckOnBehalf={onAckOnBehalf}
        communeFilter={communeFilter}
        onClearCommune={() => setCommuneFilter(null)}
      />
      {canAckOnBehalf && (
        <AckOnBehalfModal
          pageId={page.id}
          target={ackTarget}
          onDone={(t) => setAnnounce(`${tp.received.acked} (${t.name})`)}
          onClosed={onAckClosed}
        />
      )}
    </div>
  );
}
