import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { VISIT_KIND_LABELS, VISIT_KINDS, VISIT_STATUS_LABELS, VISIT_STATUSES, type Visit, type VisitKind, type VisitStatus } from '@contracts/press';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatFull, formatTime, localInputToIso } from '@/lib/format';
import { downloadFile, useInformOfficial, useSaveVisit, useVisit, useVisits } from '../api/press-api';
import { tpr } from '../i18n';
import { isoToLocalInput } from '../lib/dates';
import { ErrorAlert } from './error-alert';

const t = tpr.visits;

interface SequenceDraft {
  startsAt: string;
  endsAt: string;
  place: string;
  title: string;
  participants: string;
  press: 'ouverte' | 'fermee';
}

export function VisitForm({ existing, onDone }: { existing?: Visit; onDone?: () => void }) {
  const navigate = useNavigate();
  const save = useSaveVisit(existing?.id);
  const [v, setV] = useState({
    kind: existing?.kind ?? ('prefet' as VisitKind),
    authority: existing?.authority ?? '',
    title: existing?.title ?? '',
    startsAt: isoToLocalInput(existing?.startsAt),
    endsAt: isoToLocalInput(existing?.endsAt),
    communes: existing?.communes.map((c) => c.insee).join(', ') ?? '',
    purpose: existing?.purpose ?? '',
    status: existing?.status ?? ('previsionnelle' as VisitStatus),
    security: existing?.security ?? '',
    notes: existing?.notes ?? '',
  });
  const [sequences, setSequences] = useState<SequenceDraft[]>(
    (existing?.sequences ?? []).map((s) => ({ startsAt: isoToLocalInput(s.startsAt), endsAt: isoToLocalInput(s.endsAt), place: s.place, title: s.title, participants: s.participants ?? '', press: s.press })),
  );
  const text = (key: 'authority' | 'title' | 'startsAt' | 'endsAt' | 'communes' | 'purpose' | 'security' | 'notes', label: string, type = 'text') => (
    <Input label={label} nativeInputProps={{ type, value: v[key], onChange: (e) => setV({ ...v, [key]: e.target.value }) }} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        kind: v.kind,
        authority: v.authority,
        title: v.title,
        startsAt: localInputToIso(v.startsAt) ?? '',
        endsAt: localInputToIso(v.endsAt) ?? '',
        communes: v.communes.split(/[,\s]+/).filter(Boolean),
        purpose: v.purpose || null,
        status: v.status,
        security: v.security || null,
        notes: v.notes || null,
        sequences: sequences.map((s) => ({ ...s, startsAt: localInputToIso(s.startsAt) ?? '', endsAt: localInputToIso(s.endsAt) ?? '', participants: s.participants || null })),
      },
      { onSuccess: (visit) => (onDone ? onDone() : void navigate(`/presse/visites/${visit.id}`)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="visit-form">
      {!existing && <h2 className={fr.cx('fr-h3')}>{t.new}</h2>}
      <Select label={t.form.kind} nativeSelectProps={{ value: v.kind, onChange: (e) => setV({ ...v, kind: e.target.value as VisitKind }) }}>
        {VISIT_KINDS.map((k) => (
          <option key={k} value={k}>
            {VISIT_KIND_LABELS[k]}
          </option>
        ))}
      </Select>
      {text('authority', t.form.authority)}
      {text('title', t.form.title)}
      {text('startsAt', t.form.startsAt, 'datetime-local')}
      {text('endsAt', t.form.endsAt, 'datetime-local')}
      {text('communes', t.form.communes)}
      {text('purpose', t.form.purpose)}
      <Select label={t.form.status} nativeSelectProps={{ value: v.status, onChange: (e) => setV({ ...v, status: e.target.value as VisitStatus }) }}>
        {VISIT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {VISIT_STATUS_LABELS[s]}
          </option>
        ))}
      </Select>
      {text('security', t.form.security)}
      {text('notes', t.form.notes)}
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>{t.programme}</legend>
        {sequences.map((s, i) => {
          const set = (patch: Partial<SequenceDraft>) => setSequences(sequences.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          return (
            <div key={i} className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
              <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
                <Input label={`${t.sequence.startsAt} ${i + 1}`} nativeInputProps={{ type: 'datetime-local', value: s.startsAt, onChange: (e) => set({ startsAt: e.target.value }) }} />
              </div>
              <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
                <Input label={`${t.sequence.endsAt} ${i + 1}`} nativeInputProps={{ type: 'datetime-local', value: s.endsAt, onChange: (e) => set({ endsAt: e.target.value }) }} />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
                <Input label={`${t.sequence.place} ${i + 1}`} nativeInputProps={{ value: s.place, onChange: (e) => set({ place: e.target.value }) }} />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
                <Input label={`${t.sequence.title} ${i + 1}`} nativeInputProps={{ value: s.title, onChange: (e) => set({ title: e.target.value }) }} />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
                <Input label={`${t.sequence.participants} ${i + 1}`} nativeInputProps={{ value: s.participants, onChange: (e) => set({ participants: e.target.value }) }} />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
                <Select label={`${t.sequence.press} ${i + 1}`} nativeSelectProps={{ value: s.press, onChange: (e) => set({ press: e.target.value as 'ouverte' | 'fermee' }) }}>
                  <option value="ouverte">{t.pressOpen}</option>
                  <option value="fermee">{t.pressClosed}</option>
                </Select>
              </div>
            </div>
          );
        })}
        <Button type="button" priority="secondary" size="small" onClick={() => setSequences([...sequences, { startsAt: v.startsAt, endsAt: v.startsAt, place: '', title: '', participants: '', press: 'fermee' }])}>
          {t.addSequence}
        </Button>
      </fieldset>
      {save.error && <ErrorAlert error={save.error} />}
      <Button type="submit" disabled={save.isPending}>
        {tpr.save}
      </Button>
    </form>
  );
}

