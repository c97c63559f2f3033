import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import type { Channel, PageTarget } from '@contracts/paging';
import { memo, useDeferredValue, useMemo, useState, type MouseEvent } from 'react';
import { ACK_VIA_LABELS, CHANNEL_LABELS, CONTACT_FUNCTION_LABELS, tp } from '../../i18n';
import { communeLabel, type CommuneIndex } from '../../lib/communes';
import { formatAddress, formatFull, formatStamp } from '../../lib/format';
import {
  deliveryNote,
  firstLevel,
  hasFailure,
  matchesFilter,
  reachState,
  searchKey,
  viaLabel,
  type TargetFilter,
  type ViaContext,
} from '../../lib/targets';
import { testId } from '../../lib/test-id';
import { DeliveryStateBadge } from '../badges';

const PAGE_SIZE = 200;
/** Channels whose address helps the officer (a number to call, an e-mail); not account ids. */
const DIALLED = new Set<Channel>(['sms', 'voice', 'email']);
const FILTER_LABELS: Record<TargetFilter, string> = {
  all: tp.targets.filterAll,
  unacked: tp.targets.filterUnacked,
  failed: tp.targets.filterFailed,
};

const functionLabel = (f: string) =>
  (CONTACT_FUNCTION_LABELS as Record<string, string | undefined>)[f] ?? f;

export interface ServiceName {
  id: string;
  code: string;
  name: string;
}

interface TargetsTableProps {
  targets: readonly PageTarget[];
  ackRequired: boolean;
  communes: CommuneIndex | null;
  services: ReadonlyMap<string, ServiceName>;
  /** Shows « Acquitter pour le compte de … » on the rows not acknowledged. */
  canAckOnBehalf: boolean;
  onAckOnBehalf: (target: PageTarget, opener: HTMLElement) => void;
  /** Set from the map: only that commune's recipients. */
  communeFilter: string | null;
  onClearCommune: () => void;
}

