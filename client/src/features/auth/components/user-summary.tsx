import { fr } from '@codegouvfr/react-dsfr';
import type { PublicUser } from '@contracts/auth';
import { ROLE_LABELS } from '@contracts/roles';
import { t } from '@/lib/i18n';

interface UserSummaryProps {
  user: PublicUser;
  /** Set by the DSFR Header, which renders quick-access items twice (desktop, then mobile menu). */
  id?: string;
}

/** Who is signed in and with which roles, for the header. */
export function UserSummary({ user, id }: UserSummaryProps) {
  const roles = user.roles.map((role) => ROLE_LABELS[role]).join(', ');
  return (
    <span
      id={id}
      className="vigie-header-item"
      data-testid={id?.endsWith('-mobile') ? 'current-user-mobile' : 'current-user'}
    >
      <span className={fr.cx('fr-icon-account-circle-line', 'fr-icon--sm')} aria-hidden="true" />
      <span>
        <strong>{user.displayName}</strong>
        {roles && (
          <>
            <span className={fr.cx('fr-sr-only')}> — {t.auth.userRoles} : </span>
            <span className="vigie-header-item__detail" aria-hidden="true">
              {' '}
              ·{' '}
            </span>
            <span className="vigie-header-item__detail">{roles}</span>
          </>
        )}
      </span>
    </span>
  );
}
