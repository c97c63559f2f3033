import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Crisis, Incident, MapFeature, PointGeometry, Task } from '@contracts/crisis';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useOutletContext } from 'react-router-dom';
import { useCreateFeature, useIncidents, useMapFeatures, useTasks } from '@/features/crisis/api';
import { ApiErrorAlert } from '@/features/crisis/components/api-error-alert';
import { CodBanner } from '@/features/crisis/components/cod-banner';
import { ConsolePanels, type ConsoleTab } from '@/features/crisis/components/console-panels';
import { CrisisSelector } from '@/features/crisis/components/crisis-selector';
import { ExerciseBand } from '@/features/crisis/components/exercise-band';
import type { IncidentDraft } from '@/features/crisis/components/incidents/incidents-panel';
import { FeatureDetails } from '@/features/crisis/components/map-features/feature-details';
import { usePermissions } from '@/features/crisis/hooks/use-permissions';
import { useSelectedCrisis } from '@/features/crisis/hooks/use-selected-crisis';
import { tc } from '@/features/crisis/i18n';
import { PendingDecisionsPanel } from '@/features/direction/components/pending-decisions-panel';
import type { Permissions } from '@/features/crisis/permissions';
import { MapView } from '@/features/map/map-view';
import type { DrawnGeometry, FeatureKind } from '@/features/map/types';
import { t } from '@/lib/i18n';
import type { AppOutletContext } from '../layout';
import { ConnectionBanner } from './connection-banner';
import './console-page.css';

const NO_INCIDENTS: Incident[] = [];
const NO_FEATURES: MapFeature[] = [];
const NO_TASKS: Task[] = [];

type Bbox = readonly [number, number, number, number];

