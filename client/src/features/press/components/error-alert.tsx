import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { isApiError } from '@/lib/api-client';
import { tpr } from '../i18n';

/** A failed request, explained in French, with the server's details. */
export function ErrorAlert({ error }: { error: Error }) {
  let text = tpr.errors.generic;
  let details: string[] = [];
  if (isApiError(error)) {
    details = error.details.map((d) => (d.path ? `${d.path} : ${d.message}` : d.message));
    if (error.status === 0) text = tpr.errors.network;
    else if (error.status === 403) text = tpr.errors.forbidden;
    else if (error.status === 404) text = tpr.errors.notFound;
    else if (error.status === 400) text = tpr.errors.validation;
    else if (error.status === 409) {
      text = tpr.errors.conflict;
      details = [error.message, ...details];
    } else if (error.status === 503) {
      text = tpr.errors.unavailable;
      details = [error.message];
    }
  }
  return (
    <div className={fr.cx('fr-my-2w')} role="alert" data-testid="press-error">
      <Alert
        severity="error"
        small
        title={tpr.errors.title}
        description={
          <>
            <span>{text}</span>
            {details.length > 0 && (
              <ul>
                {details.map((d, i) => (
                  <li key={`${i}-${d}`}>{d}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
}
