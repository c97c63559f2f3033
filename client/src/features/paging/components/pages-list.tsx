import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { PageSummary } from '@contracts/paging';
import { Link } from 'react-router-dom';
import { usePages } from '../api';
import { tp } from '../i18n';
import { formatFull, formatNumber, formatStamp } from '../lib/format';
import { testId } from '../lib/test-id';
import { ApiErrorAlert } from './api-error-alert';
import { ExerciseBadge, PageSeverityBadge } from './badges';
import { ProgressBar } from './progress-bar';
import '../styles/paging.css';

export interface CrisisRef {
  id: string;
  title: string;
  status: string;
  exercise: boolean;
}

interface PagesListProps {
  crises: readonly CrisisRef[];
  canCompose: boolean;
}

/** `/alerte`: the latest pages, their counters live, a link to each follow-up. */
export function PagesList({ crises, canCompose }: PagesListProps) {
  const pages = usePages();
  const crisisTitle = new Map(crises.map((c) => [c.id, c.title]));

  return (
    <div data-testid="paging-list">
      <div className="vigie-paging-head">
        <div>
          <h2 className={fr.cx('fr-h3', 'fr-mb-1w')}>{tp.list.title}</h2>
          <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>{tp.list.intro}</p>
        </div>
        {canCompose && (
          <Button
            iconId="fr-icon-add-line"
            linkProps={{ to: '/alerte/nouvelle', ...testId('paging-new') }}
          >
            {tp.list.newPage}
          </Button>
        )}
      </div>
      {pages.error ? (
        <>
          <ApiErrorAlert error={pages.error} title={tp.list.loadError} focus={false} />
          <Button priority="secondary" onClick={() => void pages.refetch()}>
            {tp.retry}
          </Button>
        </>
      ) : pages.isPending ? (
        <p role="status">{tp.pickers.loading}</p>
      ) : pages.data.data.length === 0 ? (
        <p data-testid="paging-list-empty">{tp.list.empty}</p>
      ) : (
        <div className={fr.cx('fr-table', 'fr-table--no-caption', 'fr-table--multiline')}>
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table className="vigie-paging-list">
                  <caption>{tp.list.caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tp.list.colTitle}</th>
                      <th scope="col">{tp.list.colSent}</th>
                      <th scope="col" className="vigie-num">
                        {tp.list.colTargets}
                      </th>
                      <th scope="col">{tp.list.colAck}</th>
                      <th scope="col">{tp.list.colDelivery}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pages.data.data.map((page) => (
                      <PageRow
                        key={page.id}
                        page={page}
                        crisisTitle={crisisTitle.get(page.crisisId ?? '')}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

function PageRow({ page, crisisTitle }: { page: PageSummary; crisisTitle: string | undefined }) {
  const { counts } = page;
  const messages = counts.queued + counts.sent + counts.delivered + counts.failed;
  // sent or delivered: handed to the operator (e-mail has no delivery receipt)
  const handedOver = counts.sent + counts.delivered;
  return (
    <tr data-testid="paging-list-row" data-page-id={page.id}>
      <td>
        <Link to={`/alerte/${page.id}`} className="vigie-paging-list__title">
          {page.title}
        </Link>
        <span className="vigie-paging-list__meta">
          <PageSeverityBadge severity={page.severity} />
          {page.exercise && <ExerciseBadge />}
          {crisisTitle && <span>{crisisTitle}</span>}
        </span>
      </td>
      <td>
        <time dateTime={page.createdAt} title={formatFull(page.createdAt)}>
          {formatStamp(page.createdAt)}
        </time>
      </td>
      <td className="vigie-num">{formatNumber(counts.targets)}</td>
      <td>
        {page.ackRequired ? (
          <>
            <span className="vigie-paging-list__figure">
              {tp.list.acked(counts.acknowledged, counts.targets)}
            </span>
            <ProgressBar
              compact
              tone="acknowledged"
              label={tp.list.colAck}
              value={counts.acknowledged}
              max={counts.targets}
              valueText={tp.followUp.progressOf(
                counts.acknowledged,
                counts.targets,
                tp.followUp.unitTargets,
              )}
            />
          </>
        ) : (
          <span className="vigie-paging-muted">{tp.list.noAckRequired}</span>
        )}
      </td>
      <td>
        <span className="vigie-paging-list__figure">{tp.list.deliverySummary(counts)}</span>
        <ProgressBar
          compact
          tone="delivered"
          label={tp.list.colDelivery}
          value={handedOver}
          max={messages}
          valueText={tp.followUp.progressOf(handedOver, messages, tp.list.unitHandedOver)}
        />
      </td>
    </tr>
  );
}
