import { fr } from '@codegouvfr/react-dsfr';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { useSession } from '@/features/auth/hooks/use-session';
import { t } from '@/lib/i18n';
import { ROUTINE_MODULES } from '../modules';

const page = t.pages.routine;

/** The Cabinet's routine modules the signed-in user may open. */
export function RoutinePage() {
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const modules = ROUTINE_MODULES.filter((m) => m.roles.some((r) => roles.includes(r)));
  return (
    <>
      <title>{t.app.documentTitle(page.title)}</title>
      <h1>{page.title}</h1>
      <p>{page.description}</p>
      {modules.length === 0 ? (
        <p>{page.none}</p>
      ) : (
        <ul className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-raw-list')}>
          {modules.map((m) => (
            <li key={m.key} className={fr.cx('fr-col-12', 'fr-col-md-6', 'fr-col-lg-4')}>
              <Tile title={m.title} desc={m.description} linkProps={{ to: m.path }} titleAs="h2" />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
