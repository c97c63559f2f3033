import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ApiError } from '@/lib/api-client';
import { te } from '../i18n';

/** A refused request: the server's message and every problem it listed (line, bureau, numbers). */
export function ApiProblems({
  error,
  title = te.entry.refused,
}: {
  error: ApiError | null;
  title?: string;
}) {
  return (
    <Alert
      severity="error"
      className={fr.cx('fr-mt-2w')}
      title={title}
      description={
        error?.details.length ? (
          <ul data-testid="elections-problems">
            {error.details.map((d, i) => (
              <li key={i}>
                {d.path.startsWith('line.')
                  ? `Ligne ${d.path.split('.')[1]} — ${d.message}`
                  : d.message}
              </li>
            ))}
          </ul>
        ) : (
          (error?.message ?? te.errors.generic)
        )
      }
    />
  );
}
