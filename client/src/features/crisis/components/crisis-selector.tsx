import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { CRISIS_KIND_LABELS, CRISIS_KINDS, type Crisis, type CrisisKind } from '@contracts/crisis';
import { useRef, useState, type SubmitEvent } from 'react';
import { useCreateCrisis } from '../api';
import { tc } from '../i18n';
import { ApiErrorAlert } from './api-error-alert';
import { rememberOpener, restoreFocus } from './focus-return';
import { testId } from './test-id';

const createCrisisModal = createModal({ id: 'vigie-create-crisis', isOpenedByDefault: false });

interface CrisisSelectorProps {
  crises: readonly Crisis[];
  selected: Crisis | null;
  onSelect: (id: string) => void;
  canCreate: boolean;
}

function optionLabel(crisis: Crisis): string {
  return `${crisis.title}${crisis.exercise ? tc.crisis.exerciseSuffix : ''}${
    crisis.status === 'closed' ? tc.crisis.closedSuffix : ''
  }`;
}

/** Which crisis the console shows (open ones; a closed one only when it is the current choice). */
export function CrisisSelector({ crises, selected, onSelect, canCreate }: CrisisSelectorProps) {
  const options = crises.filter((c) => c.status === 'open' || c.id === selected?.id);
  return (
    <div className="vigie-crisis-selector" data-testid="crisis-selector">
      <Select
        label={tc.crisis.selectLabel}
        className={fr.cx('fr-mb-0')}
        nativeSelectProps={{
          value: selected?.id ?? '',
          onChange: (e) => onSelect(e.target.value),
          ...testId('crisis-select'),
        }}
      >
        {!selected && (
          <option value="" disabled>
            {tc.console.noCrisis}
          </option>
        )}
        {options.map((c) => (
          <option key={c.id} value={c.id}>
            {optionLabel(c)}
          </option>
        ))}
      </Select>
      {canCreate && (
        <>
          <Button
            priority="secondary"
            iconId="fr-icon-add-line"
            title={tc.crisis.create}
            nativeButtonProps={{
              ...createCrisisModal.buttonProps,
              onClick: (event) => rememberOpener(event.currentTarget),
              'data-testid': 'crisis-create-open',
            }}
          />
          <CreateCrisisModal onCreated={onSelect} />
        </>
      )}
    </div>
  );
}

function CreateCrisisModal({ onCreated }: { onCreated: (id: string) => void }) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CrisisKind>('inondation');
  const [exercise, setExercise] = useState(false);
  const [description, setDescription] = useState('');
  const [invalid, setInvalid] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const create = useCreateCrisis();

  useIsModalOpen(createCrisisModal, {
    onDisclose: () => {
      setTitle('');
      setKind('inondation');
      setExercise(false);
      setDescription('');
      setInvalid(false);
      create.reset();
      setTimeout(() => titleRef.current?.focus(), 50);
    },
    onConceal: () =>
      restoreFocus(() => document.querySelector<HTMLElement>('[data-testid="crisis-select"]')),
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (title.trim().length < 3) {
      setInvalid(true);
      titleRef.current?.focus();
      return;
    }
    create.mutate(
      {
        title: title.trim(),
        kind,
        exercise,
        ...(description.trim() ? { description: description.trim() } : {}),
      },
      {
        onSuccess: (crisis) => {
          createCrisisModal.close();
          onCreated(crisis.id);
        },
      },
    );
  };

  return (
    <createCrisisModal.Component
      title={tc.crisis.createTitle}
      titleAs="h2"
      iconId="fr-icon-add-circle-line"
    >
      <form
        onSubmit={onSubmit}
        onKeyDown={(event) => {
          // the DSFR script ignores Échap while a field has the focus
          if (event.key !== 'Escape') return;
          event.preventDefault();
          createCrisisModal.close();
        }}
        noValidate
        data-testid="crisis-create-form"
        aria-label={tc.crisis.createTitle}
      >
        <Input
          label={tc.crisis.title}
          state={invalid ? 'error' : 'default'}
          stateRelatedMessage={tc.crisis.titleRequired}
          nativeInputProps={{
            ref: titleRef,
            name: 'title',
            required: true,
            maxLength: 200,
            value: title,
            onChange: (e) => setTitle(e.target.value),
          }}
        />
        <Select
          label={tc.crisis.kind}
          nativeSelectProps={{
            name: 'kind',
            value: kind,
            onChange: (e) => setKind(e.target.value as CrisisKind),
          }}
        >
          {CRISIS_KINDS.map((k) => (
            <option key={k} value={k}>
              {CRISIS_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Checkbox
          className={fr.cx('fr-mt-2w')}
          options={[
            {
              label: tc.crisis.exercise,
              hintText: tc.crisis.exerciseHint,
              nativeInputProps: {
                name: 'exercise',
                checked: exercise,
                onChange: (e) => setExercise(e.target.checked),
              },
            },
          ]}
        />
        <Input
          textArea
          label={tc.crisis.description}
          nativeTextAreaProps={{
            name: 'description',
            rows: 3,
            maxLength: 5000,
            value: description,
            onChange: (e) => setDescription(e.target.value),
          }}
        />
        {create.error && <ApiErrorAlert error={create.error} />}
        <ul
          className={fr.cx(
            'fr-btns-group',
            'fr-btns-group--icon-left',
            'fr-btns-group--inline-md',
            'fr-btns-group--right',
          )}
        >
          <li>
            <Button type="button" priority="secondary" onClick={() => createCrisisModal.close()}>
              {tc.cod.cancel}
            </Button>
          </li>
          <li>
            <Button
              type="submit"
              disabled={create.isPending}
              nativeButtonProps={{
                'aria-busy': create.isPending,
                'data-testid': 'crisis-create-submit',
              }}
            >
              {tc.crisis.submit}
            </Button>
          </li>
        </ul>
      </form>
    </createCrisisModal.Component>
  );
}
