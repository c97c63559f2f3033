import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { TURNOUT_LEVELS, type TurnoutLevel } from '@contracts/elections';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { type ScrutinDetail, useEnterTurnout, useTurnout } from '../api';
import { te } from '../i18n';
import { formatCount, formatPct } from '../lib/totals';
import { ApiProblems } from './api-problems';

export function TurnoutTab({ scrutin, canWrite }: { scrutin: ScrutinDetail; canWrite: boolean }) {
  const [level, setLevel] = useState<TurnoutLevel>('commune');
  const report = useTurnout(scrutin.id, level);
  return (
    <section aria-labelledby="elections-turnout-title">
      <h2 id="elections-turnout-title" className={fr.cx('fr-h4')}>
        {te.nav.turnout}
      </h2>
      {canWrite && <TurnoutEntry scrutin={scrutin} />}
      <Select
        label={te.turnout.level}
        nativeSelectProps={{
          value: level,
          onChange: (e) => setLevel(e.target.value as TurnoutLevel),
        }}
      >
        {TURNOUT_LEVELS.map((l) => (
          <option key={l} value={l}>
            {te.turnout.levels[l]}
          </option>
        ))}
      </Select>
      <div className={fr.cx('fr-table', 'fr-table--sm')}>
        <table data-testid="elections-turnout">
          <caption>{te.turnout.caption(te.turnout.levels[level])}</caption>
          <thead>
            <tr>
              <th scope="col">{te.turnout.levels[level]}</th>
              <th scope="col">Inscrits</th>
              {scrutin.turnoutSlots.map((s) => (
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.data?.rows.map((r) => (
              <tr key={r.key}>
                <td>{r.label}</td>
                <td>{formatCount(r.inscrits)}</td>
                {scrutin.turnoutSlots.map((s) => {
                  const v = r.slots[s];
                  return (
                    <td key={s}>
                      {v ? (
                        <>
                          {formatPct(v.pct)}{' '}
                          <span className={fr.cx('fr-text--xs')}>
                            ({v.reported}/{r.bureaux})
                          </span>
                          {v.previousPct !== null && (
                            <span className={fr.cx('fr-text--xs')}>
                              {' '}
                              — {te.turnout.previous} {formatPct(v.previousPct)}
                            </span>
                          )}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TurnoutEntry({ scrutin }: { scrutin: ScrutinDetail }) {
  const enter = useEnterTurnout(scrutin.id);
  const [bureauId, setBureauId] = useState('');
  const [slot, setSlot] = useState(scrutin.turnoutSlots[0] ?? '12:00');
  const [votants, setVotants] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enter.mutate({ bureauId, slot, votants: Number(votants) });
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-mb-3w')}>
      <h3 className={fr.cx('fr-h6')}>{te.turnout.entryTitle}</h3>
      <div className="vigie-elections-grid">
        <Select
          label={te.turnout.bureau}
          nativeSelectProps={{
            value: bureauId,
            onChange: (e) => setBureauId(e.target.value),
            required: true,
          }}
        >
          <option value="">{te.entry.choose}</option>
          {scrutin.bureaux.map((b) => (
            <option key={b.id} value={b.id}>
              {b.communeName} — {b.code} {b.label}
            </option>
          ))}
        </Select>
        <Select
          label={te.turnout.slot}
          nativeSelectProps={{ value: slot, onChange: (e) => setSlot(e.target.value) }}
        >
          {scrutin.turnoutSlots.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
        <Input
          label={te.turnout.votants}
          nativeInputProps={{
            type: 'number',
            min: 0,
            step: 1,
            value: votants,
            onChange: (e) => setVotants(e.target.value),
            required: true,
          }}
        />
      </div>
      <Button type="submit" disabled={enter.isPending || !bureauId}>
        {te.turnout.submit}
      </Button>
      {enter.data && (
        <Alert
          severity={enter.data.warnings.length ? 'warning' : 'success'}
          small
          className={fr.cx('fr-mt-2w')}
          description={enter.data.warnings.length ? enter.data.warnings.join(' ; ') : 'Enregistré.'}
        />
      )}
      {enter.error && <ApiProblems error={isApiError(enter.error) ? enter.error : null} />}
    </form>
  );
}
