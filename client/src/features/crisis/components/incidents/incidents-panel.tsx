import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Crisis, Incident, PointGeometry } from '@contracts/crisis';
import { useRef, useState } from 'react';
import { useNow } from '../../hooks/use-now';
import { tc } from '../../i18n';
import { focusWithin } from '../focus-return';
import { testId } from '../test-id';
import { IncidentDetails } from './incident-details';
import { IncidentForm } from './incident-form';
import { IncidentList } from './incident-list';

/** The incident form the console has open, and the location the map gave it. */
export type IncidentDraft =
  | { mode: 'create'; location: PointGeometry | null }
  | { mode: 'edit'; id: string; location: Incident['location'] | null };

interface IncidentsPanelProps {
  crisis: Crisis;
  incidents: readonly Incident[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  canEdit: boolean;
  placing: boolean;
  onPlacingChange: (placing: boolean) => void;
  draft: IncidentDraft | null;
  onDraftChange: (draft: IncidentDraft | null) => void;
}

/** « Événements »: new incident (click on the map), details and edit of the selection, the list. */
export function IncidentsPanel(props: IncidentsPanelProps) {
  const {
    crisis,
    incidents,
    selectedId,
    onSelect,
    canEdit,
    placing,
    onPlacingChange,
    draft,
    onDraftChange,
  } = props;
  const now = useNow();
  // bumped to remount the edit form on the reloaded version after a conflict
  const [formGeneration, setFormGeneration] = useState(0);
  const panelRef = useRef<HTMLDivElement>(null);
  const selected = selectedId ? (incidents.find((i) => i.id === selectedId) ?? null) : null;
  const edited = draft?.mode === 'edit' ? (incidents.find((i) => i.id === draft.id) ?? null) : null;

  const finish = (incident: Incident | null) => {
    onDraftChange(null);
    onPlacingChange(false);
    if (incident) onSelect(incident.id);
    focusWithin(
      panelRef.current,
      '[data-testid="incident-details"]',
      '[data-testid="incident-new"]',
    );
  };

  return (
    <div ref={panelRef} className="vigie-panel" data-testid="incidents-panel">
      <h2 className={fr.cx('fr-sr-only')}>{tc.incidents.heading}</h2>
      {canEdit && !draft && (
        <div className="vigie-toolbar" aria-live="polite">
          {placing ? (
            <div className="vigie-placing" data-testid="incident-placing">
              <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
                <span className={fr.cx('fr-icon-cursor-line', 'fr-icon--sm')} aria-hidden="true" />{' '}
                {tc.incidents.placing}
              </p>
              <ul
                className={fr.cx(
                  'fr-btns-group',
                  'fr-btns-group--icon-left',
                  'fr-btns-group--inline',
                  'fr-btns-group--sm',
                )}
              >
                <li>
                  <Button
                    size="small"
                    priority="secondary"
                    onClick={() => {
                      onPlacingChange(false);
                      onDraftChange({ mode: 'create', location: null });
                    }}
                  >
                    {tc.incidents.placingKeyboard}
                  </Button>
                </li>
                <li>
                  <Button size="small" priority="tertiary" onClick={() => onPlacingChange(false)}>
                    {tc.incidents.cancelPlacing}
                  </Button>
                </li>
              </ul>
            </div>
          ) : (
            <Button
              iconId="fr-icon-add-line"
              size="small"
              onClick={() => onPlacingChange(true)}
              nativeButtonProps={testId('incident-new')}
            >
              {tc.incidents.new}
            </Button>
          )}
        </div>
      )}
      {draft?.mode === 'create' && (
        <IncidentForm
          mode="create"
          crisisId={crisis.id}
          location={draft.location}
          onLocationChange={(location) => onDraftChange({ mode: 'create', location })}
          onPickOnMap={() => onPlacingChange(true)}
          onDone={finish}
          onReloaded={() => undefined}
        />
      )}
      {draft?.mode === 'edit' && edited && (
        <IncidentForm
          key={`${edited.id}:${formGeneration}`}
          mode="edit"
          incident={edited}
          location={draft.location ?? edited.location}
          onLocationChange={(location) => onDraftChange({ ...draft, location })}
          onPickOnMap={() => onPlacingChange(true)}
          onDone={finish}
          onReloaded={() => {
            onDraftChange({ mode: 'edit', id: edited.id, location: null });
            setFormGeneration((g) => g + 1);
          }}
        />
      )}
      {!draft && selected && (
        <IncidentDetails
          incident={selected}
          canEdit={canEdit}
          now={now}
          onEdit={() => onDraftChange({ mode: 'edit', id: selected.id, location: null })}
          onClose={() => onSelect(null)}
        />
      )}
      <IncidentList incidents={incidents} selectedId={selectedId} onSelect={onSelect} now={now} />
    </div>
  );
}
