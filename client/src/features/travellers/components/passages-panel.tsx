import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { GRAND_PASSAGE_STATUS_LABELS, type GrandPassage } from '@contracts/travellers';
import { useState } from 'react';
import { useAires, useGrandPassages } from '../api/travellers';
import { tt } from '../i18n';
import { formatDay, seasonBar } from '../lib/format';
import { PassageForm } from './passage-form';
import { QueryState } from './query-state';

/** The season's calendar: a Gantt of the aires de grand passage, then every passage and its warnings. */
export function PassagesPanel({ canEdit }: { canEdit: boolean }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const passages = useGrandPassages(year);
  const aires = useAires();
  const agps = (aires.data ?? []).filter((a) => a.kind === 'grand_passage');

  return (
    <section data-testid="travellers-passages">
      <div className="vigie-gdv-head">
        <h2 className={fr.cx('fr-h4', 'fr-mb-0')}>{tt.passages.title}</h2>
        {canEdit && !adding && (
          <Button iconId="fr-icon-add-line" size="small" onClick={() => setAdding(true)}>
            {tt.passages.add}
          </Button>
        )}
      </div>
      <Select
        label={tt.year}
        nativeSelectProps={{
          value: String(year),
          onChange: (e) => setYear(Number(e.target.value)),
        }}
        className="vigie-gdv-year"
      >
        {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
      {adding && <PassageForm aires={agps} onDone={() => setAdding(false)} />}
      <QueryState query={passages}>
        {(list) =>
          list.length === 0 ? (
            <p>{tt.passages.none}</p>
          ) : (
            <>
              <Gantt
                year={year}
                passages={list}
                aires={agps.map((a) => ({ id: a.id, name: a.name }))}
              />
              <div className={fr.cx('fr-table', 'fr-table--multiline')}>
                <table data-testid="travellers-passages-table">
                  <caption>{tt.passages.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tt.passages.group}</th>
                      <th scope="col">{tt.passages.dates}</th>
                      <th scope="col">{tt.passages.aire}</th>
                      <th scope="col">{tt.passages.caravans}</th>
                      <th scope="col">{tt.passages.notice}</th>
                      <th scope="col">{tt.passages.mayor}</th>
                      <th scope="col">{tt.passages.convention}</th>
                      <th scope="col">{tt.passages.status}</th>
                      <th scope="col">{tt.passages.warnings}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((p) => (
                      <tr key={p.id} data-testid="travellers-passage">
                        <td>
                          {p.groupName}
                          <div className={fr.cx('fr-text--xs', 'fr-mb-0')}>{p.leaderName}</div>
                        </td>
                        <td>
                          {formatDay(p.arrival)} → {formatDay(p.departure)}
                        </td>
                        <td>{p.aireName ?? tt.passages.noAire}</td>
                        <td>
                          {p.caravansAnnounced} / {p.caravansObserved ?? '—'}
                        </td>
                        <td>{formatDay(p.noticeReceivedOn)}</td>
                        <td>{formatDay(p.mayorInformedOn)}</td>
                        <td>{p.conventionSigned ? tt.passages.signed : tt.passages.unsigned}</td>
                        <td>{GRAND_PASSAGE_STATUS_LABELS[p.status]}</td>
                        <td>
                          {p.warnings.length === 0
                            ? '—'
                            : p.warnings.map((w) => (
                                <Badge
                                  key={w.code}
                                  severity="warning"
                                  small
                                  className="vigie-gdv-warning"
                                  data-code={w.code}
                                >
                                  {w.message}
                                </Badge>
                              ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

const SEASON_MONTHS = ['mai', 'juin', 'juillet', 'août', 'septembre'];

/** One line per aire de grand passage, one bar per stay from May to September. */
function Gantt({
  year,
  passages,
  aires,
}: {
  year: number;
  passages: GrandPassage[];
  aires: { id: string; name: string }[];
}) {
  const from = `${year}-05-01`;
  const to = `${year}-09-30`;
  return (
    <figure className="vigie-gdv-gantt" aria-labelledby="gdv-gantt-title">
      <figcaption id="gdv-gantt-title" className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        <strong>{tt.passages.ganttTitle}</strong>
      </figcaption>
      <div className="vigie-gdv-gantt__months" aria-hidden="true">
        <span />
        {SEASON_MONTHS.map((m) => (
          <span key={m}>{m}</span>
        ))}
      </div>
      {aires.map((a) => (
        <div key={a.id} className="vigie-gdv-gantt__row">
          <span className="vigie-gdv-gantt__label">{a.name}</span>
          <ul className="vigie-gdv-gantt__track">
            {passages
              .filter((p) => p.aireId === a.id && p.status !== 'annule')
              .map((p) => {
                const bar = seasonBar(p, from, to);
                if (!bar) return null;
                return (
                  <li
                    key={p.id}
                    className="vigie-gdv-gantt__bar"
                    data-warn={p.warnings.length > 0 || undefined}
                    style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                    title={`${p.groupName} : ${formatDay(p.arrival)} → ${formatDay(p.departure)}`}
                  >
                    <span className="fr-sr-only">
                      {p.groupName} : {formatDay(p.arrival)} → {formatDay(p.departure)}
                    </span>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </figure>
  );
}
