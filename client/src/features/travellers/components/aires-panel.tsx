import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { AIRE_KIND_LABELS, AIRE_STATUS_LABELS } from '@contracts/travellers';
import { useState } from 'react';
import { useAires, useOccupancy } from '../api/travellers';
import { tt } from '../i18n';
import { formatDay, formatRate, monthsOf } from '../lib/format';
import { AireForms } from './aire-forms';
import { QueryState } from './query-state';

const MONTH_SHORT = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** The aires with their state and closures, and the occupancy by month. */
export function AiresPanel({ canEdit }: { canEdit: boolean }) {
  const aires = useAires();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const occupancy = useOccupancy(year);
  return (
    <section data-testid="travellers-aires">
      <h2 className={fr.cx('fr-h4')}>{tt.aires.title}</h2>
      <QueryState query={aires}>
        {(list) => (
          <div className={fr.cx('fr-table')}>
            <table>
              <caption>{tt.aires.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{tt.aires.name}</th>
                  <th scope="col">{tt.aires.kind}</th>
                  <th scope="col">{tt.aires.commune}</th>
                  <th scope="col">{tt.aires.capacity}</th>
                  <th scope="col">{tt.aires.status}</th>
                  <th scope="col">{tt.aires.closures}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id} data-testid="travellers-aire">
                    <td>{a.name}</td>
                    <td>{AIRE_KIND_LABELS[a.kind]}</td>
                    <td>{a.communeName}</td>
                    <td>
                      {a.capacity}
                      {a.surfaceHa ? ` (${String(a.surfaceHa).replace('.', ',')} ha)` : ''}
                    </td>
                    <td>
                      {a.closedToday ? (
                        <Badge severity="warning" small>
                          {tt.aires.closedToday}
                        </Badge>
                      ) : (
                        <Badge severity="success" small>
                          {AIRE_STATUS_LABELS[a.status]}
                        </Badge>
                      )}
                    </td>
                    <td>
                      {a.closures.length === 0
                        ? '—'
                        : a.closures.map((c) => (
                            <div key={c.id} className={fr.cx('fr-text--xs', 'fr-mb-0')}>
                              {formatDay(c.start)} → {formatDay(c.end)} : {c.reason}
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {canEdit && aires.data && <AireForms aires={aires.data} />}
      <h2 className={fr.cx('fr-h4')}>{tt.aires.occupancyTitle}</h2>
      <Select
        label={tt.year}
        nativeSelectProps={{
          value: String(year),
          onChange: (e) => setYear(Number(e.target.value)),
        }}
        className="vigie-gdv-year"
      >
        {[thisYear - 1, thisYear].map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
      <QueryState query={occupancy}>
        {(rows) => (
          <div className={fr.cx('fr-table', 'fr-table--no-scroll')}>
            <table data-testid="travellers-occupancy">
              <caption>{tt.aires.occupancyCaption(year)}</caption>
              <thead>
                <tr>
                  <th scope="col">{tt.aires.name}</th>
                  {MONTH_SHORT.map((m) => (
                    <th scope="col" key={m}>
                      {m}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.aireId}>
                    <th scope="row">
                      {r.aireName} ({r.capacity})
                    </th>
                    {monthsOf(year).map((m) => {
                      const cell = r.months[m];
                      return (
                        <td
                          key={m}
                          className="vigie-gdv-rate"
                          data-level={cell ? Math.min(4, Math.floor(cell.rate * 5)) : undefined}
                          title={
                            cell ? `${cell.occupiedPlaces} places occupées` : tt.aires.notReported
                          }
                        >
                          {cell ? formatRate(cell.rate) : '—'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
