import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  FRAMEWORK_DOCUMENT_KINDS,
  STAT_NATURES,
  type FrameworkDocumentInput,
} from '@contracts/fire-rescue';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { NavLink, Route, Routes } from 'react-router-dom';
import { formatNumber } from '@/lib/format';
import { t } from '@/lib/i18n';
import { getSession, subscribeSession } from '@/lib/session';
import {
  useCisList,
  useCoverage,
  useCreateDocument,
  useDocuments,
  useImportSectors,
  useImportStats,
  useRules,
  useStats,
} from '../api';
import {
  CIS_CATEGORY_LABELS,
  DOCUMENT_STATE_LABELS,
  FRAMEWORK_DOCUMENT_LABELS,
  STAT_NATURE_LABELS,
  tf,
} from '../i18n';
import { CsvImport, ErrorAlert, frDate, Table } from './parts';

/** `/cabinet/secours/*`: the SDIS oversight screens. The Cabinet edits, the director reads. */
export function FireRescuePage() {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const canEdit = !!session?.user.roles.some((r) => r === 'admin' || r === 'cabinet_staff');
  const links: [string, string][] = [
    ['/cabinet/secours', tf.tabs.cis],
    ['/cabinet/secours/secteurs', tf.tabs.sectors],
    ['/cabinet/secours/documents', tf.tabs.documents],
    ['/cabinet/secours/statistiques', tf.tabs.stats],
  ];
  return (
    <div data-testid="fire-rescue-page">
      <title>{t.app.documentTitle(tf.title)}</title>
      <h1>{tf.title}</h1>
      <p>{tf.intro}</p>
      <DocumentAlerts />
      <nav className={fr.cx('fr-mb-3w')} aria-label={tf.title}>
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm')}>
          {links.map(([to, label]) => (
            <li key={to}>
              <NavLink
                to={to}
                end
                className={({ isActive }) =>
                  isActive ? fr.cx('fr-btn') : fr.cx('fr-btn', 'fr-btn--secondary')
                }
              >
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<CisTable />} />
        <Route path="secteurs" element={<Sectors canEdit={canEdit} />} />
        <Route path="documents" element={<Documents canEdit={canEdit} />} />
        <Route path="statistiques" element={<Stats canEdit={canEdit} />} />
      </Routes>
    </div>
  );
}

/** Current framework documents whose revision is near or past. */
function DocumentAlerts() {
  const docs = useDocuments();
  const due = (docs.data ?? []).filter((d) => d.current && d.state !== 'a_jour');
  if (due.length === 0) return null;
  return (
    <Alert
      severity="warning"
      small
      className={fr.cx('fr-mb-3w')}
      data-testid="document-alerts"
      description={
        <ul>
          {due.map((d) => (
            <li key={d.id}>
              {d.title} ({d.version}) : {DOCUMENT_STATE_LABELS[d.state].toLowerCase()}, révision
              avant le {frDate(d.revisionDueOn)} ({tf.documents.daysLeft(d.daysLeft)})
            </li>
          ))}
        </ul>
      }
    />
  );
}

function CisTable() {
  const list = useCisList();
  if (list.error) return <ErrorAlert error={list.error} />;
  if (list.isPending) return <p role="status">{tf.loading}</p>;
  return (
    <section aria-labelledby="cis-title" data-testid="cis-table">
      <h2 id="cis-title" className={fr.cx('fr-h4')}>
        {tf.tabs.cis} — {tf.cis.count(list.data.length)}
      </h2>
      <Table caption={tf.cis.caption} head={tf.cis.cols}>
        {list.data.map((c) => (
          <tr key={c.id}>
            <td>
              {c.name}
              {c.fictitious && (
                <Badge small noIcon className={fr.cx('fr-ml-1v')}>
                  {tf.fictitious}
                </Badge>
              )}
            </td>
            <td>
              <abbr title={CIS_CATEGORY_LABELS[c.category]}>{c.category}</abbr>
            </td>
            <td>{c.communeName}</td>
            <td>{c.groupement ?? '—'}</td>
            <td>{c.sectorCommunes}</td>
            <td>{formatNumber(c.sectorPopulation)}</td>
            <td>{c.staffProfessional}</td>
            <td>{c.staffVolunteer}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

function Sectors({ canEdit }: { canEdit: boolean }) {
  const coverage = useCoverage();
  const importer = useImportSectors();
  const [requireComplete, setRequireComplete] = useState(true);
  return (
    <section aria-labelledby="sectors-title" data-testid="sectors">
      <h2 id="sectors-title" className={fr.cx('fr-h4')}>
        {tf.tabs.sectors}
      </h2>
      {coverage.error ? (
        <ErrorAlert error={coverage.error} />
      ) : coverage.isPending ? (
        <p role="status">{tf.loading}</p>
      ) : (
        <>
          <Alert
            severity={coverage.data.complete ? 'success' : 'error'}
            small
            description={`${tf.sectors.covered(coverage.data.covered, coverage.data.communes)}. ${
              coverage.data.complete
                ? tf.sectors.complete
                : tf.sectors.incomplete(coverage.data.missing.length)
            }`}
          />
          {coverage.data.missing.length > 0 && (
            <Table caption={tf.sectors.missingCaption} head={['INSEE', 'Commune']}>
              {coverage.data.missing.map((m) => (
                <tr key={m.insee}>
                  <td>{m.insee}</td>
                  <td>{m.name}</td>
                </tr>
              ))}
            </Table>
          )}
        </>
      )}
      {canEdit && (
        <CsvImport
          title={tf.sectors.importTitle}
          hint={tf.sectors.importHint}
          submit={(csv) => importer.mutate({ csv, requireComplete })}
          pending={importer.isPending}
          error={importer.error}
          result={importer.data}
          done={tf.sectors.done}
        >
          <Checkbox
            small
            options={[
              {
                label: tf.sectors.requireComplete,
                nativeInputProps: {
                  checked: requireComplete,
                  onChange: (e) => setRequireComplete(e.target.checked),
                },
              },
            ]}
          />
        </CsvImport>
      )}
    </section>
  );
}

function Documents({ canEdit }: { canEdit: boolean }) {
  const docs = useDocuments();
  const rules = useRules();
  const create = useCreateDocument();
  const [form, setForm] = useState<FrameworkDocumentInput>({
    kind: 'SDACR',
    title: '',
    version: '',
    approvedOn: '',
  });
  const set = (patch: Partial<FrameworkDocumentInput>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { ...form };
    if (!input.revisionDueOn) delete input.revisionDueOn;
    if (!input.arreteReference) delete input.arreteReference;
    create.mutate(input);
  };
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title" className={fr.cx('fr-h4')}>
        {tf.tabs.documents}
      </h2>
      {docs.error ? (
        <ErrorAlert error={docs.error} />
      ) : docs.isPending ? (
        <p role="status">{tf.loading}</p>
      ) : (
        <Table caption={tf.documents.caption} head={tf.documents.cols}>
          {docs.data.map((d) => (
            <tr key={d.id}>
              <td>
                {d.title}
                {d.current && (
                  <span className={fr.cx('fr-text--xs')}> ({tf.documents.current})</span>
                )}
              </td>
              <td>{d.version}</td>
              <td>{frDate(d.approvedOn)}</td>
              <td>{d.arreteReference ?? '—'}</td>
              <td>{frDate(d.revisionDueOn)}</td>
              <td>
                {d.current ? (
                  <Badge
                    small
                    severity={
                      d.state === 'a_jour'
                        ? 'success'
                        : d.state === 'revision_proche'
                          ? 'warning'
                          : 'error'
                    }
                  >
                    {DOCUMENT_STATE_LABELS[d.state]}
                  </Badge>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {rules.data && (
        <>
          <h3 className={fr.cx('fr-h6')}>{tf.documents.rules}</h3>
          <ul className={fr.cx('fr-text--sm')}>
            {rules.data.map((r) => (
              <li key={`${r.kind}-${r.effectiveFrom}`}>
                {r.kind} : révision tous les {r.revisionYears} ans, alerte {r.alertMonthsBefore}{' '}
                mois avant — {r.source}
                {r.toConfirm ? ' [à vérifier]' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {canEdit && (
        <form
          onSubmit={submit}
          className={fr.cx('fr-mt-4w', 'fr-p-2w')}
          style={{ border: '1px solid var(--border-default-grey)' }}
        >
          <h3 className={fr.cx('fr-h6')}>{tf.documents.newTitle}</h3>
          <Select
            label={tf.documents.kind}
            nativeSelectProps={{
              value: form.kind,
              onChange: (e) => set({ kind: e.target.value as FrameworkDocumentInput['kind'] }),
            }}
          >
            {FRAMEWORK_DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {FRAMEWORK_DOCUMENT_LABELS[k]}
              </option>
            ))}
          </Select>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Input
                label={tf.documents.title}
                nativeInputProps={{
                  required: true,
                  value: form.title,
                  onChange: (e) => set({ title: e.target.value }),
                }}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Input
                label={tf.documents.version}
                nativeInputProps={{
                  required: true,
                  value: form.version,
                  onChange: (e) => set({ version: e.target.value }),
                }}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <Input
                label={tf.documents.approvedOn}
                nativeInputProps={{
                  type: 'date',
                  required: true,
                  value: form.approvedOn,
                  onChange: (e) => set({ approvedOn: e.target.value }),
                }}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <Input
                label={tf.documents.arrete}
                nativeInputProps={{
                  value: form.arreteReference ?? '',
                  onChange: (e) => set({ arreteReference: e.target.value }),
                }}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <Input
                label={tf.documents.revisionDueOn}
                nativeInputProps={{
                  type: 'date',
                  value: form.revisionDueOn ?? '',
                  onChange: (e) => set({ revisionDueOn: e.target.value }),
                }}
              />
            </div>
          </div>
          {create.error && <ErrorAlert error={create.error} />}
          <Button type="submit" disabled={create.isPending}>
            {tf.documents.submit}
          </Button>
        </form>
      )}
    </section>
  );
}

function Stats({ canEdit }: { canEdit: boolean }) {
  const stats = useStats();
  const importer = useImportStats();
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title" className={fr.cx('fr-h4')}>
        {tf.tabs.stats}
      </h2>
      {stats.error ? (
        <ErrorAlert error={stats.error} />
      ) : stats.isPending ? (
        <p role="status">{tf.loading}</p>
      ) : (
        <Table
          caption={tf.stats.caption}
          head={[tf.stats.year, ...STAT_NATURES.map((n) => STAT_NATURE_LABELS[n]), tf.stats.total]}
        >
          {stats.data.map((y) => (
            <tr key={y.year}>
              <td>{y.year}</td>
              {STAT_NATURES.map((n) => (
                <td key={n}>{formatNumber(y.byNature[n])}</td>
              ))}
              <td>
                <strong>{formatNumber(y.total)}</strong>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {canEdit && (
        <CsvImport
          title={tf.stats.importTitle}
          hint={tf.stats.importHint}
          submit={(csv) => importer.mutate(csv)}
          pending={importer.isPending}
          error={importer.error}
          result={importer.data}
          done={tf.stats.done}
        />
      )}
    </section>
  );
}
