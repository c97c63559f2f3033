import { fr } from '@codegouvfr/react-dsfr';
import { AIRE_KIND_LABELS } from '@contracts/travellers';
import { useSchema } from '../api/travellers';
import { tt } from '../i18n';
import { formatDay, formatRate } from '../lib/format';
import { QueryState } from './query-state';

/** Built vs prescribed places per EPCI, and each prescription. */
export function SchemaPanel() {
  const schema = useSchema();
  return (
    <QueryState query={schema}>
      {(s) => (
        <section data-testid="travellers-schema">
          <h2 className={fr.cx('fr-h4')}>{tt.schema.title}</h2>
          <p className={fr.cx('fr-text--sm')}>
            {s.title}. {tt.schema.signed(s.period, formatDay(s.signedOn))}{' '}
            <strong>
              {tt.schema.totals(
                s.totals.built,
                s.totals.prescribed,
                formatRate(s.totals.completion),
              )}
            </strong>
          </p>
          <div className={fr.cx('fr-table', 'fr-table--bordered')}>
            <table>
              <caption>{tt.schema.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{tt.schema.epci}</th>
                  <th scope="col">{tt.schema.prescribed}</th>
                  <th scope="col">{tt.schema.built}</th>
                  <th scope="col">{tt.schema.completion}</th>
                </tr>
              </thead>
              <tbody>
                {s.byEpci.map((e) => (
                  <tr key={e.epciSiren} data-testid="travellers-schema-epci">
                    <th scope="row">{e.epciName}</th>
                    <td>{e.prescribed}</td>
                    <td>{e.built}</td>
                    <td>
                      <span className="vigie-gdv-meter" aria-hidden="true">
                        <span style={{ width: `${Math.round(e.completion * 100)}%` }} />
                      </span>{' '}
                      {formatRate(e.completion)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={fr.cx('fr-table')}>
            <table>
              <caption>{tt.schema.detailTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{tt.schema.epci}</th>
                  <th scope="col">{tt.schema.kind}</th>
                  <th scope="col">{tt.schema.prescribed}</th>
                  <th scope="col">{tt.schema.built}</th>
                  <th scope="col">{tt.schema.due}</th>
                </tr>
              </thead>
              <tbody>
                {s.prescriptions.map((p) => (
                  <tr key={p.id}>
                    <td>{p.epciName}</td>
                    <td>
                      {AIRE_KIND_LABELS[p.kind]}
                      {p.note && <span className={fr.cx('fr-text--xs')}> — {p.note}</span>}
                    </td>
                    <td>{p.placesPrescribed}</td>
                    <td>
                      {p.placesBuilt} ({formatRate(p.completion)})
                    </td>
                    <td>{p.dueYear ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </QueryState>
  );
}
