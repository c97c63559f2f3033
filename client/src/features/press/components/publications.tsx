import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ACT_NATURE_LABELS, ACT_NATURES, type ActNature } from '@contracts/press';
import { useState, type FormEvent } from 'react';
import { downloadFile, useActs, useIssues, usePublicationMutations } from '../api/press-api';
import { tpr } from '../i18n';
import { frenchDay } from '../lib/dates';
import { ErrorAlert } from './error-alert';

const t = tpr.publications;

function toBase64(buffer: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function ActForm({ onDone }: { onDone: () => void }) {
  const { createAct } = usePublicationMutations();
  const [v, setV] = useState({ number: '', signedAt: '', signatory: '', delegation: '', service: '', nature: 'reglementaire' as ActNature, subject: '' });
  const [pdf, setPdf] = useState<string | null>(null);
  const text = (key: 'number' | 'signedAt' | 'signatory' | 'delegation' | 'service' | 'subject', label: string, type = 'text') => (
    <Input label={label} nativeInputProps={{ type, value: v[key], onChange: (e) => setV({ ...v, [key]: e.target.value }) }} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    createAct.mutate({ ...v, delegation: v.delegation || null, pdfBase64: pdf }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-mb-4w')} noValidate>
      {text('number', t.form.number)}
      {text('signedAt', t.form.signedAt, 'date')}
      {text('signatory', t.form.signatory)}
      {text('delegation', t.form.delegation)}
      {text('service', t.form.service)}
      <Select label={t.form.nature} nativeSelectProps={{ value: v.nature, onChange: (e) => setV({ ...v, nature: e.target.value as ActNature }) }}>
        {ACT_NATURES.map((n) => (
          <option key={n} value={n}>
            {ACT_NATURE_LABELS[n]}
          </option>
        ))}
      </Select>
      {text('subject', t.form.subject)}
      <Input
        label={t.form.pdf}
        nativeInputProps={{
          type: 'file',
          accept: 'application/pdf',
          onChange: (e) => {
            const file = e.target.files?.[0];
            if (file) void file.arrayBuffer().then((b) => setPdf(toBase64(b)));
          },
        }}
      />
      {createAct.error && <ErrorAlert error={createAct.error} />}
      <Button type="submit">{tpr.save}</Button>
    </form>
  );
}

export function PublicationsSection() {
  const acts = useActs();
  const issues = useIssues();
  const { createIssue, publishIssue, markEnforceable } = usePublicationMutations();
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [publishDate, setPublishDate] = useState<Record<string, string>>({});
  const error = createIssue.error ?? publishIssue.error ?? markEnforceable.error;
  return (
    <section data-testid="press-publications">
      <h2 className={fr.cx('fr-h3')}>{t.title}</h2>
      <p>{t.intro}</p>
      {error && <ErrorAlert error={error} />}
      <h3 className={fr.cx('fr-h5')}>{t.issues}</h3>
      <ul>
        {(issues.data ?? []).map((i) => (
          <li key={i.id} className={fr.cx('fr-mb-2w')}>
            <strong>{i.label}</strong> {i.publishedOn ? `du ${frenchDay(i.publishedOn)} — recours jusqu’au ${frenchDay(i.appealDeadline)}` : `(${t.notPublished})`} — {i.acts.length} acte(s){' '}
            <Button size="small" priority="tertiary" onClick={() => void downloadFile(`/api/press/raa/${i.id}/pdf`, `${i.label}.pdf`)}>
              {t.pdf}
            </Button>
            {!i.publishedOn && (
              <form
                className={fr.cx('fr-mt-1w')}
                onSubmit={(e) => {
                  e.preventDefault();
                  publishIssue.mutate({ id: i.id, publishedOn: publishDate[i.id] ?? '' });
                }}
              >
                <Input label={`${t.publishedOn} (${i.label})`} nativeInputProps={{ type: 'date', value: publishDate[i.id] ?? '', onChange: (e) => setPublishDate({ ...publishDate, [i.id]: e.target.value }) }} />
                <Button type="submit" size="small">
                  {t.publish}
                </Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <h3 className={fr.cx('fr-h5')}>{t.acts}</h3>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <li>
          <Button iconId="fr-icon-add-line" onClick={() => setAdding(true)}>
            {t.newAct}
          </Button>
        </li>
        <li>
          <Button priority="secondary" disabled={selected.length === 0} onClick={() => createIssue.mutate({ actIds: selected }, { onSuccess: () => setSelected([]) })}>
            {t.assemble}
          </Button>
        </li>
      </ul>
      {adding && <ActForm onDone={() => setAdding(false)} />}
      {acts.error ? (
        <ErrorAlert error={acts.error} />
      ) : acts.isPending ? (
        <p role="status">{tpr.loading}</p>
      ) : (
        <div className={fr.cx('fr-table')}>
          <table>
            <caption>{t.acts}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className={fr.cx('fr-sr-only')}>Sélection</span>
                </th>
                {Object.values(t.columns).map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {acts.data.map((a) => (
                <tr key={a.id}>
                  <td>
                    {!a.raaIssueId && (
                      <input
                        type="checkbox"
                        aria-label={`Sélectionner ${a.number}`}
                        checked={selected.includes(a.id)}
                        onChange={(e) => setSelected(e.target.checked ? [...selected, a.id] : selected.filter((x) => x !== a.id))}
                      />
                    )}
                  </td>
                  <td>{a.number}</td>
                  <td>{frenchDay(a.signedAt)}</td>
                  <td>
                    {a.signatory}
                    {a.delegation && <span className={fr.cx('fr-text--xs')}> ({a.delegation})</span>}
                  </td>
                  <td>{ACT_NATURE_LABELS[a.nature]}</td>
                  <td>{a.subject}</td>
                  <td>{a.raaLabel ?? '—'}</td>
                  <td>{frenchDay(a.appealDeadline) || '—'}</td>
                  <td>
                    {a.enforceableAt ? (
                      frenchDay(a.enforceableAt)
                    ) : a.publishedAt ? (
                      <Button size="small" priority="secondary" onClick={() => markEnforceable.mutate(a.id)}>
                        {t.enforceable}
                      </Button>
                    ) : (
                      '—'
                    )}
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
