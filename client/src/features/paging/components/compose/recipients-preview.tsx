import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { Channel, RecipientsPreview } from '@contracts/paging';
import type { ReactNode } from 'react';
import { CHANNEL_LABELS, tp } from '../../i18n';
import type { CommuneIndex } from '../../lib/communes';
import { formatNumber } from '../../lib/format';
import { viaLabel } from '../../lib/targets';
import { ApiErrorAlert } from '../api-error-alert';

const LIST_MAX = 100;
const KINDS = ['contact', 'group', 'service', 'commune'] as const;
const NO_TARGETS = new Map();

interface RecipientsPreviewPanelProps {
  preview: RecipientsPreview | undefined;
  pending: boolean;
  error: Error | null;
  /** The recipients changed since this preview was computed. */
  stale: boolean;
  channels: readonly Channel[];
  communes: CommuneIndex | null;
  describeDetail: (detail: { path: string; message: string }) => string;
  /** The send button, shown with a fresh preview only. */
  children?: ReactNode;
}

/**
 * Who the page will reach before it is sent: the number of people, by kind of recipient and by
 * checked channel (warning about people without an address), the list, or the 400's details.
 */
export function RecipientsPreviewPanel({
  preview,
  pending,
  error,
  stale,
  channels,
  communes,
  describeDetail,
  children,
}: RecipientsPreviewPanelProps) {
  const state = pending
    ? 'pending'
    : error
      ? 'error'
      : !preview
        ? 'idle'
        : stale
          ? 'stale'
          : 'ready';
  return (
    <section
      className="vigie-paging-preview"
      aria-labelledby="vigie-paging-preview-title"
      data-testid="paging-preview"
      data-state={state}
      data-targets={preview && !stale ? preview.counts.targets : undefined}
    >
      <h2 id="vigie-paging-preview-title" className={fr.cx('fr-h5', 'fr-mb-2w')}>
        {tp.preview.title}
      </h2>
      <div role="status" aria-live="polite">
        {state === 'idle' && <p className={fr.cx('fr-text--sm')}>{tp.compose.previewFirst}</p>}
        {state === 'pending' && <p>{tp.preview.loading}</p>}
        {state === 'stale' && <Alert severity="warning" small description={tp.preview.stale} />}
        {state === 'ready' && preview && (
          <p className="vigie-paging-preview__total" data-testid="paging-preview-total">
            {tp.preview.total(preview.counts.targets)}
          </p>
        )}
      </div>
      {state === 'error' && error && (
        <ApiErrorAlert
          error={error}
          title={tp.preview.failed}
          describeDetail={describeDetail}
          testId="paging-preview-error"
        />
      )}
      {state === 'ready' && preview && (
        <PreviewFigures preview={preview} channels={channels} communes={communes} />
      )}
      {state === 'ready' && children}
    </section>
  );
}

function PreviewFigures({
  preview,
  channels,
  communes,
}: {
  preview: RecipientsPreview;
  channels: readonly Channel[];
  communes: CommuneIndex | null;
}) {
  const { counts, targets } = preview;
  const unreachable = channels.filter((c) => counts.byChannel[c] < counts.targets);
  const nobody =
    channels.length > 0 &&
    targets.length > 0 &&
    targets.every((t) => !channels.some((c) => reachable(t, c)));
  return (
    <>
      <div className="vigie-paging-preview__figures">
        <div>
          <h3 className={fr.cx('fr-text--md', 'fr-mb-1v')}>{tp.preview.byKind}</h3>
          <ul className="vigie-paging-figures" data-testid="paging-preview-kinds">
            {KINDS.filter((k) => counts.byKind[k] > 0).map((k) => (
              <li key={k} data-kind={k}>
                {tp.preview.kinds[k]} : <strong>{formatNumber(counts.byKind[k])}</strong>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className={fr.cx('fr-text--md', 'fr-mb-1v')}>{tp.preview.byChannel}</h3>
          <ul className="vigie-paging-figures" data-testid="paging-preview-channels">
            {channels.map((c) => (
              <li key={c} data-channel={c}>
                {CHANNEL_LABELS[c]} :{' '}
                <strong>{tp.preview.reachable(counts.byChannel[c], counts.targets)}</strong>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {nobody ? (
        <Alert severity="error" small description={tp.preview.nobodyReachable} />
      ) : (
        unreachable.length > 0 && (
          <Alert
            severity="warning"
            small
            description={
              <>
                {unreachable.map((c) => (
                  <span key={c} className="vigie-paging-line">
                    {tp.preview.unreachable(
                      CHANNEL_LABELS[c],
                      counts.targets - counts.byChannel[c],
                    )}
                  </span>
                ))}
              </>
            }
          />
        )
      )}
      <details className={fr.cx('fr-mt-2w')}>
        <summary>{tp.preview.list(targets.length)}</summary>
        <ul className="vigie-paging-preview__list" data-testid="paging-preview-list">
          {targets.slice(0, LIST_MAX).map((t) => (
            <li key={t.contactId}>
              <strong>{t.name}</strong>
              <span className="vigie-paging-muted">
                {' '}
                — {t.via.map((v) => viaLabel(v, { communes, targetsById: NO_TARGETS })).join(' ; ')}
              </span>
            </li>
          ))}
        </ul>
        {targets.length > LIST_MAX && (
          <p className={fr.cx('fr-text--sm')}>{tp.preview.more(targets.length - LIST_MAX)}</p>
        )}
      </details>
    </>
  );
}

/** As the server counts `byChannel`. */
function reachable(t: RecipientsPreview['targets'][number], channel: Channel): boolean {
  switch (channel) {
    case 'sms':
      return !!t.mobile;
    case 'voice':
      return !!t.mobile || !!t.landline;
    case 'email':
      return !!t.email;
    case 'push':
    case 'inapp':
      return !!t.userId;
  }
}
