import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { fr } from '@codegouvfr/react-dsfr';
import { loginRequestSchema } from '@contracts/auth';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Navigate, useLocation, type Location } from 'react-router-dom';
import { homePath } from '../home-path';
import { isApiError } from '@/lib/api-client';
import { t } from '@/lib/i18n';
import { getLastEndReason } from '@/lib/session';
import { useLogin } from '../hooks/use-login';
import { useSession } from '../hooks/use-session';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

const FIELD_MESSAGES: Record<Field, string> = {
  email: t.auth.emailInvalid,
  password: t.auth.passwordRequired,
};

function validate(email: string, password: string): FieldErrors {
  const result = loginRequestSchema.safeParse({ email, password });
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field === 'email' || field === 'password') errors[field] = FIELD_MESSAGES[field];
  }
  return errors;
}

function ErrorDescription({ error }: { error: Error }) {
  if (!isApiError(error)) return <p>{t.auth.unavailable}</p>;
  if (error.status === 401) return <p>{t.auth.invalidCredentials}</p>;
  if (error.status === 429) return <p>{t.auth.throttled}</p>;
  if (error.status === 400) {
    return (
      <>
        <p>{t.auth.validation}</p>
        <ul>
          {error.details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              {detail.path ? `${detail.path} : ` : ''}
              {detail.message}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <p>{t.auth.unavailable}</p>;
}

export function LoginPage() {
  const session = useSession();
  const location = useLocation();
  const origin = (location.state as { from?: Location } | null)?.from;
  const from = origin ? `${origin.pathname}${origin.search}${origin.hash}` : null;
  const [sessionExpired] = useState(() => getLastEndReason() === 'expired');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { mutate, error, isPending, reset } = useLogin();
  const alertRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  if (session) return <Navigate to={from ?? homePath(session.user.roles)} replace />;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset();
    const trimmedEmail = email.trim();
    const errors = validate(trimmedEmail, password);
    setFieldErrors(errors);
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
    else mutate({ email: trimmedEmail, password });
  };

  const fieldState = (field: Field) =>
    fieldErrors[field] ? { state: 'error' as const, stateRelatedMessage: fieldErrors[field] } : {};

  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
      <title>{t.app.documentTitle(t.auth.loginTitle)}</title>
      <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
        <h1>{t.auth.loginTitle}</h1>
        <p>{t.auth.loginIntro}</p>
        {sessionExpired && !error && (
          <Alert
            className={fr.cx('fr-mb-3w')}
            severity="info"
            small
            description={t.auth.sessionExpired}
          />
        )}
        {error && (
          <div ref={alertRef} tabIndex={-1} className={fr.cx('fr-mb-3w')} data-testid="login-error">
            <Alert
              severity="error"
              title={t.auth.errorTitle}
              description={<ErrorDescription error={error} />}
            />
          </div>
        )}
        <form onSubmit={onSubmit} noValidate aria-label={t.auth.loginTitle}>
          <Input
            label={t.auth.emailLabel}
            hintText={t.auth.emailHint}
            {...fieldState('email')}
            nativeInputProps={{
              ref: emailRef,
              type: 'email',
              name: 'email',
              autoComplete: 'email',
              required: true,
              value: email,
              onChange: (event) => {
                setEmail(event.target.value);
              },
            }}
          />
          <Input
            label={t.auth.passwordLabel}
            {...fieldState('password')}
            nativeInputProps={{
              ref: passwordRef,
              type: 'password',
              name: 'password',
              autoComplete: 'current-password',
              required: true,
              value: password,
              onChange: (event) => {
                setPassword(event.target.value);
              },
            }}
          />
          <Button type="submit" disabled={isPending} nativeButtonProps={{ 'aria-busy': isPending }}>
            {t.auth.submit}
          </Button>
        </form>
      </div>
    </div>
  );
}
