import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { tt } from '../i18n';

/** Loading, error (with retry) or the content of a query. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <p role="status">{tt.loading}</p>;
  if (query.isError)
    return (
      <>
        <Alert severity="error" small description={tt.loadError} />
        <Button priority="secondary" size="small" onClick={() => void query.refetch()}>
          {tt.retry}
        </Button>
      </>
    );
  return <>{children(query.data)}</>;
}

/** An API refusal with its list of reasons, as the server words them. */
export function ErrorDetails({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  const details = isApiError(error) ? error.details : [];
  return (
    <Alert
      severity="error"
      small
      title={title}
      description={
        <>
          <span>{error instanceof Error ? error.message : tt.loadError}</span>
          {details.length > 0 && (
            <ul data-testid="travellers-error-details">
              {details.map((d, i) => (
                <li key={i}>
                  {d.path ? <code>{d.path}</code> : null} {d.message}
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
