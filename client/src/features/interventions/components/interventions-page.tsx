import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useSyncExternalStore } from 'react';
import { NavLink, Route, Routes } from 'react-router-dom';
import { t } from '@/lib/i18n';
import { getSession, subscribeSession } from '@/lib/session';
import { clearNotices, getNotices, subscribeNotices } from '../api';
import { ti } from '../i18n';
import { interventionPermissionsOf, type InterventionPermissions } from '../permissions';
import { CreateInterventionForm } from './create-form';
import { InterventionsDashboard } from './dashboard';
import { InterventionDetailView } from './intervention-detail';
import { OfficialSheetView, OfficialsList } from './official-sheets';
import { Register } from './register';

/**
 * `/cabinet/interventions/*`: the register, a new intervention, one intervention, the
 * dashboard with the weekly list, the fiches élus. A liaison officer gets the register of
 * their service only (the server enforces it; the screens just hide what they cannot use).
 */
export function InterventionsPage() {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const can = interventionPermissionsOf(session?.user.roles);
  return (
    <div data-testid="interventions-page">
      <title>{t.app.documentTitle(ti.title)}</title>
      <h1>{ti.title}</h1>
      <p>{can.readAll ? ti.intro : ti.serviceIntro}</p>
      <p className={fr.cx('fr-text--xs', 'fr-mb-2w')}>{ti.confidential}</p>
      <Notices />
      {can.readAll && <Tabs />}
      <Routes>
        <Route index element={<Register can={can} />} />
        {can.edit && <Route path="nouvelle" element={<CreateInterventionForm />} />}
        {can.readAll && <Route path="tableau-de-bord" element={<InterventionsDashboard />} />}
        {can.readAll && <Route path="elus" element={<OfficialsList />} />}
        {can.readAll && <Route path="elus/:contactId" element={<OfficialSheetView />} />}
        <Route path=":id" element={<InterventionDetailView can={can} />} />
      </Routes>
    </div>
  );
}

function Tabs() {
  const links: [string, string][] = [
    ['/cabinet/interventions', ti.tabs.register],
    ['/cabinet/interventions/tableau-de-bord', ti.tabs.dashboard],
    ['/cabinet/interventions/elus', ti.tabs.officials],
  ];
  return (
    <nav className={fr.cx('fr-mb-3w')} aria-label={ti.title}>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm')}>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink
              to={to}
              end
              className={({ isActive }) =>
                isActive ? fr.cx('fr-btn') : fr.cx('fr-btn', 'fr-btn--secondary')
              }
            >
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Reminders and escalations received while the console is open. */
function Notices() {
  const notices = useSyncExternalStore(subscribeNotices, getNotices, getNotices);
  if (notices.length === 0) return null;
  return (
    <div
      className={fr.cx('fr-alert', 'fr-alert--warning', 'fr-alert--sm', 'fr-mb-3w')}
      role="status"
      data-testid="intervention-notices"
    >
      <h2 className={fr.cx('fr-alert__title')}>{ti.notices.title}</h2>
      <ul>
        {notices.map((n) => (
          <li key={`${n.id}-${n.kind}`}>
            {n.escalated
              ? ti.notices.escalated(n.reference, n.serviceName ?? '')
              : ti.notices.reminded(n.reference, n.label, n.serviceName ?? '')}
          </li>
        ))}
      </ul>
      <Button size="small" priority="tertiary" onClick={clearNotices}>
        {ti.notices.dismiss}
      </Button>
    </div>
  );
}

export type { InterventionPermissions };
