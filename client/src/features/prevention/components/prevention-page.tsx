import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useState } from 'react';
import { useSession } from '@/features/auth/hooks/use-session';
import { CallsPanel } from '@/features/grants/components/calls-panel';
import { t } from '@/lib/i18n';
import { tpv } from '../i18n';
import { BodiesPanel } from './bodies-panel';

type Tab = 'bodies' | 'fipd' | 'mildeca';

/** `/cabinet/prevention`: CLSPD/CISPD and their obligation, FIPD and MILDECA calls for projects. */
export function PreventionPage() {
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const canEdit = roles.includes('admin') || roles.includes('cabinet_staff');
  const [tab, setTab] = useState<Tab>('bodies');
  return (
    <>
      <title>{t.app.documentTitle(tpv.title)}</title>
      <h1>{tpv.title}</h1>
      <p>{tpv.intro}</p>
      <Tabs
        selectedTabId={tab}
        onTabChange={(id) => setTab(id as Tab)}
        tabs={[
          { tabId: 'bodies', label: tpv.tabs.bodies },
          { tabId: 'fipd', label: tpv.tabs.fipd },
          { tabId: 'mildeca', label: tpv.tabs.mildeca },
        ]}
      >
        {tab === 'bodies' && <BodiesPanel canEdit={canEdit} />}
        {tab === 'fipd' && <CallsPanel fund="fipd" canEdit={canEdit} />}
        {tab === 'mildeca' && <CallsPanel fund="mildeca" canEdit={canEdit} />}
      </Tabs>
    </>
  );
}
