import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef } from 'react';
import { isApiError } from '@/lib/api-client';
import { th } from '../i18n';

/** A failed request in French, with every problem the server listed. */
export function ApiErrorAlert({ error }: { error: Error }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  let text = th.errors.generic;
  let details: string[] = [];
  if (isApiError(error)) {
    details = error.details.map((d) => (d.path ? `${d.path} : ${d.message}` : d.message));
    if (error.status === 0) text = th.errors.network;
    else if (error.status === 403) text = th.errors.forbidden;
    else if (error.status === 404) text = th.errors.notFound;
    else if (error.status === 400) text = th.errors.validation;
    else if (error.status === 409) {
      text = th.errors.conflict;
      details = [error.message, ...details];
    }
  }
  return (
    <div ref={ref} tabIndex={-1} data-testid="api-error">
      <Alert
        severity="error"
        title={th.errors.title}
        description={
          <>
            <p>{text}</p>
            {details.length > 0 && (
              <ul>
                {details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </>
        }
        small={false}
      />
    </div>
  );
}
