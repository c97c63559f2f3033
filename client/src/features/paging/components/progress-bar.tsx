import { useId } from 'react';
import { formatNumber } from '../lib/format';

export type ProgressTone = 'queued' | 'sent' | 'delivered' | 'failed' | 'acknowledged';

interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  tone: ProgressTone;
  /** Read after the numbers: « 12 sur 40 destinataires ». */
  valueText: string;
  testId?: string;
  compact?: boolean;
}

/** One labelled bar: `role="progressbar"` with its value said in words. */
export function ProgressBar({
  label,
  value,
  max,
  tone,
  valueText,
  testId,
  compact,
}: ProgressBarProps) {
  const labelId = useId();
  const ratio = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <div
      className={`vigie-progress vigie-progress--${tone}${compact ? ' vigie-progress--compact' : ''}`}
      data-testid={testId}
      data-value={value}
      data-max={max}
    >
      {!compact && (
        <div className="vigie-progress__head">
          <span id={labelId} className="vigie-progress__label">
            {label}
          </span>
          <span className="vigie-progress__value" aria-hidden="true">
            {formatNumber(value)} / {formatNumber(max)}
          </span>
        </div>
      )}
      <div
        className="vigie-progress__track"
        role="progressbar"
        aria-labelledby={compact ? undefined : labelId}
        aria-label={compact ? label : undefined}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
      >
        <div className="vigie-progress__fill" style={{ width: `${(ratio * 100).toFixed(2)}%` }} />
      </div>
    </div>
  );
}
