import './road-safety.css';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useState } from 'react';
import { useSession } from '@/features/auth/hooks/use-session';
import { t } from '@/lib/i18n';
import { trs } from '../i18n';
import { AccidentMap } from './accident-map';
import { CommuneSheetPanel } from './commune-sheet';
import { Dashboard } from './dashboard';
import { ImportPanel } from './import-panel';
import { PdasrPanel } from './pdasr-panel';

type Tab = 'dashboard' | 'map' | 'pdasr' | 'sheet' | 'import';

/** `/cabinet/securite-routiere`: accident dashboards and map, DGO and PDASR, commune sheet, BAAC import. */
export function RoadSafetyPage() {
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const canEdit = roles.includes('admin') || roles.includes('cabinet_staff');
  const [tab, setTab] = useState<Tab>('dashboard');
  const tabs: { tabId: Tab; label: string }[] = [
    { tabId: 'dashboard', label: trs.tabs.dashboard },
    { tabId: 'map', label: trs.tabs.map },
    { tabId: 'pdasr', label: trs.tabs.pdasr },
    { tabId: 'sheet', label: trs.tabs.sheet },
    ...(canEdit ? [{ tabId: 'import' as const, label: trs.tabs.import }] : []),
  ];
  return (
    <>
      <title>{t.app.documentTitle(trs.title)}</title>
      <h1>{trs.title}</h1>
      <p className="vigie-no-print">{trs.intro}</p>
      <Tabs selectedTabId={tab} onTabChange={(id) => setTab(id as Tab)} tabs={tabs}>
        {tab === 'dashboard' && <Dashboard />}
        {tab === 'map' && <AccidentMap />}
        {tab === 'pdasr' && <PdasrPanel canEdit={canEdit} />}
        {tab === 'sheet' && <CommuneSheetPanel />}
        {tab === 'import' && canEdit && <ImportPanel />}
      </Tabs>
    </>
  );
}
