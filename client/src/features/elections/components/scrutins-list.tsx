import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { ELECTION_TYPE_LABELS, SCRUTIN_STATUS_LABELS } from '@contracts/elections';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '@/lib/api-client';
import { useCreateScrutin, useScrutins } from '../api';
import { te } from '../i18n';
import { formatCount } from '../lib/totals';
import { ApiProblems } from './api-problems';

const frDate = (iso: string) => iso.split('-').reverse().join('/');

export function ScrutinsList({ canWrite }: { canWrite: boolean }) {
  const scrutins = useScrutins();
  return (
    <>
      <title>{`${te.title} — Vigie`}</title>
      <h1>{te.title}</h1>
      {scrutins.isError && <Alert severity="error" small description={te.errors.generic} />}
      <div className={fr.cx('fr-table')}>
        <table data-testid="elections-scrutins">
          <caption>{te.list.caption}</caption>
          <thead>
            <tr>
              {te.list.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scrutins.data?.length === 0 && (
              <tr>
                <td colSpan={6}>{te.list.empty}</td>
              </tr>
            )}
            {scrutins.data?.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={s.id}>{s.label}</Link>
                </td>
                <td>{ELECTION_TYPE_LABELS[s.type]}</td>
                <td>{frDate(s.date)}</td>
                <td>{te.list.round(s.round)}</td>
                <td>{formatCount(s.bureauxCount)}</td>
                <td>
                  <Badge small severity={s.status === 'clos' ? undefined : 'info'} noIcon>
                    {SCRUTIN_STATUS_LABELS[s.status]}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canWrite && <CreateByElection />}
    </>
  );
}

/** The most frequent routine case: a municipal by-election in one commune. */
function CreateByElection() {
  const create = useCreateScrutin();
  const [form, setForm] = useState({ insee: '', label: '', date: '', seats: '', population: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      type: 'partielle',
      system: 'municipales',
      label: form.label,
      date: form.date,
      round: 1,
      circonscriptions: [
        {
          code: form.insee,
          label: form.label,
          kind: 'commune',
          communes: [form.insee],
          seats: Number(form.seats) || undefined,
          population: form.population ? Number(form.population) : undefined,
        },
      ],
    });
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-mt-4w')} data-testid="elections-create">
      <h2 className={fr.cx('fr-h5')}>{te.create.title}</h2>
      <div className="vigie-elections-grid">
        <Input
          label={te.create.commune}
          nativeInputProps={{
            value: form.insee,
            onChange: set('insee'),
            required: true,
            pattern: '\\d{5}',
          }}
        />
        <Input
          label={te.create.label}
          nativeInputProps={{
            value: form.label,
            onChange: set('label'),
            required: true,
            minLength: 3,
          }}
        />
        <Input
          label={te.create.date}
          nativeInputProps={{
            type: 'date',
            value: form.date,
            onChange: set('date'),
            required: true,
          }}
        />
        <Input
          label={te.create.seats}
          nativeInputProps={{
            type: 'number',
            min: 1,
            value: form.seats,
            onChange: set('seats'),
            required: true,
          }}
        />
        <Input
          label={te.create.population}
          nativeInputProps={{
            type: 'number',
            min: 0,
            value: form.population,
            onChange: set('population'),
          }}
        />
      </div>
      <Button type="submit" disabled={create.isPending}>
        {te.create.submit}
      </Button>
      {create.isSuccess && (
        <Alert
          severity="success"
          small
          description={te.create.created}
          className={fr.cx('fr-mt-2w')}
        />
      )}
      {create.error && <ApiProblems error={isApiError(create.error) ? create.error : null} />}
    </form>
  );
}
