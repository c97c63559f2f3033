import { fr } from '@codegouvfr/react-dsfr';
import { Alert, type AlertProps } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { PageSeverity } from '@contracts/paging';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { removeReceivedPage, useAcknowledge, useReceivedPages, type ReceivedPage } from '../api';
import { tp } from '../i18n';
import { formatFull, formatWhen } from '../lib/format';
import { testId } from '../lib/test-id';
import { ApiErrorAlert } from './api-error-alert';
import { ExerciseBadge, PageSeverityBadge } from './badges';
import '../styles/paging.css';

const ALERT_SEVERITY: Record<PageSeverity, AlertProps.Severity> = {
  information: 'info',
  alerte: 'warning',
  crise: 'error',
};

export const RECEIVED_REGION_ID = 'vigie-paging-received';

/** The messages of one page and kind: a page re-sent, or the duty alerts of its recipients. */
interface ReceivedGroup {
  key: string;
  kind: ReceivedPage['kind'];
  pageId: string;
  /** Newest first. */
  items: ReceivedPage[];
}

function groupReceived(items: readonly ReceivedPage[]): ReceivedGroup[] {
  const groups = new Map<string, ReceivedGroup>();
  for (const item of items) {
    const key = `${item.kind}:${item.pageId}`;
    const group = groups.get(key) ?? { key, kind: item.kind, pageId: item.pageId, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** « 2 alertes reçues »: links to the messages, shown while some wait for the user. */
export function ReceivedBadge() {
  const items = useReceivedPages();
  const count = useMemo(() => groupReceived(items).length, [items]);
  if (count === 0) return null;
  return (
    <a
      href={`#${RECEIVED_REGION_ID}`}
      className="vigie-paging-received-badge"
      data-testid="paging-received-badge"
    >
      <Badge as="span" severity="new" small>
        {tp.received.badge(count)}
      </Badge>
    </a>
  );
}

/**
 * The pages this user received in the console (`page.received`), newest first, one block per
 * page: acknowledge (the user's own target), open the follow-up, or hide. The duty officers'
 * alerts about recipients who did not acknowledge are grouped per page. Shown on the paging
 * screens only.
 */
export function ReceivedPages({ canFollow }: { canFollow: boolean }) {
  const items = useReceivedPages();
  const groups = useMemo(() => groupReceived(items), [items]);
  if (groups.length === 0) return null;
  return (
    <section
      id={RECEIVED_REGION_ID}
      tabIndex={-1}
      aria-label={tp.received.region}
      className={fr.cx('fr-mb-4w')}
      data-testid="paging-received"
    >
      {groups.map((group) =>
        group.kind === 'duty_alert' ? (
          <DutyAlerts key={group.key} group={group} canFollow={canFollow} />
        ) : (
          <ReceivedItem key={group.key} group={group} canFollow={canFollow} />
        ),
      )}
    </section>
  );
}

function Meta({ item }: { item: ReceivedPage }) {
  return (
    <span className="vigie-paging-received__meta">
      <PageSeverityBadge severity={item.severity} />
      {item.exercise && <ExerciseBadge />}
      <time dateTime={item.receivedAt} title={formatFull(item.receivedAt)}>
        {formatWhen(item.receivedAt)}
      </time>
    </span>
  );
}

function Actions({
  group,
  canFollow,
  children,
}: {
  group: ReceivedGroup;
  canFollow: boolean;
  children?: ReactNode;
}) {
  return (
    <span className="vigie-paging-received__actions">
      {children}
      {canFollow && (
        <Link className={fr.cx('fr-link', 'fr-link--sm')} to={`/alerte/${group.pageId}`}>
          {tp.received.open}
        </Link>
      )}
      <Button
        size="small"
        priority="tertiary no outline"
        onClick={() => removeReceivedPage(group.pageId, group.kind)}
      >
        {tp.received.dismiss}
      </Button>
    </span>
  );
}

/** A page sent to this user: its newest message, and « Accuser réception » when asked for. */
function ReceivedItem({ group, canFollow }: { group: ReceivedGroup; canFollow: boolean }) {
  const ack = useAcknowledge();
  const [done, setDone] = useState(false);
  const item = group.items[0]!;
  const canAck = item.ackRequired && !done;
  return (
    <div
      className={fr.cx('fr-mb-2w')}
      data-testid="paging-received-item"
      data-page-id={item.pageId}
    >
      <Alert
        severity={ALERT_SEVERITY[item.severity]}
        as="h2"
        role="alert"
        title={tp.received.title(item.title)}
        description={
          <>
            <Meta item={item} />
            <span className="vigie-paging-message">{item.message}</span>
            {group.items.length > 1 && (
              <span className="vigie-paging-muted vigie-paging-line">
                {tp.received.rounds(group.items.length)}
              </span>
            )}
            {done && (
              <span role="status" className={fr.cx('fr-text--sm')}>
                {tp.received.acked}
              </span>
            )}
            {ack.error && <ApiErrorAlert error={ack.error} title={tp.received.ackFailed} />}
            <Actions group={group} canFollow={canFollow}>
              {canAck && (
                <Button
                  size="small"
                  iconId="fr-icon-check-line"
                  disabled={ack.isPending}
                  onClick={() =>
                    ack.mutate(
                      { pageId: item.pageId },
                      {
                        onSuccess: () => {
                          setDone(true);
                          // the message stays a moment, saying it is done, then goes
                          setTimeout(() => removeReceivedPage(item.pageId, 'page'), 4_000);
                        },
                      },
                    )
                  }
                  nativeButtonProps={{
                    'aria-busy': ack.isPending,
                    ...testId('paging-received-ack'),
                  }}
                >
                  {ack.isPending ? tp.received.acking : tp.received.ack}
                </Button>
              )}
            </Actions>
          </>
        }
      />
    </div>
  );
}

/** The duty officers told that recipients of a page did not acknowledge: one block per page. */
function DutyAlerts({ group, canFollow }: { group: ReceivedGroup; canFollow: boolean }) {
  const latest = group.items[0]!;
  return (
    <div
      className={fr.cx('fr-mb-2w')}
      data-testid="paging-received-duty"
      data-page-id={group.pageId}
    >
      <Alert
        severity="warning"
        as="h2"
        role="alert"
        title={tp.received.dutyTitle(group.items.length)}
        description={
          <>
            <Meta item={latest} />
            <span className="vigie-paging-line">{tp.received.dutyText}</span>
            <details className={fr.cx('fr-mt-1w')}>
              <summary>{tp.received.dutyList(group.items.length)}</summary>
              <ul className="vigie-paging-received__duty">
                {group.items.map((i) => (
                  <li key={i.deliveryId}>{i.message}</li>
                ))}
              </ul>
            </details>
            <Actions group={group} canFollow={canFollow} />
          </>
        }
      />
    </div>
  );
}
