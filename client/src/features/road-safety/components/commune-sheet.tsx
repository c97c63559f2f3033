import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@contracts/grants';
import { USER_CATEGORY_LABELS } from '@contracts/road-safety';
import { useState } from 'react';
import { ErrorAlert } from '@/features/grants/components/error-alert';
import { euros, frenchDate } from '@/features/grants/lib/format';
import { formatNumber } from '@/lib/format';
import { useCommunes, useCommuneSheet } from '../api';
import { trs } from '../i18n';

const s = trs.sheet;
const c = trs.col;

/** The commune sheet for elected officials, printable. */
export function CommuneSheetPanel() {
  const communes = useCommunes();
  const [insee, setInsee] = useState('63113');
  const sheet = useCommuneSheet(insee);
  const d = sheet.data;
  return (
    <div data-testid="commune-sheet">
      <div className="vigie-no-print">
        <Select
          label={s.choose}
          nativeSelectProps={{ value: insee, onChange: (e) => setInsee(e.target.value) }}
        >
          {(communes.data ?? []).map((x) => (
            <option key={x.insee} value={x.insee}>
              {x.name} ({x.insee})
            </option>
          ))}
        </Select>
      </div>
      {sheet.error && <ErrorAlert error={sheet.error} title={trs.loadError} />}
      {d && (
        <article>
          <h2 className={fr.cx('fr-h4')}>{s.title(d.commune.name, d.from, d.to)}</h2>
          <p>
            {formatNumber(d.commune.population)} habitants — {formatNumber(d.totals.accidents)}{' '}
            accidents corporels, {formatNumber(d.totals.killed)} tués,{' '}
            {formatNumber(d.totals.hospitalised)} blessés hospitalisés,{' '}
            {formatNumber(d.totals.slightlyInjured)} blessés légers — {s.per100k(d.killedPer100k)}.
          </p>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Table
                caption={trs.byYear}
                headers={[c.year, c.accidents, c.killed, c.hospitalised, c.slightlyInjured]}
                data={d.byYear.map((r) => [
                  r.year,
                  r.accidents,
                  r.killed,
                  r.hospitalised,
                  r.slightlyInjured,
                ])}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Table
                caption={trs.byUserCategory}
                headers={[c.category, c.users, c.killed, c.hospitalised]}
                data={d.byUserCategory.map((u) => [
                  USER_CATEGORY_LABELS[u.category],
                  u.users,
                  u.killed,
                  u.hospitalised,
                ])}
              />
            </div>
          </div>
          <Table
            caption={trs.byRoadType}
            headers={[c.road, c.accidents, c.killed]}
            data={d.byRoadType.map((r) => [r.label, r.accidents, r.killed])}
          />
          <h3 className={fr.cx('fr-h5')}>{s.fatal}</h3>
          {d.fatalAccidents.length === 0 ? (
            <p>{s.noFatal}</p>
          ) : (
            <ul>
              {d.fatalAccidents.map((a) => (
                <li key={a.numAcc}>
                  {frenchDate(a.date)} — {a.address ?? '—'} ({a.roadType ?? '—'}) : {a.killed} tué
                  {a.killed > 1 ? 's' : ''}
                </li>
              ))}
            </ul>
          )}
          <h3 className={fr.cx('fr-h5')}>{s.actions}</h3>
          {d.pdasrActions.length === 0 ? (
            <p>{s.noAction}</p>
          ) : (
            <ul>
              {d.pdasrActions.map((a) => (
                <li key={a.reference}>
                  {a.year} — {a.title} ({a.applicantName}) :{' '}
                  {APPLICATION_STATUS_LABELS[a.status as ApplicationStatus]}
                  {a.grantedAmount !== null ? `, ${euros(a.grantedAmount)}` : ''}
                </li>
              ))}
            </ul>
          )}
          <Button
            priority="secondary"
            iconId="fr-icon-printer-line"
            onClick={() => window.print()}
            className="vigie-no-print"
          >
            {s.print}
          </Button>
        </article>
      )}
    </div>
  );
}
