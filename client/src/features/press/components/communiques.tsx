import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  COMMUNIQUE_ACTION_LABELS,
  COMMUNIQUE_KIND_LABELS,
  COMMUNIQUE_KINDS,
  COMMUNIQUE_STATUS_LABELS,
  type Communique,
  type CommuniqueKind,
  type CommuniqueStatus,
} from '@contracts/press';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatFull, formatStamp, localInputToIso } from '@/lib/format';
import { downloadFile, useCommunique, useCommuniqueAction, useCommuniqueReport, useCommuniques, useDiff, useOpenCrises, usePressLists, useSaveCommunique } from '../api/press-api';
import { tpr } from '../i18n';
import { isoToLocalInput } from '../lib/dates';
import { ErrorAlert } from './error-alert';

const t = tpr.communiques;

const STATUS_SEVERITY: Record<CommuniqueStatus, 'info' | 'warning' | 'success' | 'new' | 'error'> = {
  brouillon: 'info',
  a_valider: 'warning',
  valide: 'new',
  publie: 'success',
  retire: 'error',
};

export function StatusBadge({ status }: { status: CommuniqueStatus }) {
  return (
    <Badge severity={STATUS_SEVERITY[status]} small noIcon data-testid="communique-status" data-status={status}>
      {COMMUNIQUE_STATUS_LABELS[status]}
    </Badge>
  );
}

