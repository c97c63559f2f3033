import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import type { Cellule, Crisis, Incident, Task } from '@contracts/crisis';
import { useMemo, type ReactNode } from 'react';
import { usePositions, useServices, type ServiceRef } from '../api';
import { useNow } from '../hooks/use-now';
import { tc } from '../i18n';
import '../styles/console.css';
import '../styles/panels.css';
import type { Permissions } from '../permissions';
import { IncidentsPanel, type IncidentDraft } from './incidents/incidents-panel';
import { LogbookPanel } from './logbook/logbook-panel';
import { PositionsPanel } from './positions/positions-panel';
import { SummaryPanel } from './summary/summary-panel';
import { isOverdue, TasksPanel } from './tasks/tasks-panel';

export const CONSOLE_TABS = [
  'evenements',
  'main-courante',
  'missions',
  'bilan',
  'en-salle',
] as const;
export type ConsoleTab = (typeof CONSOLE_TABS)[number];

const NO_SERVICES: ServiceRef[] = [];

interface ConsolePanelsProps {
  crisis: Crisis;
  incidents: readonly Incident[];
  tasks: readonly Task[];
  permissions: Permissions;
  tab: ConsoleTab;
  onTabChange: (tab: ConsoleTab) => void;
  selectedIncidentId: string | null;
  onSelectIncident: (id: string | null) => void;
  placing: boolean;
  onPlacingChange: (placing: boolean) => void;
  draft: IncidentDraft | null;
  onDraftChange: (draft: IncidentDraft | null) => void;
}

/** The cellule a new entry or position starts on: the one held, else the user's desk. */
function useDefaultCellule(permissions: Permissions, services: readonly ServiceRef[]): Cellule {
  const positions = usePositions();
  const held = positions.data?.data.find((p) => p.userId === permissions.userId);
  if (held) return held.cellule;
  const service = services.find((s) => s.id === permissions.liaisonServiceId);
  if (service) return `liaison:${service.code}`;
  if (!permissions.canWrite && permissions.canLog) return 'communication';
  return 'situation';
}

/** The side panel's tabs: Événements, Main courante, Missions, Bilan, En salle. */
export function ConsolePanels(props: ConsolePanelsProps) {
  const { crisis, incidents, tasks, permissions, tab, onTabChange, selectedIncidentId } = props;
  const services = useServices().data ?? NO_SERVICES;
  const defaultCellule = useDefaultCellule(permissions, services);
  const now = useNow();
  const overdue = useMemo(() => tasks.filter((t) => isOverdue(t, now)).length, [tasks, now]);
  const openIncidents = useMemo(
    () => incidents.filter((i) => i.status !== 'clos').length,
    [incidents],
  );
  const selectedIncident = selectedIncidentId
    ? (incidents.find((i) => i.id === selectedIncidentId) ?? null)
    : null;

  const tabs: { tabId: ConsoleTab; label: ReactNode }[] = [
    {
      tabId: 'evenements',
      label: <TabLabel text={tc.tabs.incidents} count={openIncidents} srText={tc.tabs.open} />,
    },
    { tabId: 'main-courante', label: tc.tabs.logbook },
    {
      tabId: 'missions',
      label: <TabLabel text={tc.tabs.tasks} count={overdue} srText={tc.tasks.overdue} alert />,
    },
    { tabId: 'bilan', label: tc.tabs.summary },
    { tabId: 'en-salle', label: tc.tabs.positions },
  ];

  return (
    <Tabs
      className="vigie-tabs"
      label={tc.console.panelLabel}
      selectedTabId={tab}
      onTabChange={(id) => onTabChange(id as ConsoleTab)}
      tabs={tabs}
    >
      {tab === 'evenements' && (
        <IncidentsPanel
          crisis={crisis}
          incidents={incidents}
          selectedId={selectedIncidentId}
          onSelect={props.onSelectIncident}
          canEdit={permissions.canEditIncidents}
          placing={props.placing}
          onPlacingChange={props.onPlacingChange}
          draft={props.draft}
          onDraftChange={props.onDraftChange}
        />
      )}
      {tab === 'main-courante' && (
        <LogbookPanel
          crisisId={crisis.id}
          services={services}
          canLog={permissions.canLog}
          canPromote={permissions.canWrite}
          defaultCellule={defaultCellule}
        />
      )}
      {tab === 'missions' && (
        <TasksPanel
          crisisId={crisis.id}
          tasks={tasks}
          incidents={incidents}
          services={services}
          selectedIncident={selectedIncident}
          permissions={permissions}
        />
      )}
      {tab === 'bilan' && <SummaryPanel crisisId={crisis.id} />}
      {tab === 'en-salle' && (
        <PositionsPanel
          services={services}
          permissions={permissions}
          defaultCellule={defaultCellule}
        />
      )}
    </Tabs>
  );
}

/** A tab's name and, when not zero, a count (« 14 ouverts », « 2 en retard »). */
function TabLabel(props: { text: string; count: number; srText: string; alert?: boolean }) {
  const { text, count, srText, alert = false } = props;
  if (count === 0) return <>{text}</>;
  return (
    <>
      {text}
      <span className={`vigie-tab-count${alert ? ' vigie-tab-count--alert' : ''}`}>
        {count}
        <span className="fr-sr-only"> {srText}</span>
      </span>
    </>
  );
}
