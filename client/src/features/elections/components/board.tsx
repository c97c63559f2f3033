import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  download,
  electionPaths,
  type ScrutinDetail,
  useCommuneShapes,
  useResults,
  useTotals,
} from '../api';
import { te } from '../i18n';
import { communeArrival, formatCount, formatPct, type CommuneArrival } from '../lib/totals';
import { BoardMap } from './board-map';

const LIST_MAX = 30;

/** Election night: arrival x/y, totals and thresholds per circonscription, map, missing and errors. */
export function Board({ scrutin }: { scrutin: ScrutinDetail }) {
  const totals = useTotals(scrutin.id);
  const results = useResults(scrutin.id);
  const shapes = useCommuneShapes();
  const [exportError, setExportError] = useState<string | null>(null);
  const statuses = useMemo(
    () =>
      new Map<string, CommuneArrival>(
        (totals.data?.communes ?? []).map((c) => [c.insee, communeArrival(c)]),
      ),
    [totals.data],
  );
  const arrivedIds = new Set((results.data ?? []).map((r) => r.bureauId));
  const missing = scrutin.bureaux.filter((b) => !arrivedIds.has(b.id));
  const errors = (results.data ?? []).filter((r) => r.status === 'erreur');
  const bureauName = new Map(
    scrutin.bureaux.map((b) => [b.id, `${b.communeName} — ${b.code} ${b.label}`]),
  );
  const tot = totals.data;
  if (totals.isError) return <Alert severity="error" small description={te.errors.generic} />;
  if (!tot) return <p role="status">Chargement…</p>;
  return (
    <section aria-labelledby="elections-board-title" data-testid="elections-board">
      <h2 id="elections-board-title" className={fr.cx('fr-h4')}>
        {te.board.title}{' '}
        <Badge small severity="new">
          {te.board.live}
        </Badge>
      </h2>
      <p
        className="vigie-elections-counters"
        role="status"
        aria-live="polite"
        data-testid="elections-board-counters"
      >
        <strong data-testid="elections-board-arrived">
          {te.board.arrived(tot.arrived, tot.bureaux)}
        </strong>{' '}
        · {te.board.validated(tot.validated, tot.bureaux)} · {te.board.errors(tot.errors)} ·{' '}
        {te.board.participation} {formatPct(tot.inscrits ? (tot.votants * 100) / tot.inscrits : 0)}
      </p>
      <Button
        priority="secondary"
        iconId="fr-icon-download-line"
        disabled={!scrutin.published}
        onClick={() => {
          setExportError(null);
          download(electionPaths.export(scrutin.id), 'resultats.csv').catch((e: unknown) =>
            setExportError(e instanceof Error ? e.message : String(e)),
          );
        }}
      >
        {te.board.export}
      </Button>
      {exportError && <Alert severity="error" small description={exportError} />}
      <div className="vigie-elections-board">
        <div>
          {tot.races.map((race) => (
            <div
              key={race.circonscription}
              className={fr.cx('fr-table', 'fr-table--sm', 'fr-mb-2w')}
            >
              <table data-testid={`elections-race-${race.circonscription}`}>
                <caption>
                  {te.board.candidatesCaption(race.label)} —{' '}
                  {te.board.arrived(race.arrived, race.bureaux)}
                  {race.outcome && <span className={fr.cx('fr-text--sm')}> — {race.outcome}</span>}
                </caption>
                <thead>
                  <tr>
                    {te.board.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...race.candidates]
                    .sort((a, b) => b.voix - a.voix)
                    .map((c) => (
                      <tr key={c.candidatureId}>
                        <td>{c.panel ?? '—'}</td>
                        <td>{c.label}</td>
                        <td>{c.nuance ?? '—'}</td>
                        <td data-testid="elections-voix">{formatCount(c.voix)}</td>
                        <td>{formatPct(c.pctExprimes)}</td>
                        <td>{formatPct(c.pctInscrits)}</td>
                        <td>
                          {c.elected && (
                            <Badge small severity="success">
                              {te.board.elected}
                            </Badge>
                          )}
                          {c.qualified && (
                            <Badge small severity="info">
                              {te.board.qualified}
                            </Badge>
                          )}
                          {c.canMerge && !c.qualified && <Badge small>{te.board.canMerge}</Badge>}
                          {c.seats !== null && <Badge small>{te.board.seats(c.seats)}</Badge>}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
        <BoardMap layer={shapes.data} loadError={shapes.isError} statuses={statuses} />
      </div>
      <div className="vigie-elections-lists">
        <div>
          <h3 className={fr.cx('fr-h6')}>
            {te.board.toCall} ({errors.length})
          </h3>
          {errors.length === 0 ? (
            <p>{te.board.none}</p>
          ) : (
            <ul data-testid="elections-board-errors">
              {errors.slice(0, LIST_MAX).map((r) => (
                <li key={r.bureauId}>
                  <Link to={`../saisie?bureau=${r.bureauId}`}>{bureauName.get(r.bureauId)}</Link> —{' '}
                  {r.warnings.join(' ; ')}
                </li>
              ))}
              {errors.length > LIST_MAX && <li>{te.board.more(errors.length - LIST_MAX)}</li>}
            </ul>
          )}
        </div>
        <div>
          <h3 className={fr.cx('fr-h6')}>
            {te.board.missing} ({missing.length})
          </h3>
          {missing.length === 0 ? (
            <p>{te.board.none}</p>
          ) : (
            <ul data-testid="elections-board-missing">
              {missing.slice(0, LIST_MAX).map((b) => (
                <li key={b.id}>
                  <Link to={`../saisie?bureau=${b.id}`}>{bureauName.get(b.id)}</Link>
                </li>
              ))}
              {missing.length > LIST_MAX && <li>{te.board.more(missing.length - LIST_MAX)}</li>}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
