import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Decision } from '@contracts/direction';
import { Link } from 'react-router-dom';
import { formatStamp } from '@/lib/format';
import { useDecisions } from '../api';
import { useDirectionPermissions } from '../hooks/use-direction-permissions';
import { DECISION_STATUS_LABELS, td } from '../i18n';
import './direction.css';

const RECENT = 3;

function Line({ d }: { d: Decision }) {
  const answered = d.status === 'approved' || d.status === 'rejected';
  return (
    <li data-testid="console-decision" data-decision-id={d.id} data-status={d.status}>
      {d.urgency === 'urgente' && !answered && (
        <Badge severity="error" small className={fr.cx('fr-mr-1v')}>
          Urgente
        </Badge>
      )}
      <strong>{d.question}</strong>{' '}
      <span className={fr.cx('fr-text--xs')}>
        {answered && d.answeredByName && d.answeredAt
          ? `— ${DECISION_STATUS_LABELS[d.status]} par ${d.answeredByName} à ${formatStamp(d.answeredAt)}${d.chosenOption !== null ? ` : ${d.options[d.chosenOption]}` : ''}`
          : `— ${DECISION_STATUS_LABELS[d.status]}`}
      </span>
    </li>
  );
}

/** The console's compact list: decisions waiting for the authority and the latest answers, live. */
export function PendingDecisionsPanel({ crisisId }: { crisisId: string | null }) {
  const permissions = useDirectionPermissions();
  const open = useDecisions(crisisId, true, permissions.canRead && crisisId !== null);
  const closed = useDecisions(crisisId, false, permissions.canRead && crisisId !== null);
  if (!permissions.canRead || crisisId === null) return null;
  const pending = open.data?.data ?? [];
  const recent = (closed.data?.data ?? []).slice(0, RECENT);
  return (
    <section className={fr.cx('fr-mx-2w', 'fr-my-1w')} aria-labelledby="console-decisions" data-testid="console-decisions">
      <h2 id="console-decisions" className={fr.cx('fr-text--md', 'fr-mb-1v')}>
        {td.decisions} ({pending.length}) · <Link to="/direction">{td.openDirection}</Link>
      </h2>
      {pending.length > 0 && (
        <ul className="vigie-direction__list fr-mb-1v">
          {pending.map((d) => (
            <Line key={d.id} d={d} />
          ))}
        </ul>
      )}
      {recent.length > 0 && (
        <>
          <p className={fr.cx('fr-text--xs', 'fr-mb-0')}>{td.consoleRecent}</p>
          <ul className="vigie-direction__list fr-mb-0">
            {recent.map((d) => (
              <Line key={d.id} d={d} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
