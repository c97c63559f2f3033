import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { t } from '@/lib/i18n';
import type { ConnectionStatus } from '../hooks/use-realtime';

const DISPLAY = {
  connected: { severity: 'success', text: t.realtime.connected },
  reconnecting: { severity: 'warning', text: t.realtime.reconnecting },
  offline: { severity: 'error', text: t.realtime.offline },
} as const satisfies Record<
  ConnectionStatus,
  { severity: 'success' | 'warning' | 'error'; text: string }
>;

interface ConnectionIndicatorProps {
  status: ConnectionStatus;
  /** Set by the DSFR Header, which renders quick-access items twice (desktop, then mobile menu). */
  id?: string;
}

export function ConnectionIndicator({ status, id }: ConnectionIndicatorProps) {
  const { severity, text } = DISPLAY[status];
  const isMobileCopy = id?.endsWith('-mobile') ?? false;
  return (
    <span
      id={id}
      className="vigie-header-item"
      role="status"
      aria-live="polite"
      title={t.realtime.label}
      data-testid={isMobileCopy ? 'connection-indicator-mobile' : 'connection-indicator'}
      data-status={status}
    >
      <Badge as="span" severity={severity} small>
        {text}
      </Badge>
    </span>
  );
}
