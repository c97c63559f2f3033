import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { BAAC_FILES, type BaacFile, type ImportMode } from '@contracts/road-safety';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/features/grants/components/error-alert';
import { formatNumber } from '@/lib/format';
import { useImportBaac } from '../api';
import { trs } from '../i18n';

const t = trs.import;

/** Upload of the four yearly BAAC files, with the import report or the list of problems. */
export function ImportPanel() {
  const [files, setFiles] = useState<Partial<Record<BaacFile, File>>>({});
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [missing, setMissing] = useState(false);
  const importBaac = useImportBaac();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (BAAC_FILES.some((f) => !files[f])) {
      setMissing(true);
      return;
    }
    setMissing(false);
    importBaac.mutate({ files: files as Record<string, File>, mode });
  };
  const report = importBaac.data;
  return (
    <form onSubmit={submit} data-testid="baac-import">
      <h2 className={fr.cx('fr-h4')}>{t.title}</h2>
      <p>{t.intro}</p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        {BAAC_FILES.map((f) => (
          <div key={f} className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Upload
              label={t.files[f]}
              hint=".csv"
              nativeInputProps={{
                name: f,
                accept: '.csv,text/csv',
                onChange: (e) => setFiles({ ...files, [f]: e.target.files?.[0] }),
              }}
            />
          </div>
        ))}
      </div>
      <RadioButtons
        legend={t.mode}
        orientation="horizontal"
        options={[
          {
            label: t.allOrNothing,
            nativeInputProps: {
              checked: mode === 'all_or_nothing',
              onChange: () => setMode('all_or_nothing'),
            },
          },
          {
            label: t.validOnly,
            nativeInputProps: {
              checked: mode === 'valid_only',
              onChange: () => setMode('valid_only'),
            },
          },
        ]}
      />
      {missing && <p className={fr.cx('fr-error-text')}>{t.missing}</p>}
      <Button type="submit" disabled={importBaac.isPending}>
        {importBaac.isPending ? t.pending : t.submit}
      </Button>
      {importBaac.error && <ErrorAlert error={importBaac.error} title={t.refused} />}
      {report && (
        <div className={fr.cx('fr-mt-3w')} role="status">
          <Alert
            severity="success"
            small
            title={t.report}
            description={t.done(report.accidentsImported, report.years)}
          />
          <ul>
            <li>
              {t.rejected} : {formatNumber(report.accidentsRejected)}
            </li>
            <li>
              {t.others} : {formatNumber(report.otherDepartments)}
            </li>
            <li>
              {t.replaced} : {formatNumber(report.replaced)}
            </li>
            <li>
              {trs.totals.killed} : {formatNumber(report.totals.killed)} — {trs.totals.hospitalised}{' '}
              : {formatNumber(report.totals.hospitalised)} — {trs.totals.slightlyInjured} :{' '}
              {formatNumber(report.totals.slightlyInjured)}
            </li>
          </ul>
          {report.problems.length > 0 && (
            <>
              <h3 className={fr.cx('fr-h6')}>{t.problems}</h3>
              <ul>
                {report.problems.map((p, i) => (
                  <li key={i}>
                    {p.path} : {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
