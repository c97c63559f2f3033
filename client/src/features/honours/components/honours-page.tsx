import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { NavLink, Route, Routes } from 'react-router-dom';
import { t } from '@/lib/i18n';
import { useHonoursPermissions } from '../hooks/use-honours-permissions';
import { th } from '../i18n';
import { DossierDetail } from './dossier-detail';
import { DossierForm } from './dossier-form';
import { DossiersList } from './dossiers-list';
import { PromotionDetail } from './promotion-detail';
import { PromotionsList } from './promotions-list';

const BASE = '/cabinet/distinctions';

/** Honours and medals: dossiers, eligibility, promotions and arrêtés. */
export function HonoursPage() {
  const { canRead, canEdit } = useHonoursPermissions();
  if (!canRead)
    return (
      <>
        <title>{t.app.documentTitle(th.title)}</title>
        <h1>{th.title}</h1>
        <Alert
          severity="warning"
          title={th.noAccessTitle}
          description={th.noAccess}
          small={false}
        />
      </>
    );
  return (
    <>
      <title>{t.app.documentTitle(th.title)}</title>
      <h1>{th.title}</h1>
      <nav aria-label={th.title} className={fr.cx('fr-mb-4w')}>
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline', 'fr-btns-group--sm')}>
          <li>
            <NavLink end to={BASE} className={fr.cx('fr-btn', 'fr-btn--secondary')}>
              {th.nav.dossiers}
            </NavLink>
          </li>
          {canEdit && (
            <li>
              <NavLink
                to={`${BASE}/dossiers/nouveau`}
                className={fr.cx('fr-btn', 'fr-btn--secondary')}
              >
                {th.nav.newDossier}
              </NavLink>
            </li>
          )}
          <li>
            <NavLink to={`${BASE}/promotions`} className={fr.cx('fr-btn', 'fr-btn--secondary')}>
              {th.nav.promotions}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<DossiersList base={BASE} />} />
        {canEdit && <Route path="dossiers/nouveau" element={<DossierForm base={BASE} />} />}
        <Route path="dossiers/:id" element={<DossierDetail base={BASE} />} />
        <Route path="promotions" element={<PromotionsList base={BASE} />} />
        <Route path="promotions/:id" element={<PromotionDetail base={BASE} />} />
      </Routes>
    </>
  );
}
