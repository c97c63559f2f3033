import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type BureauResultDto, RESULT_STATUS_LABELS } from '@contracts/elections';
import { type SelectHTMLAttributes, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '@/lib/api-client';
import { type ScrutinDetail, useEnterResult, useResultAction, useResults } from '../api';
import { te } from '../i18n';
import { entryProblems } from '../lib/totals';
import { ApiProblems } from './api-problems';
import { parisWhen } from './scrutin-layout';

const FIELDS = ['inscrits', 'emargements', 'votants', 'blancs', 'nuls', 'exprimes'] as const;
type Field = (typeof FIELDS)[number];

export function ResultsEntry({ scrutin, canWrite }: { scrutin: ScrutinDetail; canWrite: boolean }) {
  const [params, setParams] = useSearchParams();
  const bureauId = params.get('bureau') ?? '';
  const results = useResults(scrutin.id);
  const byBureau = useMemo(
    () => new Map((results.data ?? []).map((r) => [r.bureauId, r])),
    [results.data],
  );
  const bureau = scrutin.bureaux.find((b) => b.id === bureauId);
  return (
    <section aria-labelledby="elections-entry-title">
      <h2 id="elections-entry-title" className={fr.cx('fr-h4')}>
        {te.entry.title}
      </h2>
      <Select
        label={te.entry.bureau}
        nativeSelectProps={
          {
            value: bureauId,
            onChange: (e) => setParams(e.target.value ? { bureau: e.target.value } : {}),
            'data-testid': 'elections-entry-bureau',
          } as SelectHTMLAttributes<HTMLSelectElement>
        }
      >
        <option value="">{te.entry.choose}</option>
        {scrutin.bureaux.map((b) => (
          <option key={b.id} value={b.id}>
            {b.communeName} — {b.code} {b.label} (
            {RESULT_STATUS_LABELS[byBureau.get(b.id)?.status ?? 'non_arrive']})
          </option>
        ))}
      </Select>
      {bureau && (
        <EntryForm
          key={bureau.id}
          scrutin={scrutin}
          bureauId={bureau.id}
          configuredInscrits={bureau.inscrits}
          circonscription={bureau.circonscription}
          current={byBureau.get(bureau.id)}
          canWrite={canWrite}
        />
      )}
    </section>
  );
}

interface EntryFormProps {
  scrutin: ScrutinDetail;
  bureauId: string;
  configuredInscrits: number;
  circonscription: string;
  current: BureauResultDto | undefined;
  canWrite: boolean;
}

function EntryForm({
  scrutin,
  bureauId,
  configuredInscrits,
  circonscription,
  current,
  canWrite,
}: EntryFormProps) {
  const enter = useEnterResult(scrutin.id);
  const act = useResultAction(scrutin.id);
  const candidates = scrutin.candidatures.filter(
    (c) =>
      c.circonscription === circonscription &&
      (c.status === 'deposee' || c.status === 'enregistree'),
  );
  const initial = () => ({
    numbers: Object.fromEntries(
      FIELDS.map((f) => [
        f,
        current ? String(current[f] ?? '') : f === 'inscrits' ? String(configuredInscrits) : '',
      ]),
    ) as Record<Field, string>,
    voix: Object.fromEntries(
      candidates.map((c) => [c.id, current ? String(current.voix[c.id] ?? '') : '']),
    ),
    comment: current?.comment ?? '',
  });
  const [form, setForm] = useState(initial);
  const [note, setNote] = useState('');
  const num = (v: string) => (v === '' ? NaN : Number(v));
  const entry = {
    inscrits: num(form.numbers.inscrits),
    votants: num(form.numbers.votants),
    blancs: num(form.numbers.blancs),
    nuls: num(form.numbers.nuls),
    exprimes: num(form.numbers.exprimes),
    voix: Object.fromEntries(Object.entries(form.voix).map(([k, v]) => [k, num(v)])),
  };
  const complete = Object.values(entry).every((v) =>
    typeof v === 'number' ? !Number.isNaN(v) : Object.values(v).every((x) => !Number.isNaN(x)),
  );
  const problems = complete ? entryProblems(entry) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enter.mutate({
      bureauId,
      entry: {
        ...entry,
        emargements: form.numbers.emargements === '' ? undefined : num(form.numbers.emargements),
        comment: form.comment || undefined,
      },
    });
  };
  const shown = enter.data ?? current;
  return (
    <>
      {shown && (
        <div className={fr.cx('fr-mb-2w')} data-testid="elections-entry-status">
          <p className={fr.cx('fr-mb-1v')}>
            {te.entry.status} :{' '}
            <Badge
              small
              noIcon
              severity={
                shown.status === 'valide' ? 'success' : shown.status === 'erreur' ? 'error' : 'info'
              }
            >
              {RESULT_STATUS_LABELS[shown.status]}
            </Badge>{' '}
            <span className={fr.cx('fr-text--sm')}>
              {te.entry.enteredBy(shown.enteredByName, parisWhen(shown.enteredAt))}
            </span>
            {shown.validatedByName && shown.validatedAt && (
              <span className={fr.cx('fr-text--sm')}>
                {' '}
                — {te.entry.validatedBy(shown.validatedByName, parisWhen(shown.validatedAt))}
              </span>
            )}
          </p>
          {shown.warnings.length > 0 && (
            <Alert
              severity="warning"
              small
              title={te.entry.warnings}
              description={shown.warnings.join(' ; ')}
            />
          )}
          {canWrite && (
            <div className="vigie-elections-actions fr-mt-1w">
              <Button
                size="small"
                disabled={shown.status !== 'saisi' && shown.status !== 'contre_appele'}
                onClick={() => act.mutate({ bureauId, action: 'validate' })}
              >
                {te.entry.validate}
              </Button>
              <Input
                label={te.entry.callbackNote}
                nativeInputProps={{ value: note, onChange: (e) => setNote(e.target.value) }}
              />
              <Button
                size="small"
                priority="secondary"
                disabled={note.trim().length < 3}
                onClick={() => act.mutate({ bureauId, action: 'callback', note })}
              >
                {te.entry.callback}
              </Button>
              <Button
                size="small"
                priority="tertiary"
                disabled={note.trim().length < 3}
                onClick={() => act.mutate({ bureauId, action: 'error', note })}
              >
                {te.entry.markError}
              </Button>
            </div>
          )}
          {act.error && <ApiProblems error={isApiError(act.error) ? act.error : null} />}
          <details className={fr.cx('fr-mt-1w')}>
            <summary>{te.entry.history}</summary>
            <ul className={fr.cx('fr-text--sm')}>
              {shown.history.map((h, i) => (
                <li key={i}>
                  {parisWhen(h.at)} — {h.byName} : {RESULT_STATUS_LABELS[h.from ?? 'non_arrive']} →{' '}
                  {RESULT_STATUS_LABELS[h.to]}
                  {h.note ? ` (${h.note})` : ''}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {canWrite && (
        <form onSubmit={submit} data-testid="elections-entry-form">
          <div className="vigie-elections-grid">
            {FIELDS.map((f) => (
              <Input
                key={f}
                label={te.entry.fields[f]}
                nativeInputProps={{
                  type: 'number',
                  min: 0,
                  step: 1,
                  inputMode: 'numeric',
                  required: f !== 'emargements',
                  value: form.numbers[f],
                  name: f,
                  onChange: (e) =>
                    setForm({ ...form, numbers: { ...form.numbers, [f]: e.target.value } }),
                }}
              />
            ))}
          </div>
          <fieldset className={fr.cx('fr-fieldset')}>
            <legend className={fr.cx('fr-fieldset__legend')}>{te.entry.voix}</legend>
            <div className="vigie-elections-grid">
              {candidates.map((c) => (
                <Input
                  key={c.id}
                  label={`${c.panel ? `${c.panel}. ` : ''}${c.label}${c.nuance ? ` (${c.nuance})` : ''}`}
                  nativeInputProps={{
                    type: 'number',
                    min: 0,
                    step: 1,
                    inputMode: 'numeric',
                    required: true,
                    value: form.voix[c.id] ?? '',
                    onChange: (e) =>
                      setForm({ ...form, voix: { ...form.voix, [c.id]: e.target.value } }),
                  }}
                />
              ))}
            </div>
          </fieldset>
          <Input
            textArea
            label={te.entry.comment}
            nativeTextAreaProps={{
              value: form.comment,
              onChange: (e) => setForm({ ...form, comment: e.target.value }),
            }}
          />
          {problems.length > 0 && (
            <Alert
              severity="warning"
              small
              title={te.entry.checks}
              description={problems.join(' ')}
              className={fr.cx('fr-mb-2w')}
            />
          )}
          <Button type="submit" disabled={enter.isPending}>
            {te.entry.submit}
          </Button>
          {enter.data && (
            <Alert
              severity="success"
              small
              className={fr.cx('fr-mt-2w')}
              description={te.entry.saved(RESULT_STATUS_LABELS[enter.data.status])}
            />
          )}
          {enter.error && <ApiProblems error={isApiError(enter.error) ? enter.error : null} />}
        </form>
      )}
    </>
  );
}
