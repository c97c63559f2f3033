import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { fr } from '@codegouvfr/react-dsfr';
import { useEffect, useRef } from 'react';
import { isApiError } from '@/lib/api-client';
import { tc } from '../i18n';

function describe(error: Error): { text: string; details: string[] } {
  if (!isApiError(error)) return { text: tc.errors.generic, details: [] };
  const details = error.details.map((d) => (d.path ? `${d.path} : ${d.message}` : d.message));
  if (error.status === 0) return { text: tc.errors.network, details: [] };
  if (error.status === 403) return { text: tc.errors.forbidden, details: [] };
  if (error.status === 400) return { text: tc.errors.validation, details };
  if (error.status === 409)
    return { text: tc.errors.conflict, details: [error.message, ...details] };
  return { text: tc.errors.generic, details: [error.message] };
}

interface ApiErrorAlertProps {
  error: Error;
  /** Moves the focus to the message (after a form submission). */
  focus?: boolean;
  title?: string;
}

/** A failed request, explained in French; the server's details are listed as they are. */
export function ApiErrorAlert({
  error,
  focus = true,
  title = tc.errors.title,
}: ApiErrorAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [error, focus]);
  const { text, details } = describe(error);
  return (
    <div ref={ref} tabIndex={-1} className={fr.cx('fr-my-2w')} data-testid="api-error">
      <Alert
        severity="error"
        small
        title={title}
        description={
          <>
            <span>{text}</span>
            {details.length > 0 && (
              <ul>
                {details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
}
