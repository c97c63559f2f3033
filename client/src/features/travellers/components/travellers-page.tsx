import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useState, useSyncExternalStore } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { t } from '@/lib/i18n';
import { getSession, subscribeSession } from '@/lib/session';
import { downloadBriefing } from '../api/travellers';
import { tt } from '../i18n';
import { AiresPanel } from './aires-panel';
import { MapPanel } from './map-panel';
import { ErrorDetails } from './query-state';
import { PassagesPanel } from './passages-panel';
import { SchemaPanel } from './schema-panel';
import { SettlementDetail } from './settlement-detail';
import { SettlementsPanel } from './settlements-panel';
import '../travellers.css';

const BASE = '/cabinet/gens-du-voyage';
const TABS = [
  { id: 'schema', slug: '', label: tt.tabs.schema },
  { id: 'aires', slug: 'aires', label: tt.tabs.aires },
  { id: 'passages', slug: 'grands-passages', label: tt.tabs.passages },
  { id: 'settlements', slug: 'stationnements', label: tt.tabs.settlements },
  { id: 'map', slug: 'carte', label: tt.tabs.map },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** `/cabinet/gens-du-voyage/*`: one tab per duty; the URL keeps the tab and the open procedure. */
export function TravellersPage() {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const roles = session?.user.roles ?? [];
  const canEdit = roles.includes('admin') || roles.includes('cabinet_staff');
  const navigate = useNavigate();
  const [briefingError, setBriefingError] = useState<unknown>(null);
  const [first = '', second] = (useParams()['*'] ?? '').split('/');
  const tab: TabId = TABS.find((x) => x.slug === first)?.id ?? 'schema';
  const slugOf = (id: TabId) => TABS.find((x) => x.id === id)!.slug;

  return (
    <div data-testid="travellers-page">
      <title>{t.app.documentTitle(tt.title)}</title>
      <h1>{tt.title}</h1>
      <p className={fr.cx('fr-text--sm')}>{tt.intro}</p>
      <Button
        priority="secondary"
        size="small"
        iconId="fr-icon-file-pdf-line"
        className={fr.cx('fr-mb-2w')}
        onClick={() => {
          setBriefingError(null);
          downloadBriefing().catch(setBriefingError);
        }}
      >
        {tt.briefing}
      </Button>
      <ErrorDetails error={briefingError} title={tt.loadError} />
      {!canEdit && (
        <p className={fr.cx('fr-text--xs', 'fr-mb-2w')} data-testid="travellers-read-only">
          {tt.readOnly}
        </p>
      )}
      <Tabs
        label={tt.tabsLabel}
        selectedTabId={tab}
        onTabChange={(id) => void navigate(`${BASE}/${slugOf(id as TabId)}`)}
        tabs={TABS.map((x) => ({ tabId: x.id, label: x.label }))}
      >
        {tab === 'schema' && <SchemaPanel />}
        {tab === 'aires' && <AiresPanel canEdit={canEdit} />}
        {tab === 'passages' && <PassagesPanel canEdit={canEdit} />}
        {tab === 'settlements' &&
          (second ? (
            <SettlementDetail
              id={second}
              canEdit={canEdit}
              onBack={() => void navigate(`${BASE}/stationnements`)}
            />
          ) : (
            <SettlementsPanel
              canEdit={canEdit}
              onOpen={(id) => void navigate(`${BASE}/stationnements/${id}`)}
            />
          ))}
        {tab === 'map' && <MapPanel />}
      </Tabs>
    </div>
  );
}
