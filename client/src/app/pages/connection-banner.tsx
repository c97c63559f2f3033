import { fr } from '@codegouvfr/react-dsfr';
import type { ConnectionStatus } from '@/features/realtime/hooks/use-realtime';
import { formatClock } from '@/lib/format';
import { tc } from '@/features/crisis/i18n';

interface ConnectionBannerProps {
  status: ConnectionStatus;
  syncedAt: number | null;
}

/**
 * Says loudly that the picture is not live: « Reconnexion… » while the socket retries,
 * « Hors ligne — données figées à HH:MM » when it gave up or the machine is offline. The live
 * region stays in the page so that the change is announced.
 */
export function ConnectionBanner({ status, syncedAt }: ConnectionBannerProps) {
  const frozen = syncedAt !== null ? tc.connection.frozenAt(formatClock(syncedAt)) : null;
  // the first connection of a page load is not a loss of the live picture: no banner then
  const lost = status === 'offline' || (status === 'reconnecting' && syncedAt !== null);
  return (
    <div role="status" aria-live="assertive" aria-atomic="true" className="vigie-connection-live">
      {lost && (
        <p
          className={`vigie-connection vigie-connection--${status}`}
          data-testid="connection-banner"
          data-status={status}
        >
          <span
            className={fr.cx(
              status === 'offline' ? 'fr-icon-signal-wifi-error-line' : 'fr-icon-refresh-line',
              'fr-icon--sm',
            )}
            aria-hidden="true"
          />{' '}
          <strong>
            {status === 'offline' ? tc.connection.offline : tc.connection.reconnecting}
          </strong>
          {frozen && <> — {frozen}.</>}
          <span className="vigie-connection__hint"> {tc.connection.hint}</span>
        </p>
      )}
    </div>
  );
}
