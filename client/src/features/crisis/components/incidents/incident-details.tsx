import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { COUNTER_KEYS, COUNTER_LABELS, type Incident } from '@contracts/crisis';
import { CompetentForce } from '@/features/territory/components/competent-force';
import { formatFull, formatNumber, formatStamp } from '@/lib/format';
import { INCIDENT_KIND_LABELS, tc } from '../../i18n';
import { IncidentStatusBadge, SeverityBadge } from '../badges';
import { testId } from '../test-id';

interface IncidentDetailsProps {
  incident: Incident;
  canEdit: boolean;
  onEdit: () => void;
  onClose: () => void;
  now: number;
}

export function IncidentDetails({ incident, canEdit, onEdit, onClose, now }: IncidentDetailsProps) {
  const counters = COUNTER_KEYS.filter((k) => (incident.counters[k] ?? 0) > 0);
  return (
    <section
      tabIndex={-1}
      className={`vigie-card vigie-card--${incident.severity}`}
      aria-labelledby="vigie-incident-details-title"
      data-testid="incident-details"
      data-incident-id={incident.id}
    >
      <h3 id="vigie-incident-details-title" className={fr.cx('fr-h6', 'fr-mb-1w')}>
        {incident.title}
      </h3>
      <p className="vigie-incident__meta fr-mb-1w">
        <SeverityBadge severity={incident.severity} />
        <IncidentStatusBadge status={incident.status} />
        <span>{INCIDENT_KIND_LABELS[incident.kind]}</span>
        <span>· {incident.communeName ?? tc.incidents.unknownCommune}</span>
      </p>
      <CompetentForce insee={incident.communeInsee} className={fr.cx('fr-text--xs', 'fr-mb-1w')} />
      {incident.description && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{incident.description}</p>
      )}
      {counters.length > 0 && (
        <dl className="vigie-counters-inline">
          {counters.map((k) => (
            <div key={k}>
              <dt>{COUNTER_LABELS[k]}</dt>
              <dd>{formatNumber(incident.counters[k] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className={fr.cx('fr-text--xs', 'fr-mb-1w')}>
        <time dateTime={incident.createdAt} title={formatFull(incident.createdAt)}>
          {tc.incidents.createdAt(formatStamp(incident.createdAt, new Date(now)))}
        </time>
        {' · '}
        <time dateTime={incident.updatedAt} title={formatFull(incident.updatedAt)}>
          {tc.incidents.updated(formatStamp(incident.updatedAt, new Date(now)))}
        </time>
        {' · '}
        {tc.incidents.version(incident.version)}
      </p>
      <ul
        className={fr.cx(
          'fr-btns-group',
          'fr-btns-group--icon-left',
          'fr-btns-group--inline',
          'fr-btns-group--sm',
        )}
      >
        {canEdit && (
          <li>
            <Button
              size="small"
              iconId="fr-icon-edit-line"
              onClick={onEdit}
              nativeButtonProps={testId('incident-edit')}
            >
              {tc.incidents.edit}
            </Button>
          </li>
        )}
        <li>
          <Button size="small" priority="secondary" onClick={onClose}>
            {tc.incidents.close}
          </Button>
        </li>
      </ul>
    </section>
  );
}