/** The bbox of an incident's location (a point gives a zero-size box: the map zooms to it). */
function bboxOf(location: Incident['location']): Bbox {
  const positions =
    location.type === 'Point' ? [location.coordinates] : location.coordinates.flat();
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/**
 * The COD console: the COD banner, the map and the side panels of the selected crisis. The
 * app layer composes the crisis and map features here: both only talk through props.
 */
export function ConsolePage() {
  const { status, syncedAt } = useOutletContext<AppOutletContext>();
  const permissions = usePermissions();
  const selection = useSelectedCrisis();
  const { crisis } = selection;
  const title = crisis?.exercise
    ? `[${tc.console.exercise}] ${tc.console.title}`
    : tc.console.title;

  return (
    <div
      className={`vigie-console${crisis?.exercise ? ' vigie-console--exercise' : ''}`}
      data-testid="console"
      data-crisis-id={crisis?.id}
    >
      <title>{t.app.documentTitle(title)}</title>
      <h1 className={fr.cx('fr-sr-only')}>{tc.console.title}</h1>
      {crisis?.exercise && <ExerciseBand />}
      <ConnectionBanner status={status} syncedAt={syncedAt} />
      {permissions.canRead && <CodBanner selectedCrisis={crisis} crises={selection.crises} />}
      {!permissions.canRead ? (
        <div className={fr.cx('fr-container', 'fr-py-4w')}>
          <Alert severity="info" title={tc.console.title} description={tc.console.noAccess} />
        </div>
      ) : selection.error ? (
        <div className={fr.cx('fr-container', 'fr-py-4w')}>
          <ApiErrorAlert error={selection.error} title={tc.console.loadError} focus={false} />
          <Button onClick={selection.refetch}>{tc.console.retry}</Button>
        </div>
      ) : (
        <Workspace
          // a new crisis starts with a clean selection, form and map focus
          key={crisis?.id ?? 'none'}
          crisis={crisis}
          crises={selection.crises}
          onSelectCrisis={selection.select}
          loading={selection.isPending}
          permissions={permissions}
        />
      )}
    </div>
  );
}

interface WorkspaceProps {
  crisis: Crisis | null;
  crises: Crisis[];
  onSelectCrisis: (id: string) => void;
  loading: boolean;
  permissions: Permissions;
}

function Workspace({ crisis, crises, onSelectCrisis, loading, permissions }: WorkspaceProps) {
  const crisisId = crisis?.id ?? null;
  const incidents = useIncidents(crisisId).data?.data ?? NO_INCIDENTS;
  const features = useMapFeatures(crisisId).data?.data ?? NO_FEATURES;
  const tasks = useTasks(crisisId).data?.data ?? NO_TASKS;
  const createFeature = useCreateFeature();

  const [tab, setTab] = useState<ConsoleTab>('evenements');
  const [wide, setWide] = useState(false);
  const [selectedIncidentId, setSelectedIncidentId] = useState<string | null>(null);
  const [selectedFeatureId, setSelectedFeatureId] = useState<string | null>(null);
  const [createdFeatureId, setCreatedFeatureId] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);
  const [draft, setDraft] = useState<IncidentDraft | null>(null);
  const [focus, setFocus] = useState<Bbox | null>(null);

  // Échap abandons placing an incident on the map
  useEffect(() => {
    if (!placing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPlacing(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing]);

  /** From the map: the list follows (and the Événements tab opens). */
  const onMapSelectIncident = useCallback((id: string | null) => {
    setSelectedIncidentId(id);
    if (id) setTab('evenements');
  }, []);

  // read by a stable callback: the list rows must not re-render on every incident event
  const incidentsRef = useRef(incidents);
  useEffect(() => {
    incidentsRef.current = incidents;
  }, [incidents]);

  /** From the list: the map follows. */
  const onListSelectIncident = useCallback((id: string | null) => {
    setSelectedIncidentId(id);
    const incident = id ? incidentsRef.current.find((i) => i.id === id) : undefined;
    if (incident) setFocus(bboxOf(incident.location));
  }, []);

  const onSelectFeature = useCallback((id: string | null) => {
    setSelectedFeatureId(id);
    setCreatedFeatureId(null);
  }, []);

  const onPlaceIncident = useCallback((location: PointGeometry) => {
    setPlacing(false);
    setDraft((d) => (d ? { ...d, location } : { mode: 'create', location }));
    setTab('evenements');
  }, []);

  const { mutate: saveFeature } = createFeature;
  const onFeatureDrawn = useCallback(
    (geometry: DrawnGeometry, kind: FeatureKind) => {
      if (!crisisId) return;
      saveFeature(
        { crisisId, geometry, kind },
        {
          onSuccess: (feature) => {
            setSelectedFeatureId(feature.id);
            setCreatedFeatureId(feature.id);
          },
        },
      );
    },
    [crisisId, saveFeature],
  );

  const selectedFeature = selectedFeatureId
    ? (features.find((f) => f.id === selectedFeatureId) ?? null)
    : null;

  return (
    <div className={`vigie-workspace${wide ? ' vigie-workspace--wide' : ''}`}>
      <div className="vigie-workspace__map" data-testid="console-map">
        <MapView
          incidents={incidents}
          features={features}
          tasks={tasks}
          selectedIncidentId={selectedIncidentId}
          onSelectIncident={onMapSelectIncident}
          selectedFeatureId={selectedFeatureId}
          onSelectFeature={onSelectFeature}
          placingIncident={placing}
          onPlaceIncident={onPlaceIncident}
          canDraw={permissions.canWrite && crisis !== null}
          onFeatureDrawn={onFeatureDrawn}
          focus={focus}
        />
      </div>
      <aside
        className="vigie-workspace__side"
        aria-label={tc.console.panelLabel}
        data-testid="console-side"
      >
        <div className="vigie-workspace__head">
          <CrisisSelector
            crises={crises}
            selected={crisis}
            onSelect={onSelectCrisis}
            canCreate={permissions.canWrite}
          />
          <Button
            size="small"
            priority="tertiary no outline"
            iconId={wide ? 'fr-icon-arrow-right-s-line' : 'fr-icon-arrow-left-s-line'}
            title={wide ? tc.console.narrowPanel : tc.console.widenPanel}
            onClick={() => setWide((w) => !w)}
            nativeButtonProps={{ 'aria-pressed': wide }}
            className="vigie-workspace__widen"
          />
        </div>
        <PendingDecisionsPanel crisisId={crisisId} />
        {createFeature.isPending && (
          <p role="status" className={fr.cx('fr-text--sm', 'fr-mx-2w', 'fr-my-1w')}>
            {tc.features.saving}
          </p>
        )}
        {createFeature.error && (
          <div className={fr.cx('fr-mx-2w')}>
            <ApiErrorAlert error={createFeature.error} title={tc.features.saveFailed} />
          </div>
        )}
        {selectedFeature && (
          <div className={fr.cx('fr-mx-2w', 'fr-mt-1w')}>
            <FeatureDetails
              feature={selectedFeature}
              canDelete={permissions.canWrite}
              justCreated={selectedFeature.id === createdFeatureId}
              onClose={() => onSelectFeature(null)}
            />
          </div>
        )}
        {crisis ? (
          <div className="vigie-workspace__tabs">
            <ConsolePanels
              crisis={crisis}
              incidents={incidents}
              tasks={tasks}
              permissions={permissions}
              tab={tab}
              onTabChange={setTab}
              selectedIncidentId={selectedIncidentId}
              onSelectIncident={onListSelectIncident}
              placing={placing}
              onPlacingChange={setPlacing}
              draft={draft}
              onDraftChange={setDraft}
            />
          </div>
        ) : (
          !loading && (
            <div className={fr.cx('fr-m-2w')} data-testid="no-crisis">
              <Alert
                severity="info"
                small
                title={tc.console.noCrisis}
                description={tc.console.noCrisisHint}
              />
            </div>
          )
        )}
      </aside>
    </div>
  );
}
