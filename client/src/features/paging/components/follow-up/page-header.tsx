import { fr } from '@codegouvfr/react-dsfr';
import type { PageSummary } from '@contracts/paging';
import { CHANNEL_LABELS, tp } from '../../i18n';
import { formatFull, formatWhen } from '../../lib/format';
import { ExerciseBadge, PageSeverityBadge } from '../badges';

interface PageHeaderProps {
  page: PageSummary;
  crisisTitle: string | null;
  /** The signed-in user, to say « par vous ». */
  userId: string | null;
}

/** Title, level, exercise, when and by whom, channels, acknowledgement, crisis, message. */
export function PageHeader({ page, crisisTitle, userId }: PageHeaderProps) {
  return (
    <header className="vigie-paging-follow__header" data-testid="paging-header">
      <h1 className={fr.cx('fr-h2', 'fr-mb-1w')} data-testid="paging-title-view">
        {page.exercise && <span className={fr.cx('fr-sr-only')}>{tp.exercise} — </span>}
        {page.title}
      </h1>
      <p className="vigie-paging-follow__meta">
        <PageSeverityBadge severity={page.severity} />
        {page.exercise && <ExerciseBadge />}
        <span>
          <time dateTime={page.createdAt} title={formatFull(page.createdAt)}>
            {tp.followUp.sentAt(formatWhen(page.createdAt))}
          </time>
          {userId !== null && page.createdBy === userId && ` ${tp.followUp.byYou}`}
        </span>
      </p>
      <dl className="vigie-paging-follow__facts">
        <div>
          <dt>{tp.followUp.channels}</dt>
          <dd>{page.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}</dd>
        </div>
        <div>
          <dt>{tp.compose.ack}</dt>
          <dd>
            {page.ackRequired
              ? tp.followUp.ackRequired(Math.round(page.escalateAfterSec / 60))
              : tp.followUp.ackNotRequired}
          </dd>
        </div>
        {crisisTitle && (
          <div>
            <dt>{tp.followUp.crisis}</dt>
            <dd>{crisisTitle}</dd>
          </div>
        )}
      </dl>
      <details className="vigie-paging-follow__message" open>
        <summary>{tp.followUp.message}</summary>
        <p className="vigie-paging-message" data-testid="paging-message-view">
          {page.message}
        </p>
      </details>
    </header>
  );
}
