import { fr } from '@codegouvfr/react-dsfr';
import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { t } from '@/lib/i18n';
import { tpr } from '../i18n';
import { CommuniqueDetail, CommuniqueForm, CommuniqueList } from './communiques';
import { ContactsSection } from './contacts';
import { PublicationsSection } from './publications';
import { RequestsSection } from './requests';
import { VisitDetail, VisitForm, VisitsSection } from './visits';
import '../press.css';

const SECTIONS = [
  ['communiques', tpr.nav.communiques],
  ['contacts', tpr.nav.contacts],
  ['demandes', tpr.nav.requests],
  ['visites', tpr.nav.visits],
  ['publications', tpr.nav.publications],
] as const;

/** `/presse/*`: communiqués, press contacts, requests, visits and official publications. */
export function PressPage() {
  return (
    <div data-testid="press-page">
      <title>{t.app.documentTitle(tpr.title)}</title>
      <h1>{tpr.title}</h1>
      <nav className={fr.cx('fr-nav', 'fr-mb-3w')} aria-label={tpr.title}>
        <ul className={fr.cx('fr-nav__list')}>
          {SECTIONS.map(([path, label]) => (
            <li key={path} className={fr.cx('fr-nav__item')}>
              <NavLink to={`/presse/${path}`} className={fr.cx('fr-nav__link')}>
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="communiques" replace />} />
        <Route path="communiques" element={<CommuniqueList />} />
        <Route path="communiques/nouveau" element={<CommuniqueForm />} />
        <Route path="communiques/:id" element={<CommuniqueDetail />} />
        <Route path="contacts" element={<ContactsSection />} />
        <Route path="demandes" element={<RequestsSection />} />
        <Route path="visites" element={<VisitsSection />} />
        <Route path="visites/nouvelle" element={<VisitForm />} />
        <Route path="visites/:id" element={<VisitDetail />} />
        <Route path="publications" element={<PublicationsSection />} />
        <Route path="*" element={<Navigate to="communiques" replace />} />
      </Routes>
    </div>
  );
}
