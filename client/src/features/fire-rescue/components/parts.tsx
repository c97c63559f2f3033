import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ImportReport } from '@contracts/fire-rescue';
import { useState, type ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { tf } from '../i18n';

export function frDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function ErrorAlert({ error, title = tf.error }: { error: Error; title?: string }) {
  const details = isApiError(error)
    ? error.details.map((d) => (d.path ? `${d.path} : ${d.message}` : d.message))
    : [];
  return (
    <Alert
      severity="error"
      small
      className={fr.cx('fr-my-2w')}
      title={title}
      description={
        <>
          <span>{error.message}</span>
          {details.length > 0 && (
            <ul data-testid="import-problems">
              {details.slice(0, 50).map((d, i) => (
                <li key={`${i}-${d}`}>{d}</li>
              ))}
              {details.length > 50 && <li>… {details.length - 50} autre(s)</li>}
            </ul>
          )}
        </>
      }
    />
  );
}

export function Table({
  caption,
  head,
  children,
}: {
  caption: string;
  head: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className={fr.cx('fr-table', 'fr-table--no-caption')}>
      <div className="fr-table__wrapper">
        {/* focusable: a wide table scrolls, and keyboard users must reach it (RGAA, axe) */}
        <div className="fr-table__container" tabIndex={0} role="region" aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{children}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/** A CSV import: paste or pick a file, send, see the count or every refused row. */
export function CsvImport({
  title,
  hint,
  submit,
  pending,
  error,
  result,
  done,
  children,
}: {
  title: string;
  hint: string;
  submit: (csv: string) => void;
  pending: boolean;
  error: Error | null;
  result: ImportReport | undefined;
  done: (n: number) => string;
  children?: ReactNode;
}) {
  const [csv, setCsv] = useState('');
  return (
    <section
      className={fr.cx('fr-mt-4w', 'fr-p-2w')}
      style={{ border: '1px solid var(--border-default-grey)' }}
    >
      <h3 className={fr.cx('fr-h6')}>{title}</h3>
      <p className={fr.cx('fr-text--sm')}>{hint}</p>
      <Input
        label={tf.sectors.file}
        nativeInputProps={{
          type: 'file',
          accept: '.csv,text/csv',
          onChange: (e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setCsv);
          },
        }}
      />
      <Input
        label={tf.sectors.csv}
        textArea
        nativeTextAreaProps={{ rows: 5, value: csv, onChange: (e) => setCsv(e.target.value) }}
      />
      {children}
      <Button disabled={pending || !csv.trim()} onClick={() => submit(csv)}>
        {tf.sectors.submit}
      </Button>
      {error && <ErrorAlert error={error} title={tf.sectors.refused} />}
      {result && !error && (
        <Alert
          severity="success"
          small
          className={fr.cx('fr-mt-2w')}
          description={done(result.imported)}
        />
      )}
    </section>
  );
}