/** Every recipient: where they are, why paged, each message's state, the acknowledgement. */
export function TargetsTable({
  targets,
  ackRequired,
  communes,
  services,
  canAckOnBehalf,
  onAckOnBehalf,
  communeFilter,
  onClearCommune,
}: TargetsTableProps) {
  const [filter, setFilter] = useState<TargetFilter>('all');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const deferredQuery = useDeferredValue(query);

  const ctx: ViaContext = useMemo(
    () => ({ communes, targetsById: new Map(targets.map((t) => [t.id, t])) }),
    [communes, targets],
  );
  const counts = useMemo(
    () => ({
      all: targets.length,
      unacked: targets.filter((t) => !t.acknowledgedAt).length,
      failed: targets.filter(hasFailure).length,
    }),
    [targets],
  );
  const shown = useMemo(() => {
    const key = searchKey(deferredQuery.trim());
    return targets.filter(
      (t) =>
        matchesFilter(t, filter) &&
        (communeFilter === null || t.communeInsee === communeFilter) &&
        (!key || searchKey(t.name).includes(key)),
    );
  }, [targets, filter, communeFilter, deferredQuery]);

  const segment = (f: TargetFilter) => ({
    label: `${FILTER_LABELS[f]} (${counts[f]})`,
    nativeInputProps: {
      checked: filter === f,
      onChange: () => {
        setFilter(f);
        setLimit(PAGE_SIZE);
      },
      ...testId(`paging-filter-${f}`),
    },
  });

  return (
    <section
      aria-labelledby="vigie-paging-targets-title"
      className="vigie-paging-targets"
      data-testid="paging-targets"
    >
      <h2 id="vigie-paging-targets-title" tabIndex={-1} className={fr.cx('fr-h4', 'fr-mb-2w')}>
        {tp.targets.title}
      </h2>
      <div className="vigie-paging-targets__filters">
        <SegmentedControl
          small
          legend={tp.targets.filter}
          inlineLegend
          segments={[segment('all'), segment('unacked'), segment('failed')]}
        />
        <Input
          label={tp.targets.search}
          className="vigie-paging-targets__search"
          nativeInputProps={{
            type: 'search',
            value: query,
            onChange: (e) => setQuery(e.target.value),
            ...testId('paging-target-search'),
          }}
        />
        {communeFilter !== null && (
          <Tag
            small
            dismissible
            nativeButtonProps={{
              type: 'button',
              'aria-label': `${tp.targets.clearCommune} (${communeLabel(communes, communeFilter)})`,
              onClick: onClearCommune,
              ...testId('paging-commune-filter'),
            }}
          >
            {tp.targets.communeFilter(communeLabel(communes, communeFilter))}
          </Tag>
        )}
      </div>
      <div className={fr.cx('fr-table', 'fr-table--sm', 'fr-table--multiline')}>
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <table className="vigie-paging-targets__table">
                <caption role="status" aria-live="polite" aria-atomic="true">
                  {tp.targets.caption(shown.length, targets.length)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{tp.targets.colName}</th>
                    <th scope="col">{tp.targets.colPlace}</th>
                    <th scope="col">{tp.targets.colVia}</th>
                    <th scope="col">{tp.targets.colDeliveries}</th>
                    <th scope="col">{tp.targets.colAck}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.slice(0, limit).map((t) => (
                    <TargetRow
                      key={t.id}
                      target={t}
                      ctx={ctx}
                      services={services}
                      ackRequired={ackRequired}
                      canAckOnBehalf={canAckOnBehalf && ackRequired}
                      onAckOnBehalf={onAckOnBehalf}
                    />
                  ))}
                  {shown.length === 0 && (
                    <tr>
                      <td colSpan={5}>{tp.targets.empty}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      {shown.length > limit && (
        <Button priority="secondary" onClick={() => setLimit((l) => l + PAGE_SIZE)}>
          {tp.targets.showMore(Math.min(PAGE_SIZE, shown.length - limit))}
        </Button>
      )}
    </section>
  );
}

interface TargetRowProps {
  target: PageTarget;
  ctx: ViaContext;
  services: ReadonlyMap<string, ServiceName>;
  ackRequired: boolean;
  canAckOnBehalf: boolean;
  onAckOnBehalf: (target: PageTarget, opener: HTMLElement) => void;
}

const TargetRow = memo(function TargetRow({
  target: t,
  ctx,
  services,
  ackRequired,
  canAckOnBehalf,
  onAckOnBehalf,
}: TargetRowProps) {
  const service = t.serviceId ? services.get(t.serviceId) : undefined;
  const replaced = t.escalatedFromTargetId
    ? ctx.targetsById.get(t.escalatedFromTargetId)
    : undefined;
  const level = tp.targets.escalationLevel[t.escalationLevel];
  const base = firstLevel(t);
  return (
    <tr
      data-testid="paging-target-row"
      data-target-id={t.id}
      data-state={reachState(t)}
      data-acked={t.acknowledgedAt ? 'true' : 'false'}
    >
      <th scope="row">
        <span className="vigie-paging-target__name">{t.name}</span>
        <span className="vigie-paging-muted vigie-paging-line">{functionLabel(t.function)}</span>
        {replaced && (
          <span className="vigie-paging-muted vigie-paging-line">
            {tp.targets.escalated(replaced.name)}
          </span>
        )}
        {level && !t.acknowledgedAt && !t.escalatedFromTargetId && (
          <span className="vigie-paging-warning vigie-paging-line">{level}</span>
        )}
      </th>
      <td>
        {t.communeInsee && (
          <span className="vigie-paging-line">{communeLabel(ctx.communes, t.communeInsee)}</span>
        )}
        {service && (
          <span className="vigie-paging-line">{`${service.name} (${service.code})`}</span>
        )}
      </td>
      <td>
        {t.via.map((v) => (
          <span key={v} className="vigie-paging-line">
            {viaLabel(v, ctx)}
          </span>
        ))}
      </td>
      <td>
        {t.deliveries.length === 0 ? (
          <span className="vigie-paging-warning">{tp.targets.noDelivery}</span>
        ) : (
          <ul className="vigie-paging-deliveries">
            {t.deliveries.map((d) => {
              const note = deliveryNote(d, base);
              return (
                <li
                  key={d.id}
                  data-testid="paging-delivery"
                  data-channel={d.channel}
                  data-state={d.state}
                >
                  <span className="vigie-paging-deliveries__channel">
                    {CHANNEL_LABELS[d.channel]}
                  </span>{' '}
                  <DeliveryStateBadge state={d.state} />
                  {(d.attempts > 1 || d.state === 'failed') && (
                    <span className="vigie-paging-muted"> · {tp.targets.attempts(d.attempts)}</span>
                  )}
                  {note && <span className="vigie-paging-muted"> · {note}</span>}
                  {DIALLED.has(d.channel) && (
                    <span className="vigie-paging-muted vigie-paging-address">
                      {' '}
                      · {formatAddress(d.address)}
                    </span>
                  )}
                  {d.error && (
                    <span className="vigie-paging-error vigie-paging-line">{d.error}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </td>
      <td>
        {t.acknowledgedAt ? (
          <span className="vigie-paging-acked">
            <time dateTime={t.acknowledgedAt} title={formatFull(t.acknowledgedAt)}>
              {tp.targets.ackedAt(formatStamp(t.acknowledgedAt))}
            </time>
            {t.acknowledgedVia && (
              <span className="vigie-paging-line">{ACK_VIA_LABELS[t.acknowledgedVia]}</span>
            )}
            {t.acknowledgedBy && (
              <span className="vigie-paging-muted vigie-paging-line">
                {tp.targets.ackedBy(t.acknowledgedBy)}
              </span>
            )}
          </span>
        ) : ackRequired ? (
          <>
            <span className="vigie-paging-pending vigie-paging-line">{tp.targets.notAcked}</span>
            {canAckOnBehalf && (
              <Button
                size="small"
                priority="secondary"
                iconId="fr-icon-phone-line"
                className={fr.cx('fr-mt-1v')}
                onClick={(e: MouseEvent<HTMLButtonElement>) => onAckOnBehalf(t, e.currentTarget)}
                nativeButtonProps={{
                  'aria-label': tp.targets.ackOnBehalf(t.name),
                  ...testId('paging-ack-on-behalf'),
                }}
              >
                {tp.targets.ackOnBehalfShort}
              </Button>
            )}
          </>
        ) : (
          <span className="vigie-paging-muted">—</span>
        )}
      </td>
    </tr>
  );
});
