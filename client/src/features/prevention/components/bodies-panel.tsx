import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  BODY_KINDS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type BodyKind,
  type MeetingKind,
  type PreventionBody,
} from '@contracts/prevention';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/features/grants/components/error-alert';
import { frenchDate, today } from '@/features/grants/lib/format';
import { formatNumber } from '@/lib/format';
import { useAddMeeting, useBodies, useCreateBody, useObligation } from '../api';
import { tpv } from '../i18n';

/** The CLSPD obligation, the bodies with their meetings, and the forms to record them. */
export function BodiesPanel({ canEdit }: { canEdit: boolean }) {
  const obligation = useObligation();
  const bodies = useBodies();
  const [open, setOpen] = useState<string | null>(null);
  const current = bodies.data?.find((b) => b.id === open);
  const o = tpv.obligation;
  return (
    <>
      <h2 className={fr.cx('fr-h4')}>{o.title}</h2>
      {obligation.error && <ErrorAlert error={obligation.error} title={tpv.loadError} />}
      {obligation.data && (
        <>
          <p>
            {o.intro(
              obligation.data.rule.populationThreshold,
              obligation.data.rule.coordinatorThreshold,
            )}
          </p>
          <p className={fr.cx('fr-text--bold')} data-testid="obligation-missing">
            {o.missing(obligation.data.missing)}
          </p>
          <Table
            caption={o.caption}
            headers={[o.commune, o.population, o.reason, o.status, o.coveredBy]}
            data={obligation.data.rows.map((r) => [
              `${r.name} (${r.insee})`,
              formatNumber(r.population),
              r.reasons.map((x) => o.reasons[x]).join(', '),
              <span key="s">
                <Badge severity={r.status === 'covered' ? 'success' : 'error'} small noIcon>
                  {r.status === 'covered' ? o.covered : o.uncovered}
                </Badge>
                {r.coordinatorMissing && (
                  <Badge severity="warning" small noIcon className={fr.cx('fr-ml-1w')}>
                    {o.noCoordinator}
                  </Badge>
                )}
              </span>,
              r.coveredBy.map((b) => b.name).join(', ') || '—',
            ])}
          />
        </>
      )}

      <h2 className={fr.cx('fr-h4', 'fr-mt-4w')}>{tpv.bodies.title}</h2>
      {bodies.error && <ErrorAlert error={bodies.error} title={tpv.loadError} />}
      {bodies.isPending && <p role="status">{tpv.loading}</p>}
      {bodies.data && (
        <Table
          caption={tpv.bodies.caption}
          headers={[
            tpv.bodies.name,
            tpv.bodies.kind,
            tpv.bodies.communes,
            tpv.bodies.chair,
            tpv.bodies.coordinator,
            tpv.bodies.lastMeeting,
            '',
          ]}
          data={bodies.data.map((b) => [
            b.name,
            b.kind,
            b.communes.map((c) => c.name).join(', '),
            b.chairName,
            b.coordinatorName ?? tpv.bodies.none,
            <span key="m">
              {frenchDate(b.lastMeetingOn)}
              {b.dormant && (
                <Badge severity="warning" small noIcon className={fr.cx('fr-ml-1w')}>
                  {tpv.bodies.dormant}
                </Badge>
              )}
            </span>,
            <Button
              key="o"
              size="small"
              priority="tertiary"
              onClick={() => setOpen(b.id)}
              nativeButtonProps={{ 'aria-label': `${tpv.bodies.meetings} — ${b.name}` }}
            >
              {tpv.bodies.meetings}
            </Button>,
          ])}
        />
      )}
      {current && <Meetings body={current} canEdit={canEdit} onClose={() => setOpen(null)} />}
      {canEdit && <NewBodyForm />}
    </>
  );
}

