import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { download, electionPaths, type ScrutinDetail, useImportBureaux } from '../api';
import { te } from '../i18n';
import { formatCount } from '../lib/totals';
import { ApiProblems } from './api-problems';

const PAGE = 200;

export function BureauxTab({ scrutin, canWrite }: { scrutin: ScrutinDetail; canWrite: boolean }) {
  const [shown, setShown] = useState(PAGE);
  const circos = new Map(scrutin.circonscriptions.map((c) => [c.code, c.label]));
  return (
    <section aria-labelledby="elections-bureaux-title">
      <h2 id="elections-bureaux-title" className={fr.cx('fr-h4')}>
        {te.nav.bureaux} ({formatCount(scrutin.bureaux.length)})
      </h2>
      {canWrite && <ImportForm scrutinId={scrutin.id} />}
      <Button
        priority="tertiary"
        iconId="fr-icon-download-line"
        onClick={() => void download(electionPaths.bureauxExport(scrutin.id), 'bureaux.csv')}
      >
        {te.bureaux.export}
      </Button>
      <div className={fr.cx('fr-table', 'fr-table--sm')}>
        <table>
          <caption>{te.bureaux.caption}</caption>
          <thead>
            <tr>
              {te.bureaux.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scrutin.bureaux.slice(0, shown).map((b) => (
              <tr key={b.id}>
                <td>
                  {b.communeName} ({b.communeInsee})
                </td>
                <td>{b.code}</td>
                <td>{b.label}</td>
                <td>{circos.get(b.circonscription) ?? b.circonscription}</td>
                <td>{formatCount(b.inscrits)}</td>
                <td>{b.centralisateur ? te.bureaux.yes : te.bureaux.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {scrutin.bureaux.length > shown && (
        <Button priority="secondary" onClick={() => setShown(shown + PAGE)}>
          {te.board.more(scrutin.bureaux.length - shown)}
        </Button>
      )}
    </section>
  );
}

function ImportForm({ scrutinId }: { scrutinId: string }) {
  const mutation = useImportBureaux(scrutinId);
  const [csv, setCsv] = useState('');
  const [onlyValid, setOnlyValid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ csv, onlyValid });
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-mb-3w')}>
      <h3 className={fr.cx('fr-h6')}>{te.bureaux.importTitle}</h3>
      <Input
        label={te.bureaux.file}
        hintText={te.bureaux.importHint}
        nativeInputProps={{
          type: 'file',
          accept: '.csv,text/csv',
          onChange: (e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setCsv);
          },
        }}
      />
      <Checkbox
        options={[
          {
            label: te.bureaux.onlyValid,
            nativeInputProps: {
              checked: onlyValid,
              onChange: (e) => setOnlyValid(e.target.checked),
            },
          },
        ]}
      />
      <Button type="submit" disabled={!csv || mutation.isPending}>
        {te.bureaux.submit}
      </Button>
      {mutation.data && (
        <Alert
          severity="success"
          small
          className={fr.cx('fr-mt-2w')}
          description={te.bureaux.done(mutation.data.created, mutation.data.updated)}
        />
      )}
      {mutation.error && <ApiProblems error={isApiError(mutation.error) ? mutation.error : null} />}
    </form>
  );
}
