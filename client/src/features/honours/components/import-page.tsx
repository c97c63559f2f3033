import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { DISTINCTIONS } from '@contracts/honours';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { useImportDossiers } from '../api/honours';
import { DISTINCTION_LABELS, th } from '../i18n';
import { ApiErrorAlert } from './api-error-alert';

/** Import of a form-service export: the report names every bad line and column. */
export function ImportPage() {
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [distinction, setDistinction] = useState('travail');
  const run = useImportDossiers();
  const rejected =
    run.error && isApiError(run.error) && run.error.status === 400 ? run.error : null;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{th.import.title}</h2>
      <p>{th.import.intro}</p>
      <Select
        label={th.form.distinction}
        nativeSelectProps={{ value: distinction, onChange: (e) => setDistinction(e.target.value) }}
      >
        {DISTINCTIONS.map((d) => (
          <option key={d} value={d}>
            {DISTINCTION_LABELS[d]}
          </option>
        ))}
      </Select>
      <div className="fr-upload-group fr-mb-3w">
        <label className="fr-label" htmlFor="honours-import-file">
          {th.import.file}
          <span className="fr-hint-text">{th.import.fileHint}</span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="honours-import-file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setFileName(file.name);
            void file.text().then(setCsv);
          }}
        />
      </div>
      <ul className="fr-btns-group fr-btns-group--inline">
        <li>
          <Button
            disabled={!csv || run.isPending}
            onClick={() => csv && run.mutate({ csv, distinction, mode: 'all' })}
          >
            {th.import.run}
          </Button>
        </li>
        {rejected && (
          <li>
            <Button
              priority="secondary"
              onClick={() => csv && run.mutate({ csv, distinction, mode: 'valid' })}
            >
              {th.import.validOnly}
            </Button>
          </li>
        )}
      </ul>
      {run.data && (
        <Alert
          severity={run.data.skipped.length ? 'warning' : 'success'}
          title={th.import.done(run.data.imported, fileName)}
          description={
            run.data.skipped.length ? (
              <ul>
                {run.data.skipped.map((p) => (
                  <li key={`${p.line}-${p.column}-${p.message}`}>
                    {th.import.problem(p.line, p.column, p.message)}
                  </li>
                ))}
              </ul>
            ) : (
              run.data.references.join(', ')
            )
          }
          small={false}
        />
      )}
      {run.error && <ApiErrorAlert error={run.error} />}
    </section>
  );
}
