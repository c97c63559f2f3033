import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Task } from '@contracts/crisis';
import { memo, useState } from 'react';
import { formatFull, formatStamp } from '@/lib/format';
import { TASK_ACTION_LABELS, tc } from '../../i18n';
import { allowedTaskTransitions, type Permissions } from '../../permissions';
import { PriorityBadge } from '../badges';
import { testId } from '../test-id';

type Target = Exclude<Task['status'], 'requested'>;

interface TaskCardProps {
  task: Task;
  overdue: boolean;
  incidentTitle: string | null;
  permissions: Permissions;
  pending: boolean;
  onTransition: (task: Task, to: Target) => void;
  now: number;
}

/** One mission; memoised so a transition re-renders only its card. */
export const TaskCard = memo(function TaskCard(props: TaskCardProps) {
  const { task, overdue, incidentTitle, permissions, pending, onTransition, now } = props;
  const actions = allowedTaskTransitions(task, permissions);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const last = task.history.at(-1);
  return (
    <li
      className={`vigie-task${overdue ? ' vigie-task--overdue' : ''} vigie-task--${task.priority}`}
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      data-overdue={overdue}
    >
      <p className="vigie-task__title">{task.title}</p>
      <p className="vigie-task__meta">
        <span className="vigie-task__service">{task.serviceName}</span>
        <PriorityBadge priority={task.priority} />
        {overdue && (
          <Badge
            as="span"
            small
            severity="error"
            className="vigie-badge"
            data-testid="task-overdue"
          >
            {tc.tasks.overdue}
          </Badge>
        )}
      </p>
      {task.dueAt && (
        <p className="vigie-task__due">
          <time dateTime={task.dueAt} title={formatFull(task.dueAt)}>
            {tc.tasks.dueAt(formatStamp(task.dueAt, new Date(now)))}
          </time>
        </p>
      )}
      {task.details && <p className="vigie-task__details">{task.details}</p>}
      {incidentTitle && (
        <p className="vigie-task__details">
          {tc.tasks.incident} : {incidentTitle}
        </p>
      )}
      {last && last.to !== 'requested' && (
        <p className="vigie-task__history">
          {last.byName}, {formatStamp(last.at, new Date(now))}
          {last.note ? ` — ${last.note}` : ''}
        </p>
      )}
      {actions.length > 0 && (
        <div className="vigie-task__actions">
          {confirmCancel ? (
            <>
              <Button
                size="small"
                priority="primary"
                className="vigie-button--danger"
                disabled={pending}
                onClick={() => onTransition(task, 'cancelled')}
                nativeButtonProps={testId('task-cancel-confirm')}
              >
                {tc.tasks.confirmCancel}
              </Button>
              <Button size="small" priority="tertiary" onClick={() => setConfirmCancel(false)}>
                {tc.tasks.back}
              </Button>
            </>
          ) : (
            actions.map((to) => (
              <Button
                key={to}
                size="small"
                priority={to === 'cancelled' ? 'tertiary' : 'secondary'}
                disabled={pending}
                onClick={() =>
                  to === 'cancelled' ? setConfirmCancel(true) : onTransition(task, to)
                }
                nativeButtonProps={{ ...testId(`task-action-${to}`), 'aria-busy': pending }}
              >
                {TASK_ACTION_LABELS[to]}
                <span className={fr.cx('fr-sr-only')}> : {task.title}</span>
              </Button>
            ))
          )}
        </div>
      )}
    </li>
  );
});
