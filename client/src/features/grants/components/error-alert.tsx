import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { isApiError } from '@/lib/api-client';

/** A refused request with the server's list of problems (path : message). */
export function ErrorAlert({ error, title }: { error: Error; title: string }) {
  const details = isApiError(error) ? error.details : [];
  return (
    <div className={fr.cx('fr-my-2w')} role="alert">
      <Alert
        severity="error"
        small
        title={title}
        description={
          <>
            <span>{error.message}</span>
            {details.length > 0 && (
              <ul>
                {details.map((d, i) => (
                  <li key={`${i}-${d.path}`}>{d.path ? `${d.path} : ${d.message}` : d.message}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
}
