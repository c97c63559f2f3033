import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { isApiError } from '@/lib/api-client';
import { tp } from '../../i18n';
import { ApiErrorAlert } from '../api-error-alert';

/** The same `Idempotency-Key` was used with another body: an earlier attempt may have gone out. */
export function isKeyReused(error: Error | null): boolean {
  return (
    isApiError(error) &&
    error.status === 409 &&
    error.details.some((d) => d.path === 'Idempotency-Key')
  );
}

interface SendErrorProps {
  error: Error;
  describeDetail: (detail: { path: string; message: string }) => string;
  /** A new key, for a deliberate new page after a reused-key conflict. */
  onStartOver: () => void;
}

/** Why the page was not sent, and whether retrying is safe. */
export function SendError({ error, describeDetail, onStartOver }: SendErrorProps) {
  const reused = isKeyReused(error);
  const retryable = !isApiError(error) || error.status === 0 || error.status >= 500;
  return (
    <ApiErrorAlert
      error={error}
      title={tp.compose.sendFailed}
      describeDetail={describeDetail}
      text={reused ? tp.compose.keyReused : undefined}
      testId="paging-send-error"
    >
      {reused ? (
        <Button
          size="small"
          priority="secondary"
          className={fr.cx('fr-mt-1w')}
          onClick={onStartOver}
        >
          {tp.compose.startOver}
        </Button>
      ) : (
        retryable && <span className="vigie-paging-line">{tp.compose.sendRetryHint}</span>
      )}
    </ApiErrorAlert>
  );
}
