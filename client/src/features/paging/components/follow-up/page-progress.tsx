import { fr } from '@codegouvfr/react-dsfr';
import type { PageCounts } from '@contracts/paging';
import { PAGE_COUNT_LABELS, tp } from '../../i18n';
import { ProgressBar, type ProgressTone } from '../progress-bar';

const DELIVERY_BARS = [
  'queued',
  'sent',
  'delivered',
  'failed',
] as const satisfies readonly ProgressTone[];

interface PageProgressProps {
  counts: PageCounts;
  ackRequired: boolean;
}

/**
 * The live counters of `page.updated`: messages by state (one per recipient and channel, out of
 * all messages) and acknowledgements (out of the recipients).
 */
export function PageProgress({ counts, ackRequired }: PageProgressProps) {
  const messages = counts.queued + counts.sent + counts.delivered + counts.failed;
  return (
    <div className="vigie-paging-progress" data-testid="paging-progress">
      <p className={fr.cx('fr-text--xs', 'fr-mb-1w')}>{tp.followUp.progressHint}</p>
      <ProgressBar
        tone="acknowledged"
        label={`${PAGE_COUNT_LABELS.acknowledged}${ackRequired ? '' : ` (${tp.list.noAckRequired})`}`}
        value={counts.acknowledged}
        max={counts.targets}
        valueText={tp.followUp.progressOf(
          counts.acknowledged,
          counts.targets,
          tp.followUp.unitTargets,
        )}
        testId="paging-progress-acknowledged"
      />
      {DELIVERY_BARS.map((state) => (
        <ProgressBar
          key={state}
          tone={state}
          label={PAGE_COUNT_LABELS[state]}
          value={counts[state]}
          max={messages}
          valueText={tp.followUp.progressOf(counts[state], messages, tp.followUp.unitMessages)}
          testId={`paging-progress-${state}`}
        />
      ))}
      <p className={fr.cx('fr-sr-only')} aria-live="polite" aria-atomic="true">
        {tp.followUp.liveSummary(counts.acknowledged, counts.targets, counts.failed)}
      </p>
    </div>
  );
}
