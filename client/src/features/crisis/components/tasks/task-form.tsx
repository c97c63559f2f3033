import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { TASK_PRIORITIES, type Incident, type Task } from '@contracts/crisis';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useCreateTask, type ServiceRef } from '../../api';
import { localInputToIso } from '@/lib/format';
import { TASK_PRIORITY_LABELS, tc } from '../../i18n';
import { ApiErrorAlert } from '../api-error-alert';
import { testId } from '../test-id';

interface TaskFormProps {
  crisisId: string;
  services: readonly ServiceRef[];
  selectedIncident: Incident | null;
  onDone: () => void;
}

/** A « demande de concours » to a service: the COD's request, tracked until done. */
export function TaskForm({ crisisId, services, selectedIncident, onDone }: TaskFormProps) {
  const [serviceId, setServiceId] = useState('');
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [priority, setPriority] = useState<Task['priority']>('normale');
  const [due, setDue] = useState('');
  const [linkIncident, setLinkIncident] = useState(selectedIncident !== null);
  const [errors, setErrors] = useState<{ service?: boolean; title?: boolean }>({});
  const serviceRef = useRef<HTMLSelectElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const create = useCreateTask();

  useEffect(() => {
    serviceRef.current?.focus();
  }, []);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = { service: !serviceId, title: title.trim().length < 3 };
    setErrors(next);
    if (next.service) {
      serviceRef.current?.focus();
      return;
    }
    if (next.title) {
      titleRef.current?.focus();
      return;
    }
    const dueAt = localInputToIso(due);
    create.mutate(
      {
        crisisId,
        serviceId,
        title: title.trim(),
        priority,
        ...(details.trim() ? { details: details.trim() } : {}),
        ...(dueAt ? { dueAt } : {}),
        ...(linkIncident && selectedIncident ? { incidentId: selectedIncident.id } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="vigie-card"
      aria-labelledby="vigie-task-form-title"
      data-testid="task-form"
    >
      <h3 id="vigie-task-form-title" className={fr.cx('fr-h6', 'fr-mb-1w')}>
        {tc.tasks.new}
      </h3>
      <Select
        label={tc.tasks.service}
        state={errors.service ? 'error' : 'default'}
        stateRelatedMessage={tc.tasks.serviceRequired}
        nativeSelectProps={{
          ref: serviceRef,
          name: 'serviceId',
          required: true,
          value: serviceId,
          onChange: (e) => setServiceId(e.target.value),
          ...testId('task-service'),
        }}
      >
        <option value="" disabled>
          {tc.tasks.chooseService}
        </option>
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.code})
          </option>
        ))}
      </Select>
      <Input
        label={tc.tasks.title}
        state={errors.title ? 'error' : 'default'}
        stateRelatedMessage={tc.tasks.titleRequired}
        nativeInputProps={{
          ref: titleRef,
          name: 'title',
          required: true,
          maxLength: 200,
          value: title,
          onChange: (e) => setTitle(e.target.value),
          ...testId('task-title'),
        }}
      />
      <Input
        textArea
        label={tc.tasks.details}
        nativeTextAreaProps={{
          name: 'details',
          rows: 2,
          maxLength: 5000,
          value: details,
          onChange: (e) => setDetails(e.target.value),
        }}
      />
      <div className="vigie-form-row">
        <Select
          label={tc.tasks.priority}
          nativeSelectProps={{
            name: 'priority',
            value: priority,
            onChange: (e) => setPriority(e.target.value as Task['priority']),
          }}
        >
          {TASK_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {TASK_PRIORITY_LABELS[p]}
            </option>
          ))}
        </Select>
        <Input
          label={tc.tasks.due}
          nativeInputProps={{
            name: 'dueAt',
            type: 'datetime-local',
            value: due,
            onChange: (e) => setDue(e.target.value),
            ...testId('task-due'),
          }}
        />
      </div>
      {selectedIncident && (
        <Checkbox
          small
          options={[
            {
              label: tc.tasks.linkIncident(selectedIncident.title),
              nativeInputProps: {
                checked: linkIncident,
                onChange: (e) => setLinkIncident(e.target.checked),
              },
            },
          ]}
        />
      )}
      {create.error && <ApiErrorAlert error={create.error} />}
      <ul
        className={fr.cx(
          'fr-btns-group',
          'fr-btns-group--icon-left',
          'fr-btns-group--inline-sm',
          'fr-btns-group--sm',
        )}
      >
        <li>
          <Button
            type="submit"
            disabled={create.isPending}
            nativeButtonProps={{ 'aria-busy': create.isPending, ...testId('task-submit') }}
          >
            {tc.tasks.submit}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onDone}>
            {tc.tasks.cancel}
          </Button>
        </li>
      </ul>
    </form>
  );
}
