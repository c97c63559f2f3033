import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { TASK_STATUS_LABELS, TASK_STATUSES, type Incident, type Task } from '@contracts/crisis';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTaskTransition, type ServiceRef } from '../../api';
import { useNow } from '../../hooks/use-now';
import { tc } from '../../i18n';
import type { Permissions } from '../../permissions';
import { ApiErrorAlert } from '../api-error-alert';
import { focusWithin } from '../focus-return';
import { testId } from '../test-id';
import { TaskCard } from './task-card';
import { TaskForm } from './task-form';

const OPEN: readonly Task['status'][] = ['requested', 'acknowledged', 'in_progress'];
const PRIORITY_RANK: Record<Task['priority'], number> = {
  urgente: 0,
  haute: 1,
  normale: 2,
  basse: 3,
};

/** Overdue by the server's flag, or by the clock since (the scan runs every minute). */
export function isOverdue(task: Task, now: number): boolean {
  if (!OPEN.includes(task.status)) return false;
  return task.overdue || (task.dueAt !== null && Date.parse(task.dueAt) < now);
}

interface TasksPanelProps {
  crisisId: string;
  tasks: readonly Task[];
  incidents: readonly Incident[];
  services: readonly ServiceRef[];
  selectedIncident: Incident | null;
  permissions: Permissions;
}

/** « Missions »: the board by status, overdue first, with the transitions this user may make. */
export function TasksPanel(props: TasksPanelProps) {
  const { crisisId, tasks, incidents, services, selectedIncident, permissions } = props;
  const [creating, setCreating] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const now = useNow();
  const transition = useTaskTransition();
  const { mutate, isPending, variables } = transition;
  const onTransition = useCallback(
    (task: Task, to: Exclude<Task['status'], 'requested'>) => mutate({ id: task.id, to }),
    [mutate],
  );
  const incidentTitles = useMemo(() => new Map(incidents.map((i) => [i.id, i.title])), [incidents]);

  const columns = useMemo(
    () =>
      TASK_STATUSES.map((status) => ({
        status,
        tasks: tasks
          .filter((t) => t.status === status)
          .sort(
            (a, b) =>
              Number(isOverdue(b, now)) - Number(isOverdue(a, now)) ||
              PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
              (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'),
          ),
      })),
    [tasks, now],
  );

  return (
    <div ref={panelRef} className="vigie-panel" data-testid="tasks-panel">
      <h2 className={fr.cx('fr-sr-only')}>{tc.tasks.heading}</h2>
      {permissions.liaisonServiceId && (
        <p className={fr.cx('fr-text--sm')}>{tc.tasks.liaisonScope}</p>
      )}
      {permissions.canWrite &&
        (creating ? (
          <TaskForm
            crisisId={crisisId}
            services={services}
            selectedIncident={selectedIncident}
            onDone={() => {
              setCreating(false);
              focusWithin(panelRef.current, '[data-testid="task-new"]');
            }}
          />
        ) : (
          <div className="vigie-toolbar">
            <Button
              size="small"
              iconId="fr-icon-add-line"
              onClick={() => setCreating(true)}
              nativeButtonProps={testId('task-new')}
            >
              {tc.tasks.new}
            </Button>
          </div>
        ))}
      {transition.error && <ApiErrorAlert error={transition.error} />}
      {tasks.length === 0 && <p className={fr.cx('fr-text--sm')}>{tc.tasks.empty}</p>}
      <div
        className="vigie-board"
        role="group"
        aria-label={tc.tasks.boardLabel}
        data-testid="tasks-board"
      >
        {columns.map(({ status, tasks: inColumn }) => (
          <section
            key={status}
            className={`vigie-board__column vigie-board__column--${status}`}
            aria-labelledby={`vigie-tasks-${status}`}
            data-testid={`tasks-column-${status}`}
          >
            <h3 id={`vigie-tasks-${status}`} className="vigie-board__heading">
              {tc.tasks.column(TASK_STATUS_LABELS[status], inColumn.length)}
            </h3>
            <ul className="vigie-board__list">
              {inColumn.map((task) => (
                <TaskCard
                  key={task.id}
                  task={task}
                  overdue={isOverdue(task, now)}
                  incidentTitle={
                    task.incidentId ? (incidentTitles.get(task.incidentId) ?? null) : null
                  }
                  permissions={permissions}
                  pending={isPending && variables?.id === task.id}
                  onTransition={onTransition}
                  now={now}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
