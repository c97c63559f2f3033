import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { SEVERITY_LABELS, USER_CATEGORY_LABELS, type AccidentStats } from '@contracts/road-safety';
import { useState } from 'react';
import { ErrorAlert } from '@/features/grants/components/error-alert';
import { formatNumber } from '@/lib/format';
import { useStats, type YearRange } from '../api';
import { trs } from '../i18n';
import { RangeFilters } from './range-filters';

/** A count with a bar proportional to the column's largest value (the number is the content). */
function Bar({ value, max }: { value: number; max: number }) {
  return (
    <span className="vigie-bar-cell">
      <span>{formatNumber(value)}</span>
      <span
        className="vigie-bar"
        aria-hidden="true"
        style={{ width: `${max ? (value / max) * 100 : 0}%` }}
      />
    </span>
  );
}

const c = trs.col;

/** Accident dashboards: by year, month, severity, road type, user category, setting, light. */
export function Dashboard() {
  const [range, setRange] = useState<YearRange>({});
  const stats = useStats(range);
  if (stats.error) return <ErrorAlert error={stats.error} title={trs.loadError} />;
  if (stats.isPending) return <p role="status">{trs.loading}</p>;
  const s: AccidentStats = stats.data;
  const counts = (
    rows: { accidents: number; killed: number; hospitalised: number; slightlyInjured: number }[],
  ) => {
    const max = Math.max(0, ...rows.map((r) => r.accidents));
    return (r: (typeof rows)[number]) => [
      <Bar key="a" value={r.accidents} max={max} />,
      formatNumber(r.killed),
      formatNumber(r.hospitalised),
      formatNumber(r.slightlyInjured),
    ];
  };
  const countHeaders = [c.accidents, c.killed, c.hospitalised, c.slightlyInjured];
  const year = counts(s.byYear);
  const month = counts(s.byMonth);
  const road = counts(s.byRoadType);
  const setting = counts(s.bySetting);
  const light = counts(s.byLight);
  const maxUsers = Math.max(0, ...s.byUserCategory.map((u) => u.users));
  return (
    <div data-testid="road-dashboard">
      <RangeFilters years={s.availableYears} value={range} onChange={setRange} />
      <ul
        className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-raw-list', 'fr-my-2w')}
        data-testid="road-totals"
      >
        {(
          [
            [trs.totals.accidents, s.totals.accidents],
            [trs.totals.killed, s.totals.killed],
            [trs.totals.hospitalised, s.totals.hospitalised],
            [trs.totals.slightlyInjured, s.totals.slightlyInjured],
          ] as const
        ).map(([label, value]) => (
          <li key={label} className={fr.cx('fr-col-6', 'fr-col-md-3')}>
            <div className={fr.cx('fr-card', 'fr-p-2w')}>
              <p className={fr.cx('fr-mb-0', 'fr-text--sm')}>{label}</p>
              <p className={fr.cx('fr-h3', 'fr-mb-0')}>{formatNumber(value)}</p>
            </div>
          </li>
        ))}
      </ul>
      {s.totals.accidents === 0 ? (
        <p>{trs.noData}</p>
      ) : (
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <Table
              caption={trs.byYear}
              headers={[c.year, ...countHeaders]}
              data={s.byYear.map((r) => [r.year, ...year(r)])}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <Table
              caption={trs.bySeverity}
              headers={[c.severity, c.accidents]}
              data={s.bySeverity.map((r) => [
                SEVERITY_LABELS[r.severity],
                formatNumber(r.accidents),
              ])}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <Table
              caption={trs.byMonth}
              headers={[c.month, ...countHeaders]}
              data={s.byMonth.map((r) => [trs.months[r.month - 1] ?? r.month, ...month(r)])}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <Table
              caption={trs.byUserCategory}
              headers={[c.category, c.users, c.killed, c.hospitalised, c.slightlyInjured]}
              data={s.byUserCategory.map((u) => [
                USER_CATEGORY_LABELS[u.category],
                <Bar key="u" value={u.users} max={maxUsers} />,
                formatNumber(u.killed),
                formatNumber(u.hospitalised),
                formatNumber(u.slightlyInjured),
              ])}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <Table
              caption={trs.byRoadType}
              headers={[c.road, ...countHeaders]}
              data={s.byRoadType.map((r) => [r.label, ...road(r)])}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <Table
              caption={trs.bySetting}
              headers={[c.setting, ...countHeaders]}
              data={s.bySetting.map((r) => [trs.settings[r.setting], ...setting(r)])}
            />
            <Table
              caption={trs.byLight}
              headers={[c.light, ...countHeaders]}
              data={s.byLight.map((r) => [r.label, ...light(r)])}
            />
          </div>
        </div>
      )}
    </div>
  );
}