export function VisitsSection() {
  const visits = useVisits();
  return (
    <section data-testid="press-visits">
      <h2 className={fr.cx('fr-h3')}>{t.title}</h2>
      <p>{t.intro}</p>
      <Button iconId="fr-icon-add-line" linkProps={{ to: '/presse/visites/nouvelle' }} className={fr.cx('fr-mb-2w')}>
        {t.new}
      </Button>
      <h3 className={fr.cx('fr-h5')}>{t.agenda}</h3>
      {visits.error ? (
        <ErrorAlert error={visits.error} />
      ) : visits.isPending ? (
        <p role="status">{tpr.loading}</p>
      ) : visits.data.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ul data-testid="visit-agenda">
          {visits.data.map((v) => (
            <li key={v.id} className={fr.cx('fr-mb-1w')}>
              <time dateTime={v.startsAt}>{formatFull(v.startsAt)}</time> – {formatTime(v.endsAt)} : <Link to={`/presse/visites/${v.id}`}>{v.title}</Link> ({VISIT_KIND_LABELS[v.kind]}, {v.authority}) —{' '}
              {v.communes.map((c) => c.name).join(', ')} — {VISIT_STATUS_LABELS[v.status]}{' '}
              {v.conflicts.length > 0 && (
                <Badge severity="error" small>
                  {t.conflicts}
                </Badge>
              )}{' '}
              <Badge severity={v.uninformed ? 'warning' : 'success'} small>
                {t.uninformed(v.uninformed)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function VisitDetail() {
  const { id = '' } = useParams();
  const visit = useVisit(id);
  const inform = useInformOfficial(id);
  const [editing, setEditing] = useState(false);
  if (visit.error) return <ErrorAlert error={visit.error} />;
  if (visit.isPending) return <p role="status">{tpr.loading}</p>;
  const v = visit.data;
  return (
    <article data-testid="visit-detail">
      <p>
        <Link to="/presse/visites">{t.back}</Link>
      </p>
      <h2 className={fr.cx('fr-h3')}>{v.title}</h2>
      <p>
        {VISIT_KIND_LABELS[v.kind]} — {v.authority} — {VISIT_STATUS_LABELS[v.status]} — {formatFull(v.startsAt)} → {formatFull(v.endsAt)}
      </p>
      <p>{v.communes.map((c) => `${c.name} (${c.insee})`).join(', ')}</p>
      {v.purpose && <p>{v.purpose}</p>}
      {v.conflicts.length > 0 && (
        <div className={fr.cx('fr-alert', 'fr-alert--warning', 'fr-alert--sm', 'fr-mb-2w')}>
          <p>
            {t.conflicts} : {v.conflicts.map((c) => `${c.title} (${formatFull(c.startsAt)})`).join(' ; ')}
          </p>
        </div>
      )}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <li>
          <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEditing(!editing)}>
            {t.edit}
          </Button>
        </li>
        <li>
          <Button priority="tertiary" iconId="fr-icon-download-line" onClick={() => void downloadFile(`/api/press/visits/${v.id}/pdf`, 'dossier-de-visite.pdf')}>
            {t.folder}
          </Button>
        </li>
      </ul>
      {editing && (
        <VisitForm
          existing={v}
          onDone={() => {
            setEditing(false);
            void visit.refetch();
          }}
        />
      )}
      <h3 className={fr.cx('fr-h5', 'fr-mt-3w')}>{t.programme}</h3>
      <ol>
        {v.sequences.map((s) => (
          <li key={s.id}>
            {formatTime(s.startsAt)} – {formatTime(s.endsAt)} : {s.title} — {s.place} (presse {s.press === 'ouverte' ? t.pressOpen : t.pressClosed})
            {s.participants && ` — ${s.participants}`}
          </li>
        ))}
      </ol>
      <h3 className={fr.cx('fr-h5')}>
        {t.officials} — {t.uninformed(v.uninformed)}
      </h3>
      {inform.error && <ErrorAlert error={inform.error} />}
      <ul data-testid="visit-officials">
        {v.officials.map((o) => (
          <li key={o.contactId}>
            <Checkbox
              small
              options={[
                {
                  label: `${t.functions[o.function] ?? o.function} — ${o.name}${o.title ? ` (${o.title})` : ''}`,
                  hintText: o.informedAt ? t.informedOn(formatFull(o.informedAt), o.informedByName ?? '') : [o.email, o.mobile].filter(Boolean).join(' · '),
                  nativeInputProps: { checked: !!o.informedAt, onChange: (e) => inform.mutate({ contactId: o.contactId, informed: e.target.checked }) },
                },
              ]}
            />
          </li>
        ))}
      </ul>
      {v.security && (
        <>
          <h3 className={fr.cx('fr-h5')}>{t.form.security}</h3>
          <p>{v.security}</p>
        </>
      )}
      {v.notes && (
        <>
          <h3 className={fr.cx('fr-h5')}>{t.form.notes}</h3>
          <p>{v.notes}</p>
        </>
      )}
    </article>
  );
}
