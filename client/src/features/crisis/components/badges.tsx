import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Incident, Task } from '@contracts/crisis';
import { INCIDENT_SEVERITY_LABELS, INCIDENT_STATUS_LABELS, TASK_PRIORITY_LABELS } from '../i18n';

type Severity = 'success' | 'error' | 'info' | 'warning' | 'new' | undefined;

const SEVERITY: Record<Incident['severity'], Severity> = {
  faible: 'info',
  moyenne: 'new',
  grave: 'warning',
  critique: 'error',
};
const STATUS: Record<Incident['status'], Severity> = {
  signale: 'new',
  en_cours: 'info',
  maitrise: 'success',
  clos: undefined,
};
const PRIORITY: Record<Task['priority'], Severity> = {
  basse: undefined,
  normale: 'info',
  haute: 'warning',
  urgente: 'error',
};

export function SeverityBadge({ severity }: { severity: Incident['severity'] }) {
  return (
    <Badge as="span" small noIcon severity={SEVERITY[severity]} className="vigie-badge">
      {INCIDENT_SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export function IncidentStatusBadge({ status }: { status: Incident['status'] }) {
  return (
    <Badge as="span" small noIcon severity={STATUS[status]} className="vigie-badge">
      {INCIDENT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Task['priority'] }) {
  return (
    <Badge as="span" small noIcon severity={PRIORITY[priority]} className="vigie-badge">
      {TASK_PRIORITY_LABELS[priority]}
    </Badge>
  );
}
