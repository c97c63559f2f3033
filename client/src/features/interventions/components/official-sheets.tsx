import { fr } from '@codegouvfr/react-dsfr';
import { CONTACT_FUNCTION_LABELS } from '@contracts/paging';
import { Link, useParams } from 'react-router-dom';
import { useOfficials, useOfficialSheet } from '../api';
import { INTERVENTION_THEME_LABELS, OUTCOME_LABELS, ti } from '../i18n';
import { DueBadge, ErrorAlert, frDate, StatusBadge, Table } from './common';

const functionLabel = (f: string) =>
  CONTACT_FUNCTION_LABELS[f as keyof typeof CONTACT_FUNCTION_LABELS] ?? f;

/** Officials who intervened, most active first. */
export function OfficialsList() {
  const officials = useOfficials(true);
  if (officials.error) return <ErrorAlert error={officials.error} />;
  if (officials.isPending) return <p role="status">{ti.loading}</p>;
  return (
    <section aria-labelledby="officials-title">
      <h2 id="officials-title" className={fr.cx('fr-h4')}>
        {ti.tabs.officials}
      </h2>
      <p>{ti.officials.intro}</p>
      <Table
        caption={ti.tabs.officials}
        head={[ti.cols.official, ti.detail.labels.official, ti.officials.total]}
      >
        {officials.data.map((o) => (
          <tr key={o.id}>
            <td>
              <Link to={`/cabinet/interventions/elus/${o.id}`}>{o.name}</Link>
            </td>
            <td>{o.title ?? functionLabel(o.function)}</td>
            <td>{o.total}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/** « Fiche élu »: the official, their figures and every intervention, newest first. */
export function OfficialSheetView() {
  const { contactId = '' } = useParams();
  const sheet = useOfficialSheet(contactId);
  if (sheet.error) return <ErrorAlert error={sheet.error} />;
  if (sheet.isPending) return <p role="status">{ti.loading}</p>;
  const { official, counts, averageAnswerDays, interventions } = sheet.data;
  return (
    <section aria-labelledby="sheet-title" data-testid="official-sheet">
      <p>
        <Link to="/cabinet/interventions/elus">{ti.tabs.officials}</Link>
      </p>
      <h2 id="sheet-title" className={fr.cx('fr-h4')}>
        {ti.officials.sheetTitle(official.name)}
      </h2>
      <p>
        {official.title ?? functionLabel(official.function)}
        {official.email ? ` — ${official.email}` : ''}
      </p>
      <h3 className={fr.cx('fr-h6')}>{ti.officials.counts}</h3>
      <ul>
        <li>
          {ti.officials.total} : {counts.total} ({ti.dashboard.open.toLowerCase()} : {counts.open},{' '}
          {ti.dashboard.overdue.toLowerCase()} : {counts.overdue})
        </li>
        <li>
          {ti.officials.favorable} : {counts.favorable} — {ti.officials.defavorable} :{' '}
          {counts.defavorable}
        </li>
        <li>
          {ti.dashboard.average} :{' '}
          {averageAnswerDays === null ? ti.dashboard.none : ti.dashboard.days(averageAnswerDays)}
        </li>
      </ul>
      <Table
        caption={ti.officials.sheetTitle(official.name)}
        head={[
          ti.cols.reference,
          ti.cols.received,
          ti.cols.theme,
          ti.cols.subject,
          ti.cols.due,
          ti.cols.status,
          ti.detail.labels.outcome,
        ]}
      >
        {interventions.map((i) => (
          <tr key={i.id}>
            <td>
              <Link to={`/cabinet/interventions/${i.id}`}>{i.reference}</Link>
            </td>
            <td>{frDate(i.receivedOn)}</td>
            <td>{INTERVENTION_THEME_LABELS[i.theme]}</td>
            <td>{i.subject}</td>
            <td>
              {frDate(i.dueDate)}
              <DueBadge state={i.dueState} />
            </td>
            <td>
              <StatusBadge status={i.status} />
            </td>
            <td>{i.outcome ? OUTCOME_LABELS[i.outcome] : '—'}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