function Meetings({
  body,
  canEdit,
  onClose,
}: {
  body: PreventionBody;
  canEdit: boolean;
  onClose: () => void;
}) {
  const add = useAddMeeting();
  const [heldOn, setHeldOn] = useState(today());
  const [kind, setKind] = useState<MeetingKind>('pleniere');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('');
  const [prefect, setPrefect] = useState(false);
  const m = tpv.meeting;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({
      bodyId: body.id,
      body: { heldOn, kind, title, minutes: minutes || undefined, prefectRepresented: prefect },
    });
  };
  return (
    <section
      className={fr.cx('fr-card', 'fr-p-3w', 'fr-my-3w')}
      aria-labelledby={`body-${body.id}`}
    >
      <h3 id={`body-${body.id}`} className={fr.cx('fr-h5')}>
        {m.title(body.name)}
      </h3>
      <ul>
        {body.meetings.map((x) => (
          <li key={x.id}>
            {frenchDate(x.heldOn)} — {MEETING_KIND_LABELS[x.kind]} : {x.title}
            {x.minutes && <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{x.minutes}</p>}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form onSubmit={submit}>
          {add.error && <ErrorAlert error={add.error} title={tpv.error} />}
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
              <Input
                label={m.heldOn}
                nativeInputProps={{
                  type: 'date',
                  required: true,
                  value: heldOn,
                  onChange: (e) => setHeldOn(e.target.value),
                }}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <Select
                label={m.kind}
                nativeSelectProps={{
                  value: kind,
                  onChange: (e) => setKind(e.target.value as MeetingKind),
                }}
              >
                {MEETING_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {MEETING_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
              <Input
                label={m.subject}
                nativeInputProps={{
                  required: true,
                  value: title,
                  onChange: (e) => setTitle(e.target.value),
                }}
              />
            </div>
          </div>
          <Input
            label={m.minutes}
            textArea
            nativeTextAreaProps={{ value: minutes, onChange: (e) => setMinutes(e.target.value) }}
          />
          <Checkbox
            options={[
              {
                label: m.prefect,
                nativeInputProps: { checked: prefect, onChange: () => setPrefect(!prefect) },
              },
            ]}
          />
          <Button type="submit" size="small" disabled={add.isPending}>
            {m.add}
          </Button>
        </form>
      )}
      <Button priority="tertiary" onClick={onClose} className={fr.cx('fr-mt-2w')}>
        {m.close}
      </Button>
    </section>
  );
}

function NewBodyForm() {
  const create = useCreateBody();
  const [kind, setKind] = useState<BodyKind>('CLSPD');
  const [name, setName] = useState('');
  const [communes, setCommunes] = useState('');
  const [chair, setChair] = useState('');
  const [coordinator, setCoordinator] = useState('');
  const [createdOn, setCreatedOn] = useState(today());
  const n = tpv.newBody;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      kind,
      name,
      communes: communes.split(/[\s,;]+/).filter(Boolean),
      chairName: chair,
      coordinatorName: coordinator || undefined,
      createdOn,
    });
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-my-4w')} aria-labelledby="new-body">
      <h3 id="new-body" className={fr.cx('fr-h5')}>
        {n.title}
      </h3>
      {create.error && <ErrorAlert error={create.error} title={tpv.error} />}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
          <Select
            label={n.kind}
            nativeSelectProps={{
              value: kind,
              onChange: (e) => setKind(e.target.value as BodyKind),
            }}
          >
            {BODY_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <Input
            label={n.name}
            nativeInputProps={{
              required: true,
              value: name,
              onChange: (e) => setName(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <Input
            label={n.communes}
            nativeInputProps={{
              required: true,
              value: communes,
              onChange: (e) => setCommunes(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label={n.chair}
            nativeInputProps={{
              required: true,
              value: chair,
              onChange: (e) => setChair(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label={n.coordinator}
            nativeInputProps={{
              value: coordinator,
              onChange: (e) => setCoordinator(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label={n.createdOn}
            nativeInputProps={{
              type: 'date',
              required: true,
              value: createdOn,
              onChange: (e) => setCreatedOn(e.target.value),
            }}
          />
        </div>
      </div>
      <Button type="submit" disabled={create.isPending}>
        {n.submit}
      </Button>
    </form>
  );
}
