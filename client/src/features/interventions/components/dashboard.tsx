import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { downloadFile, useInterventionStats } from '../api';
import { INTERVENTION_THEME_LABELS, ti } from '../i18n';
import { ErrorAlert, Table } from './common';

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });

/** Figures by service, theme and official; the weekly list for the prefect's meeting. */
export function InterventionsDashboard() {
  const stats = useInterventionStats(true);
  const [week, setWeek] = useState(today());
  const [error, setError] = useState<Error | null>(null);
  const d = ti.dashboard;
  const download = (format: 'pdf' | 'csv') =>
    downloadFile(
      `/api/interventions/weekly.${format}?week=${week}`,
      `interventions.${format}`,
    ).catch((e: Error) => setError(e));
  return (
    <section aria-labelledby="dashboard-title" data-testid="interventions-dashboard">
      <h2 id="dashboard-title" className={fr.cx('fr-h4')}>
        {ti.tabs.dashboard}
      </h2>
      <div
        className={fr.cx('fr-p-2w', 'fr-mb-3w')}
        style={{ border: '1px solid var(--border-default-grey)' }}
      >
        <h3 className={fr.cx('fr-h6')}>{d.weekly}</h3>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label={d.week}
              nativeInputProps={{
                type: 'date',
                value: week,
                onChange: (e) => setWeek(e.target.value),
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
            <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline')}>
              <li>
                <Button iconId="fr-icon-download-line" onClick={() => void download('pdf')}>
                  {d.pdf}
                </Button>
              </li>
              <li>
                <Button
                  priority="secondary"
                  iconId="fr-icon-download-line"
                  onClick={() => void download('csv')}
                >
                  {d.csv}
                </Button>
              </li>
            </ul>
          </div>
        </div>
        {error && <ErrorAlert error={error} title={d.downloadError} />}
      </div>
      {stats.error ? (
        <ErrorAlert error={stats.error} />
      ) : stats.isPending ? (
        <p role="status">{ti.loading}</p>
      ) : (
        <>
          <ul
            className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-2w')}
            style={{ listStyle: 'none' }}
          >
            <li className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <p className={fr.cx('fr-h2', 'fr-mb-0')} data-testid="stat-open">
                {stats.data.open}
              </p>
              <p>{d.open}</p>
            </li>
            <li className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <p className={fr.cx('fr-h2', 'fr-mb-0')} data-testid="stat-overdue">
                {stats.data.overdue}
              </p>
              <p>{d.overdue}</p>
            </li>
            <li className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <p className={fr.cx('fr-h2', 'fr-mb-0')}>
                {stats.data.averageAnswerDays === null
                  ? d.none
                  : d.days(stats.data.averageAnswerDays)}
              </p>
              <p>{d.average}</p>
            </li>
          </ul>
          <h3 className={fr.cx('fr-h6')}>{d.byService}</h3>
          <Table caption={d.byService} head={[d.colService, d.colOpen, d.colOverdue]}>
            {stats.data.byService.map((s) => (
              <tr key={s.serviceId ?? 'cabinet'}>
                <td>{s.serviceName}</td>
                <td>{s.open}</td>
                <td>{s.overdue}</td>
              </tr>
            ))}
          </Table>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <h3 className={fr.cx('fr-h6')}>{d.byTheme}</h3>
              <Table caption={d.byTheme} head={[d.colTheme, d.colTotal]}>
                {stats.data.byTheme.map((s) => (
                  <tr key={s.theme}>
                    <td>{INTERVENTION_THEME_LABELS[s.theme]}</td>
                    <td>{s.total}</td>
                  </tr>
                ))}
              </Table>
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <h3 className={fr.cx('fr-h6')}>{d.byOfficial}</h3>
              <Table caption={d.byOfficial} head={[d.colOfficial, d.colOpen, d.colTotal]}>
                {stats.data.byOfficial.map((s) => (
                  <tr key={s.officialId}>
                    <td>
                      <Link to={`/cabinet/interventions/elus/${s.officialId}`}>{s.name}</Link>
                    </td>
                    <td>{s.open}</td>
                    <td>{s.total}</td>
                  </tr>
                ))}
              </Table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
