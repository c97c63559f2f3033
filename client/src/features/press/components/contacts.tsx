import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { MEDIA_TYPE_LABELS, MEDIA_TYPES, type MediaType, type PressImportResult } from '@contracts/press';
import { useState, type FormEvent } from 'react';
import { downloadFile, useImportPressContacts, usePressContacts, usePressLists, useSavePressContact, useSavePressList } from '../api/press-api';
import { tpr } from '../i18n';
import { frenchDay } from '../lib/dates';
import { ErrorAlert } from './error-alert';

const t = tpr.contacts;

function ContactForm({ onDone }: { onDone: () => void }) {
  const save = useSavePressContact();
  const [v, setV] = useState({ name: '', title: '', media: '', mediaType: 'presse_ecrite' as MediaType, beats: '', email: '', mobile: '', landline: '', consent: false, consentAt: '' });
  const text = (key: 'name' | 'title' | 'media' | 'beats' | 'email' | 'mobile' | 'landline' | 'consentAt', label: string, type = 'text') => (
    <Input label={label} nativeInputProps={{ type, value: v[key], onChange: (e) => setV({ ...v, [key]: e.target.value }) }} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        name: v.name,
        title: v.title || null,
        media: v.media,
        mediaType: v.mediaType,
        beats: v.beats.split(',').map((b) => b.trim()).filter(Boolean),
        email: v.email || null,
        mobile: v.mobile || null,
        landline: v.landline || null,
        consent: v.consent,
        consentAt: v.consentAt || null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-mb-4w')} noValidate>
      {text('name', t.form.name)}
      {text('title', t.form.title)}
      {text('media', t.form.media)}
      <Select label={t.form.mediaType} nativeSelectProps={{ value: v.mediaType, onChange: (e) => setV({ ...v, mediaType: e.target.value as MediaType }) }}>
        {MEDIA_TYPES.map((m) => (
          <option key={m} value={m}>
            {MEDIA_TYPE_LABELS[m]}
          </option>
        ))}
      </Select>
      {text('beats', t.form.beats)}
      {text('email', t.form.email, 'email')}
      {text('mobile', t.form.mobile, 'tel')}
      {text('landline', t.form.landline, 'tel')}
      <Checkbox options={[{ label: t.form.consent, nativeInputProps: { checked: v.consent, onChange: (e) => setV({ ...v, consent: e.target.checked }) } }]} />
      {v.consent && text('consentAt', t.form.consentAt, 'date')}
      {save.error && <ErrorAlert error={save.error} />}
      <Button type="submit">{tpr.save}</Button>
    </form>
  );
}

function ImportForm() {
  const importer = useImportPressContacts();
  const [csv, setCsv] = useState('');
  const [onlyValid, setOnlyValid] = useState(false);
  const [result, setResult] = useState<PressImportResult | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        importer.mutate({ csv, onlyValid }, { onSuccess: setResult });
      }}
      className={fr.cx('fr-mb-4w')}
    >
      <Input
        label={t.importFile}
        nativeInputProps={{
          type: 'file',
          accept: '.csv,text/csv',
          onChange: (e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setCsv);
          },
        }}
      />
      <Checkbox options={[{ label: t.onlyValid, nativeInputProps: { checked: onlyValid, onChange: (e) => setOnlyValid(e.target.checked) } }]} />
      {importer.error && <ErrorAlert error={importer.error} />}
      {result && (
        <div role="status">
          <p>{t.importDone(result.created, result.updated, result.skipped)}</p>
          {result.problems.length > 0 && (
            <ul>
              {result.problems.map((p, i) => (
                <li key={i}>
                  ligne {p.line}, {p.column} : {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Button type="submit" disabled={!csv || importer.isPending}>
        {t.import}
      </Button>
    </form>
  );
}

function ListForm({ onDone }: { onDone: () => void }) {
  const contacts = usePressContacts();
  const save = useSavePressList();
  const [name, setName] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ name, contactIds: ids }, { onSuccess: onDone });
      }}
      className={fr.cx('fr-mb-4w')}
    >
      <Input label={t.listName} nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value) }} />
      <Checkbox
        legend={t.listMembers}
        options={(contacts.data ?? []).map((c) => ({
          label: `${c.name} (${c.media})`,
          nativeInputProps: { checked: ids.includes(c.id), onChange: (e) => setIds(e.target.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id)) },
        }))}
      />
      {save.error && <ErrorAlert error={save.error} />}
      <Button type="submit">{tpr.save}</Button>
    </form>
  );
}

export function ContactsSection() {
  const contacts = usePressContacts();
  const lists = usePressLists();
  const [mode, setMode] = useState<'none' | 'contact' | 'import' | 'list'>('none');
  const listName = new Map((lists.data ?? []).map((l) => [l.id, l.name]));
  return (
    <section data-testid="press-contacts">
      <h2 className={fr.cx('fr-h3')}>{t.title}</h2>
      <p>{t.intro}</p>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <li>
          <Button iconId="fr-icon-add-line" onClick={() => setMode('contact')}>
            {t.new}
          </Button>
        </li>
        <li>
          <Button priority="secondary" onClick={() => setMode('list')}>
            {t.newList}
          </Button>
        </li>
        <li>
          <Button priority="secondary" onClick={() => setMode('import')}>
            {t.import}
          </Button>
        </li>
        <li>
          <Button priority="tertiary" iconId="fr-icon-download-line" onClick={() => void downloadFile('/api/press/contacts/export.csv', 'contacts-presse.csv')}>
            {t.export}
          </Button>
        </li>
      </ul>
      {mode === 'contact' && <ContactForm onDone={() => setMode('none')} />}
      {mode === 'import' && <ImportForm />}
      {mode === 'list' && <ListForm onDone={() => setMode('none')} />}
      {contacts.error ? (
        <ErrorAlert error={contacts.error} />
      ) : contacts.isPending ? (
        <p role="status">{tpr.loading}</p>
      ) : (
        <div className={fr.cx('fr-table')}>
          <table>
            <caption>{t.title}</caption>
            <thead>
              <tr>
                {Object.values(t.columns).map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {contacts.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.name}
                    {c.title && <span className={fr.cx('fr-text--xs')}> — {c.title}</span>}
                  </td>
                  <td>
                    {c.media} ({MEDIA_TYPE_LABELS[c.mediaType]})
                  </td>
                  <td>{c.beats.join(', ')}</td>
                  <td>{c.email}</td>
                  <td>{[c.mobile, c.landline].filter(Boolean).join(' · ')}</td>
                  <td>{c.consent ? t.consentYes(frenchDay(c.consentAt)) : t.consentNo}</td>
                  <td>{c.listIds.map((id) => listName.get(id) ?? '').join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className={fr.cx('fr-h5')}>{t.lists}</h3>
      <ul>
        {(lists.data ?? []).map((l) => (
          <li key={l.id}>
            {l.name} — {l.contactIds.length} membre(s)
          </li>
        ))}
      </ul>
    </section>
  );
}