function CommuniqueReport() {
  const year = new Date().getFullYear();
  const report = useCommuniqueReport(year);
  if (!report.data) return null;
  return (
    <div className={fr.cx('fr-table', 'fr-mt-4w')} data-testid="communique-report">
      <table>
        <caption>{t.report(year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.reportColumns.month}</th>
            <th scope="col">{t.reportColumns.theme}</th>
            <th scope="col">{t.reportColumns.count}</th>
          </tr>
        </thead>
        <tbody>
          {report.data.length === 0 ? (
            <tr>
              <td colSpan={3}>{t.reportEmpty}</td>
            </tr>
          ) : (
            report.data.map((r) => (
              <tr key={`${r.month}-${r.theme}`}>
                <td>{r.month.split('-').reverse().join('/')}</td>
                <td>{r.theme}</td>
                <td>{r.count}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function CommuniqueList() {
  const list = useCommuniques();
  return (
    <section data-testid="communique-list">
      <h2 className={fr.cx('fr-h3')}>{t.title}</h2>
      <p>{t.intro}</p>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <li>
          <Button iconId="fr-icon-add-line" linkProps={{ to: '/presse/communiques/nouveau' }}>
            {t.new}
          </Button>
        </li>
        <li>
          <Button priority="tertiary" linkProps={{ to: '/api/public/communiques.html', target: '_blank', reloadDocument: true }}>
            {t.publicPage}
          </Button>
        </li>
        <li>
          <Button priority="tertiary" linkProps={{ to: '/api/public/communiques.atom', target: '_blank', reloadDocument: true }}>
            {t.feed}
          </Button>
        </li>
      </ul>
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.isPending ? (
        <p role="status">{tpr.loading}</p>
      ) : list.data.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div className={fr.cx('fr-table', 'fr-table--no-caption')}>
          <table>
            <caption>{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.reference}</th>
                <th scope="col">{t.columns.title}</th>
                <th scope="col">{t.columns.kind}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.author}</th>
                <th scope="col">{t.columns.updated}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id} data-testid="communique-row">
                  <td>{c.reference}</td>
                  <td>
                    <Link to={`/presse/communiques/${c.id}`}>{c.title}</Link> {c.exercise && <Badge small severity="warning">EXERCICE</Badge>}
                  </td>
                  <td>{COMMUNIQUE_KIND_LABELS[c.kind]}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>{c.authorName}</td>
                  <td>
                    <time dateTime={c.updatedAt} title={formatFull(c.updatedAt)}>
                      {formatStamp(c.updatedAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CommuniqueReport />
    </section>
  );
}

export function CommuniqueForm({ existing, onDone }: { existing?: Communique; onDone?: () => void }) {
  const navigate = useNavigate();
  const lists = usePressLists();
  const save = useSaveCommunique(existing?.id);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [kind, setKind] = useState<CommuniqueKind>(existing?.kind ?? 'communique');
  const [theme, setTheme] = useState(existing?.theme ?? '');
  const [body, setBody] = useState(existing?.body ?? '');
  const [embargo, setEmbargo] = useState(isoToLocalInput(existing?.embargoUntil));
  const [listIds, setListIds] = useState<string[]>(existing?.pressListIds ?? []);
  const [website, setWebsite] = useState(existing?.website ?? true);
  const [exercise, setExercise] = useState(existing?.exercise ?? false);
  const [crisisId, setCrisisId] = useState(existing?.crisisId ?? '');
  const [attachments, setAttachments] = useState(existing?.attachments ?? []);
  const crises = useOpenCrises();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = { title, kind, theme, body, embargoUntil: localInputToIso(embargo) ?? null, pressListIds: listIds, website, exercise, crisisId: crisisId || null, attachments };
    save.mutate(existing ? { ...payload, version: existing.version } : payload, {
      onSuccess: (c) => (onDone ? onDone() : void navigate(`/presse/communiques/${c.id}`)),
    });
  };

  return (
    <form onSubmit={submit} data-testid="communique-form" noValidate>
      {!existing && <h2 className={fr.cx('fr-h3')}>{t.new}</h2>}
      <Input label={t.form.title} nativeInputProps={{ value: title, onChange: (e) => setTitle(e.target.value), required: true, maxLength: 200 }} />
      <Select label={t.form.kind} nativeSelectProps={{ value: kind, onChange: (e) => setKind(e.target.value as CommuniqueKind) }}>
        {COMMUNIQUE_KINDS.map((k) => (
          <option key={k} value={k}>
            {COMMUNIQUE_KIND_LABELS[k]}
          </option>
        ))}
      </Select>
      <Input label={t.form.theme} nativeInputProps={{ value: theme, onChange: (e) => setTheme(e.target.value), required: true, maxLength: 80 }} />
      <Input label={t.form.body} hintText={t.form.bodyHint} textArea nativeTextAreaProps={{ value: body, onChange: (e) => setBody(e.target.value), rows: 10, required: true }} />
      <Input label={t.form.embargo} nativeInputProps={{ type: 'datetime-local', value: embargo, onChange: (e) => setEmbargo(e.target.value) }} />
      {lists.data && lists.data.length > 0 && (
        <Checkbox
          legend={t.form.lists}
          options={lists.data.map((l) => ({
            label: `${l.name} (${l.contactIds.length})`,
            nativeInputProps: {
              checked: listIds.includes(l.id),
              onChange: (e) => setListIds(e.target.checked ? [...listIds, l.id] : listIds.filter((id) => id !== l.id)),
            },
          }))}
        />
      )}
      {crises.data && crises.data.length > 0 && (
        <Select label={t.form.crisis} nativeSelectProps={{ value: crisisId, onChange: (e) => setCrisisId(e.target.value) }}>
          <option value="">{t.form.noCrisis}</option>
          {crises.data.map((c) => (
            <option key={c.id} value={c.id}>
              {c.exercise ? `EXERCICE — ${c.title}` : c.title}
            </option>
          ))}
        </Select>
      )}
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>{t.form.attachments}</legend>
        {attachments.map((a, i) => {
          const set = (patch: Partial<typeof a>) => setAttachments(attachments.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          return (
            <div key={i} className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
              <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                <Input label={t.form.attachmentName(i + 1)} nativeInputProps={{ value: a.name, onChange: (e) => set({ name: e.target.value }) }} />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
                <Input label={t.form.attachmentUrl(i + 1)} nativeInputProps={{ type: 'url', value: a.url, onChange: (e) => set({ url: e.target.value }) }} />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
                <Button type="button" priority="tertiary" size="small" onClick={() => setAttachments(attachments.filter((_, j) => j !== i))}>
                  {t.form.removeAttachment(i + 1)}
                </Button>
              </div>
            </div>
          );
        })}
        <Button type="button" priority="secondary" size="small" onClick={() => setAttachments([...attachments, { name: '', url: '' }])}>
          {t.form.addAttachment}
        </Button>
      </fieldset>
      <Checkbox
        options={[
          { label: t.form.website, nativeInputProps: { checked: website, onChange: (e) => setWebsite(e.target.checked) } },
          { label: t.form.exercise, nativeInputProps: { checked: exercise, disabled: existing?.exercise, onChange: (e) => setExercise(e.target.checked) } },
        ]}
      />
      {save.error && <ErrorAlert error={save.error} />}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <li>
          <Button type="submit" disabled={save.isPending}>
            {existing ? t.form.save : t.form.create}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => (onDone ? onDone() : void navigate('/presse/communiques'))}>
            {tpr.cancel}
          </Button>
        </li>
      </ul>
    </form>
  );
}

function DiffView({ id, versions }: { id: string; versions: number[] }) {
  const [from, setFrom] = useState(versions.at(-2) ?? 1);
  const [to, setTo] = useState(versions.at(-1) ?? 1);
  const [shown, setShown] = useState(false);
  const diff = useDiff(id, from, to, shown);
  const select = (label: string, value: number, set: (v: number) => void) => (
    <Select label={label} nativeSelectProps={{ value, onChange: (e) => { set(Number(e.target.value)); } }}>
      {versions.map((v) => (
        <option key={v} value={v}>
          {`v${v}`}
        </option>
      ))}
    </Select>
  );
  return (
    <div data-testid="communique-diff">
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>{select('De la version', from, setFrom)}</div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>{select('À la version', to, setTo)}</div>
      </div>
      <Button priority="secondary" size="small" onClick={() => setShown(true)}>
        {t.detail.compare}
      </Button>
      {shown && diff.data && (
        <div className={fr.cx('fr-mt-2w')}>
          <h4 className={fr.cx('fr-h6')}>{t.detail.diffTitle(diff.data.from, diff.data.to)}</h4>
          {[diff.data.title, diff.data.body].map((parts, i) => (
            <p key={i} className="vigie-press-diff">
              {parts.map((p, j) =>
                p.op === 'insert' ? (
                  <ins key={j} title={t.detail.inserted}>{p.text}</ins>
                ) : p.op === 'delete' ? (
                  <del key={j} title={t.detail.deleted}>{p.text}</del>
                ) : (
                  <span key={j}>{p.text}</span>
                ),
              )}
            </p>
          ))}
        </div>
      )}
      {diff.error && <ErrorAlert error={diff.error} />}
    </div>
  );
}

export function CommuniqueDetail() {
  const { id = '' } = useParams();
  const query = useCommunique(id);
  const act = useCommuniqueAction(id);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState(false);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (query.isPending) return <p role="status">{tpr.loading}</p>;
  const c = act.data && act.data.version >= query.data.version && act.data.id === id ? act.data : query.data;
  return (
    <article data-testid="communique-detail" data-status={c.status}>
      <p>
        <Link to="/presse/communiques">{t.detail.back}</Link>
      </p>
      <h2 className={fr.cx('fr-h3')}>
        {c.title} <StatusBadge status={c.status} />
      </h2>
      <p className={fr.cx('fr-text--sm')}>
        {c.reference} · {COMMUNIQUE_KIND_LABELS[c.kind]} · {c.theme} · {t.detail.author} : {c.authorName}
        {c.validatedByName && ` · ${t.detail.validatedBy} : ${c.validatedByName}`}
        {c.embargoUntil && ` · ${t.detail.embargo} ${formatFull(c.embargoUntil)}`}
        {c.publishedAt && ` · ${t.detail.publishedAt} ${formatFull(c.publishedAt)}`}
      </p>
      {c.exercise && <p className={fr.cx('fr-badge', 'fr-badge--warning')}>{t.detail.exercise}</p>}
      {c.electoralWarnings.length > 0 && (
        <div className={fr.cx('fr-alert', 'fr-alert--warning', 'fr-alert--sm', 'fr-mb-2w')}>
          <p>
            {t.detail.electoral} : {c.electoralWarnings.join(', ')}
          </p>
        </div>
      )}
      {editing ? (
        <CommuniqueForm existing={c} onDone={() => { setEditing(false); void query.refetch(); }} />
      ) : (
        <div className={fr.cx('fr-card', 'fr-p-3w', 'fr-mb-3w')} data-testid="communique-body" dangerouslySetInnerHTML={{ __html: c.html }} />
      )}
      {c.attachments.length > 0 && (
        <ul data-testid="communique-attachments">
          {c.attachments.map((a) => (
            <li key={a.url}>
              <a href={a.url} target="_blank" rel="noopener noreferrer">
                {a.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h3 className={fr.cx('fr-h5')}>{t.detail.actions}</h3>
      {c.allowedActions.length === 0 ? (
        <p>{t.detail.noActions}</p>
      ) : (
        <>
          <Input label={t.detail.note} nativeInputProps={{ value: note, onChange: (e) => setNote(e.target.value) }} />
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
            {c.allowedActions.map((a) => (
              <li key={a}>
                <Button
                  priority={a === 'validate' || a === 'publish' || a === 'submit' ? 'primary' : 'secondary'}
                  disabled={act.isPending}
                  onClick={() => act.mutate({ action: a, note: note || undefined }, { onSuccess: () => { setNote(''); void query.refetch(); } })}
                >
                  {COMMUNIQUE_ACTION_LABELS[a]}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {act.error && <ErrorAlert error={act.error} />}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        {c.status === 'brouillon' && !editing && (
          <li>
            <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
              {t.detail.edit}
            </Button>
          </li>
        )}
        <li>
          <Button priority="tertiary" iconId="fr-icon-download-line" onClick={() => void downloadFile(`/api/press/communiques/${c.id}/pdf`, `${c.reference}.pdf`)}>
            {t.detail.pdf}
          </Button>
        </li>
        {c.pageId && (
          <li>
            <Button priority="tertiary" linkProps={{ to: `/alerte/${c.pageId}` }}>
              {t.detail.sent}
            </Button>
          </li>
        )}
      </ul>
      <h3 className={fr.cx('fr-h5')}>{t.detail.history}</h3>
      <ol data-testid="communique-history">
        {c.history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{formatFull(h.at)}</time> — {h.byName} : {h.from ? `${COMMUNIQUE_STATUS_LABELS[h.from]} → ` : ''}
            {COMMUNIQUE_STATUS_LABELS[h.to]}
            {h.note && ` — « ${h.note} »`}
          </li>
        ))}
      </ol>
      <h3 className={fr.cx('fr-h5')}>{t.detail.versions}</h3>
      <ul>
        {c.versions.map((v) => (
          <li key={v.version}>
            v{v.version} — <time dateTime={v.at}>{formatFull(v.at)}</time> — {v.byName} — {v.title}
          </li>
        ))}
      </ul>
      {c.versions.length > 1 && <DiffView id={c.id} versions={c.versions.map((v) => v.version)} />}
    </article>
  );
}
