import { fr } from '@codegouvfr/react-dsfr';
import { t } from '@/lib/i18n';

/** DSFR has no spinner: a status message that assistive technologies announce. */
export function PageLoader() {
  return (
    <p
      role="status"
      aria-live="polite"
      className={fr.cx('fr-icon-refresh-line', 'fr-text--lead', 'fr-py-6w')}
      data-testid="page-loader"
    >
      {t.app.loading}
    </p>
  );
}
