import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { DeliveryState, PageSeverity } from '@contracts/paging';
import { DELIVERY_STATE_LABELS, PAGE_SEVERITY_LABELS, tp } from '../i18n';

type Severity = 'success' | 'error' | 'info' | 'warning' | 'new' | undefined;

const SEVERITY: Record<PageSeverity, Severity> = {
  information: 'info',
  alerte: 'warning',
  crise: 'error',
};

const DELIVERY: Record<DeliveryState, Severity> = {
  queued: undefined,
  sending: 'new',
  sent: 'info',
  delivered: 'success',
  failed: 'error',
  cancelled: undefined,
};

export function PageSeverityBadge({ severity }: { severity: PageSeverity }) {
  return (
    <Badge as="span" small severity={SEVERITY[severity]} className="vigie-paging-badge">
      {PAGE_SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export function ExerciseBadge() {
  return (
    <Badge as="span" small noIcon className="vigie-paging-badge vigie-paging-badge--exercise">
      {tp.exercise}
    </Badge>
  );
}

export function DeliveryStateBadge({ state }: { state: DeliveryState }) {
  return (
    <Badge
      as="span"
      small
      noIcon
      severity={DELIVERY[state]}
      className={`vigie-paging-badge vigie-paging-badge--${state}`}
    >
      {DELIVERY_STATE_LABELS[state]}
    </Badge>
  );
}
