import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  COUNTER_KEYS,
  COUNTER_LABELS,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type CounterKey,
  type Counters,
  type Incident,
  type PointGeometry,
} from '@contracts/crisis';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import {
  staleVersionOf,
  useCreateIncident,
  useReloadIncident,
  useUpdateIncident,
  type IncidentFields,
} from '../../api';
import {
  INCIDENT_KIND_LABELS,
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  tc,
} from '../../i18n';
import { ApiErrorAlert } from '../api-error-alert';
import { testId } from '../test-id';

type Mode = { mode: 'create'; crisisId: string } | { mode: 'edit'; incident: Incident };

type IncidentFormProps = Mode & {
  /** Where the incident is: set by a click on the map, or typed here. */
  location: Incident['location'] | null;
  onLocationChange: (location: PointGeometry | null) => void;
  /** Asks the map for a click that sets the location. */
  onPickOnMap: () => void;
  onDone: (incident: Incident | null) => void;
  /** The edited incident was reloaded after a conflict: remount the form on its new version. */
  onReloaded: () => void;
};

const round = (n: number) => String(Math.round(n * 1e6) / 1e6);

function pointCoordinates(location: Incident['location'] | null): { lat: string; lon: string } {
  if (location?.type !== 'Point') return { lat: '', lon: '' };
  const [lon, lat] = location.coordinates;
  return { lat: round(lat), lon: round(lon) };
}

function countersToText(counters: Counters): Record<CounterKey, string> {
  return Object.fromEntries(
    COUNTER_KEYS.map((k) => [k, counters[k] === undefined ? '' : String(counters[k])]),
  ) as Record<CounterKey, string>;
}

function textToCounters(text: Record<CounterKey, string>): Counters {
  const counters: Counters = {};
  for (const key of COUNTER_KEYS) {
    const value = text[key].trim();
    if (value !== '' && /^\d+$/.test(value)) counters[key] = Number(value);
  }
  return counters;
}

