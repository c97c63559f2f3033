import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef, type ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { tp } from '../i18n';

type Detail = { path: string; message: string };

function describe(
  error: Error,
  detail: (d: Detail) => string,
): { text: string; details: string[] } {
  if (!isApiError(error)) return { text: tp.errors.generic, details: [] };
  const details = error.details.map(detail);
  if (error.status === 0) return { text: tp.errors.network, details: [] };
  if (error.status === 403) return { text: tp.errors.forbidden, details: [] };
  if (error.status === 404) return { text: tp.errors.notFound, details: [] };
  if (error.status === 400) return { text: tp.errors.validation, details };
  if (error.status === 409)
    return { text: tp.errors.conflict, details: [error.message, ...details] };
  return { text: tp.errors.generic, details: [error.message] };
}

const rawDetail = (d: Detail) => (d.path ? `${d.path} : ${d.message}` : d.message);

interface ApiErrorAlertProps {
  error: Error;
  title?: string;
  /** Moves the focus to the message (after a submission). */
  focus?: boolean;
  /** Says a server detail (`recipients.communeInsee.3`) in the user's words. */
  describeDetail?: (detail: Detail) => string;
  /** Replaces the generic explanation (e.g. a known conflict). */
  text?: ReactNode;
  children?: ReactNode;
  testId?: string;
}

/** A failed request, explained in French, with the server's details listed. */
export function ApiErrorAlert({
  error,
  title = tp.errors.title,
  focus = true,
  describeDetail = rawDetail,
  text,
  children,
  testId = 'api-error',
}: ApiErrorAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [error, focus]);
  const described = describe(error, describeDetail);
  return (
    <div ref={ref} tabIndex={-1} className={fr.cx('fr-my-2w')} data-testid={testId}>
      <Alert
        severity="error"
        small
        title={title}
        description={
          <>
            <span>{text ?? described.text}</span>
            {described.details.length > 0 && (
              <ul>
                {described.details.map((d, i) => (
                  <li key={`${i}-${d}`}>{d}</li>
                ))}
              </ul>
            )}
            {children}
          </>
        }
      />
    </div>
  );
}
