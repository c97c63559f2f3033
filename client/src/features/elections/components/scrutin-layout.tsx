import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { ELECTION_TYPE_LABELS, SCRUTIN_STATUS_LABELS } from '@contracts/elections';
import { NavLink, Route, Routes, useParams } from 'react-router-dom';
import { useScrutin } from '../api';
import { te } from '../i18n';
import { Board } from './board';
import { BureauxTab } from './bureaux-tab';
import { CandidaturesTab } from './candidatures-tab';
import { ResultsEntry } from './results-entry';
import { TurnoutTab } from './turnout-tab';

const parisFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'full',
  timeStyle: 'short',
});
export const parisWhen = (iso: string) => parisFormat.format(new Date(iso));

const TABS = [
  { to: '', label: te.nav.bureaux, end: true },
  { to: 'candidatures', label: te.nav.candidatures },
  { to: 'participation', label: te.nav.turnout },
  { to: 'saisie', label: te.nav.entry },
  { to: 'soiree', label: te.nav.board },
];

export function ScrutinLayout({ canWrite }: { canWrite: boolean }) {
  const { id = '' } = useParams();
  const scrutin = useScrutin(id);
  if (scrutin.isError) return <Alert severity="error" small description={te.errors.generic} />;
  const s = scrutin.data;
  if (!s) return <p role="status">Chargement…</p>;
  return (
    <>
      <title>{`${s.label} — ${te.title} — Vigie`}</title>
      <nav className={fr.cx('fr-breadcrumb')} aria-label="Vous êtes ici :">
        <ol className={fr.cx('fr-breadcrumb__list')}>
          <li>
            <NavLink className={fr.cx('fr-breadcrumb__link')} to="/cabinet/elections" end>
              {te.nav.scrutins}
            </NavLink>
          </li>
          <li>
            <a className={fr.cx('fr-breadcrumb__link')} aria-current="page">
              {s.label}
            </a>
          </li>
        </ol>
      </nav>
      <h1 data-testid="elections-scrutin-title">{s.label}</h1>
      <p className={fr.cx('fr-mb-1w')}>
        {ELECTION_TYPE_LABELS[s.type]} — {s.round === 1 ? '1er tour' : '2nd tour'} —{' '}
        {s.date.split('-').reverse().join('/')}{' '}
        <Badge small severity="info" noIcon>
          {SCRUTIN_STATUS_LABELS[s.status]}
        </Badge>
      </p>
      <ul className={fr.cx('fr-text--sm', 'fr-mb-2w')}>
        <li>{te.detail.hours(s.openingTime, s.closingTime)}</li>
        <li data-testid="elections-gate">
          {te.detail.publication(parisWhen(s.publicationAt), s.published)}
        </li>
        {s.deadline && (
          <li>
            {te.detail.deadline(parisWhen(s.deadline.at), s.deadline.text)}{' '}
            {s.deadline.toConfirm && (
              <Badge small severity="warning">
                {te.detail.toConfirm}
              </Badge>
            )}
          </li>
        )}
      </ul>
      <nav className="vigie-elections-tabs" aria-label={s.label}>
        <ul>
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) => fr.cx('fr-link', isActive && 'fr-text--bold')}
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<BureauxTab scrutin={s} canWrite={canWrite} />} />
        <Route path="candidatures" element={<CandidaturesTab scrutin={s} canWrite={canWrite} />} />
        <Route path="participation" element={<TurnoutTab scrutin={s} canWrite={canWrite} />} />
        <Route path="saisie" element={<ResultsEntry scrutin={s} canWrite={canWrite} />} />
        <Route path="soiree" element={<Board scrutin={s} />} />
      </Routes>
    </>
  );
}
