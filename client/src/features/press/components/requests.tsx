import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PRESS_REQUEST_STATUS_LABELS, type PressRequest } from '@contracts/press';
import { useState, type FormEvent } from 'react';
import { formatFull, localInputToIso } from '@/lib/format';
import { useCreatePressRequest, usePressRequests, useUpdatePressRequest } from '../api/press-api';
import { tpr } from '../i18n';
import { ErrorAlert } from './error-alert';

const t = tpr.requests;

function NewRequest({ onDone }: { onDone: () => void }) {
  const create = useCreatePressRequest();
  const [v, setV] = useState({ journalistName: '', media: '', subject: '', deadline: '', spokesperson: '' });
  const field = (key: keyof typeof v, label: string, type = 'text') => (
    <Input label={label} nativeInputProps={{ type, value: v[key], onChange: (e) => setV({ ...v, [key]: e.target.value }) }} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { journalistName: v.journalistName, media: v.media, subject: v.subject, deadline: localInputToIso(v.deadline) ?? '', spokesperson: v.spokesperson || null },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-mb-4w')} noValidate>
      {field('journalistName', t.form.journalist)}
      {field('media', t.form.media)}
      {field('subject', t.form.subject)}
      {field('deadline', t.form.deadline, 'datetime-local')}
      {field('spokesperson', t.form.spokesperson)}
      {create.error && <ErrorAlert error={create.error} />}
      <Button type="submit">{tpr.save}</Button>
    </form>
  );
}

function Answer({ request }: { request: PressRequest }) {
  const update = useUpdatePressRequest();
  const [answer, setAnswer] = useState(request.answer ?? '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: request.id, status: 'repondue', answer });
      }}
    >
      <Input label={t.form.answer} textArea nativeTextAreaProps={{ value: answer, onChange: (e) => setAnswer(e.target.value), rows: 2 }} />
      {update.error && <ErrorAlert error={update.error} />}
      <Button type="submit" size="small">
        {t.markAnswered}
      </Button>
    </form>
  );
}

export function RequestsSection() {
  const requests = usePressRequests();
  const [adding, setAdding] = useState(false);
  const overdue = requests.data?.filter((r) => r.overdue) ?? [];
  return (
    <section data-testid="press-requests">
      <h2 className={fr.cx('fr-h3')}>{t.title}</h2>
      <p>{t.intro}</p>
      {overdue.length > 0 && (
        <p className="vigie-press-overdue" data-testid="overdue-count">
          {t.overdueCount(overdue.length)}
        </p>
      )}
      {!adding && (
        <Button iconId="fr-icon-add-line" onClick={() => setAdding(true)} className={fr.cx('fr-mb-2w')}>
          {t.new}
        </Button>
      )}
      {adding && <NewRequest onDone={() => setAdding(false)} />}
      {requests.error ? (
        <ErrorAlert error={requests.error} />
      ) : requests.isPending ? (
        <p role="status">{tpr.loading}</p>
      ) : requests.data.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div className={fr.cx('fr-table')}>
          <table>
            <caption>{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.deadline}</th>
                <th scope="col">{t.columns.journalist}</th>
                <th scope="col">{t.columns.subject}</th>
                <th scope="col">{t.columns.spokesperson}</th>
                <th scope="col">{t.columns.status}</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.map((r) => (
                <tr key={r.id}>
                  <td className={r.overdue ? 'vigie-press-overdue' : undefined}>
                    {formatFull(r.deadline)} {r.overdue && <Badge severity="error" small>{t.overdue}</Badge>}
                  </td>
                  <td>
                    {r.journalistName} ({r.media})
                  </td>
                  <td>
                    {r.subject}
                    {r.answer && <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>{r.answer}</p>}
                  </td>
                  <td>{r.spokesperson ?? '—'}</td>
                  <td>
                    {PRESS_REQUEST_STATUS_LABELS[r.status]}
                    {(r.status === 'recue' || r.status === 'en_cours') && <Answer request={r} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