/** Create or edit an incident; editing sends the version read, a 409 offers to reload. */
export function IncidentForm(props: IncidentFormProps) {
  const { location, onLocationChange, onPickOnMap, onDone, onReloaded } = props;
  const base = props.mode === 'edit' ? props.incident : null;
  // the version this form was opened on: sent with the change (optimistic concurrency)
  const [baseVersion] = useState(() => base?.version ?? 0);
  const [title, setTitle] = useState(base?.title ?? '');
  const [kind, setKind] = useState<Incident['kind']>(base?.kind ?? 'inondation');
  const [severity, setSeverity] = useState<Incident['severity']>(base?.severity ?? 'moyenne');
  const [status, setStatus] = useState<Incident['status']>(base?.status ?? 'signale');
  const [description, setDescription] = useState(base?.description ?? '');
  const [counters, setCounters] = useState(() => countersToText(base?.counters ?? {}));
  const [coords, setCoords] = useState(() => pointCoordinates(location));
  const [shownLocation, setShownLocation] = useState(location);
  const [errors, setErrors] = useState<{ title?: boolean; location?: boolean }>({});
  const titleRef = useRef<HTMLInputElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  // a click on the map replaces the typed coordinates
  if (location !== shownLocation) {
    setShownLocation(location);
    setCoords(pointCoordinates(location));
  }

  const create = useCreateIncident();
  const update = useUpdateIncident();
  const reload = useReloadIncident();
  const mutation = props.mode === 'create' ? create : update;
  const stale = staleVersionOf(update.error);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  // the conflict message is next to the button pressed: bring it into view and read it out
  useEffect(() => {
    if (stale !== undefined) conflictRef.current?.focus();
  }, [stale]);

  const setCoord = (which: 'lat' | 'lon', value: string) => {
    const next = { ...coords, [which]: value };
    setCoords(next);
    const lat = Number(next.lat);
    const lon = Number(next.lon);
    const valid =
      next.lat.trim() !== '' &&
      next.lon.trim() !== '' &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180;
    const point: PointGeometry | null = valid ? { type: 'Point', coordinates: [lon, lat] } : null;
    setShownLocation(point);
    onLocationChange(point);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors = { title: title.trim().length < 3, location: !location };
    setErrors(nextErrors);
    if (nextErrors.title) {
      titleRef.current?.focus();
      return;
    }
    if (nextErrors.location || !location) return;
    const fields: IncidentFields = {
      title: title.trim(),
      kind,
      severity,
      status,
      location,
      counters: textToCounters(counters),
    };
    if (props.mode === 'create') {
      create.mutate(
        {
          ...fields,
          crisisId: props.crisisId,
          ...(description.trim() ? { description: description.trim() } : {}),
        },
        { onSuccess: (incident) => onDone(incident) },
      );
    } else {
      update.mutate(
        {
          ...fields,
          id: props.incident.id,
          version: baseVersion,
          description: description.trim() || null,
        },
        { onSuccess: (incident) => onDone(incident) },
      );
    }
  };

  const heading = props.mode === 'create' ? tc.incidents.createTitle : tc.incidents.editTitle;
  const latestVersion = props.mode === 'edit' ? props.incident.version : 0;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="vigie-card"
      aria-labelledby="vigie-incident-form-title"
      data-testid="incident-form"
      data-mode={props.mode}
    >
      <h3 id="vigie-incident-form-title" className={fr.cx('fr-h6', 'fr-mb-2w')}>
        {heading}
      </h3>
      {props.mode === 'edit' && stale === undefined && latestVersion > baseVersion && (
        <Alert
          className={fr.cx('fr-mb-2w')}
          severity="info"
          small
          description={tc.incidents.changedMeanwhile(latestVersion)}
        />
      )}
      <Input
        label={tc.incidents.title}
        state={errors.title ? 'error' : 'default'}
        stateRelatedMessage={tc.incidents.titleRequired}
        nativeInputProps={{
          ref: titleRef,
          name: 'title',
          required: true,
          maxLength: 200,
          value: title,
          onChange: (e) => setTitle(e.target.value),
        }}
      />
      <div className="vigie-form-row">
        <Select
          label={tc.incidents.kind}
          nativeSelectProps={{
            name: 'kind',
            value: kind,
            onChange: (e) => setKind(e.target.value as Incident['kind']),
          }}
        >
          {INCIDENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {INCIDENT_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Select
          label={tc.incidents.severity}
          nativeSelectProps={{
            name: 'severity',
            value: severity,
            onChange: (e) => setSeverity(e.target.value as Incident['severity']),
          }}
        >
          {INCIDENT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {INCIDENT_SEVERITY_LABELS[s]}
            </option>
          ))}
        </Select>
        <Select
          label={tc.incidents.status}
          nativeSelectProps={{
            name: 'status',
            value: status,
            onChange: (e) => setStatus(e.target.value as Incident['status']),
          }}
        >
          {INCIDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {INCIDENT_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <fieldset className="vigie-fieldset" aria-describedby="vigie-incident-location-hint">
        <legend className={fr.cx('fr-label', 'fr-mb-1w')}>
          {tc.incidents.location}
          <span id="vigie-incident-location-hint" className={fr.cx('fr-hint-text')}>
            {tc.incidents.locationHint}
          </span>
        </legend>
        {location?.type === 'Polygon' ? (
          <p className={fr.cx('fr-text--sm')}>{tc.incidents.polygon}</p>
        ) : (
          <div className="vigie-form-row vigie-form-row--location">
            <Input
              label={tc.incidents.latitude}
              state={errors.location && !location ? 'error' : 'default'}
              stateRelatedMessage={tc.incidents.coordinatesInvalid}
              nativeInputProps={{
                name: 'lat',
                inputMode: 'decimal',
                value: coords.lat,
                onChange: (e) => setCoord('lat', e.target.value),
              }}
            />
            <Input
              label={tc.incidents.longitude}
              nativeInputProps={{
                name: 'lon',
                inputMode: 'decimal',
                value: coords.lon,
                onChange: (e) => setCoord('lon', e.target.value),
              }}
            />
          </div>
        )}
        <div className={fr.cx('fr-mb-2w')}>
          <Button
            type="button"
            size="small"
            priority="tertiary"
            iconId="fr-icon-map-pin-2-line"
            onClick={onPickOnMap}
            nativeButtonProps={testId('incident-pick-on-map')}
          >
            {tc.incidents.pickOnMap}
          </Button>
        </div>
      </fieldset>
      <Input
        textArea
        label={tc.incidents.description}
        nativeTextAreaProps={{
          name: 'description',
          rows: 3,
          maxLength: 5000,
          value: description,
          onChange: (e) => setDescription(e.target.value),
        }}
      />
      <fieldset className="vigie-fieldset">
        <legend className={fr.cx('fr-label', 'fr-mb-1w')}>{tc.incidents.counters}</legend>
        <div className="vigie-counters-grid">
          {COUNTER_KEYS.map((key) => (
            <Input
              key={key}
              label={COUNTER_LABELS[key]}
              nativeInputProps={{
                name: key,
                type: 'number',
                min: 0,
                step: 1,
                inputMode: 'numeric',
                value: counters[key],
                onChange: (e) => setCounters((c) => ({ ...c, [key]: e.target.value })),
              }}
            />
          ))}
        </div>
      </fieldset>
      {mutation.error && stale === undefined && <ApiErrorAlert error={mutation.error} />}
      {stale !== undefined && (
        <div
          ref={conflictRef}
          tabIndex={-1}
          className={fr.cx('fr-mb-2w')}
          data-testid="incident-conflict"
          role="alert"
        >
          <Alert
            severity="warning"
            small
            title={tc.incidents.conflict(stale)}
            description={
              <>
                <span>{tc.incidents.conflictHint}</span>{' '}
                <Button
                  type="button"
                  size="small"
                  priority="secondary"
                  disabled={reload.isPending}
                  onClick={() =>
                    props.mode === 'edit' &&
                    reload.mutate(props.incident.id, { onSuccess: () => onReloaded() })
                  }
                  nativeButtonProps={testId('incident-reload')}
                >
                  {tc.incidents.reload}
                </Button>
              </>
            }
          />
        </div>
      )}
      <ul
        className={fr.cx(
          'fr-btns-group',
          'fr-btns-group--icon-left',
          'fr-btns-group--inline-sm',
          'fr-btns-group--sm',
        )}
      >
        <li>
          <Button
            type="submit"
            disabled={mutation.isPending}
            nativeButtonProps={{ 'aria-busy': mutation.isPending, ...testId('incident-submit') }}
          >
            {props.mode === 'create' ? tc.incidents.create : tc.incidents.save}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onDone(null)}>
            {tc.incidents.cancel}
          </Button>
        </li>
      </ul>
    </form>
  );
}
