import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { DecisionUrgency } from '@contracts/direction';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { useCreateDecision } from '../api';
import { DECISION_URGENCY_LABELS, td } from '../i18n';

interface Props {
  crises: { id: string; title: string }[];
}

/** An operator asks the authority for a decision (question, context, options, urgency). */
export function DecisionForm({ crises }: Props) {
  const create = useCreateDecision();
  const [crisisId, setCrisisId] = useState(crises[0]?.id ?? '');
  const [question, setQuestion] = useState('');
  const [context, setContext] = useState('');
  const [options, setOptions] = useState('');
  const [urgency, setUrgency] = useState<DecisionUrgency>('normale');
  const [done, setDone] = useState(false);
  const problems = isApiError(create.error) ? create.error.details : [];
  const problem = (path: string) => problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    create.mutate(
      {
        crisisId: crisisId || crises[0]?.id || '',
        question: question.trim(),
        context: context.trim() || undefined,
        options: options.split('\n').map((o) => o.trim()).filter(Boolean),
        urgency,
      },
      {
        onSuccess: () => {
          setQuestion('');
          setContext('');
          setOptions('');
          setDone(true);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="decision-form" noValidate>
      <Select
        label={td.crisis}
        nativeSelectProps={{ value: crisisId, onChange: (e) => setCrisisId(e.target.value), required: true }}
      >
        {crises.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </Select>
      <Input
        label={td.question}
        state={problem('question') ? 'error' : 'default'}
        stateRelatedMessage={problem('question')}
        nativeInputProps={{ value: question, onChange: (e) => setQuestion(e.target.value), required: true, maxLength: 300 }}
      />
      <Input label={td.context} textArea nativeTextAreaProps={{ value: context, onChange: (e) => setContext(e.target.value), rows: 3, maxLength: 4000 }} />
      <Input
        label={td.options}
        textArea
        state={problem('options') ? 'error' : 'default'}
        stateRelatedMessage={problem('options')}
        nativeTextAreaProps={{ value: options, onChange: (e) => setOptions(e.target.value), rows: 3, required: true }}
      />
      <RadioButtons
        legend={td.urgency}
        hintText={td.urgentHint}
        orientation="horizontal"
        options={(['normale', 'urgente'] as const).map((u) => ({
          label: DECISION_URGENCY_LABELS[u],
          nativeInputProps: { checked: urgency === u, onChange: () => setUrgency(u), value: u },
        }))}
      />
      {create.error && !problems.length && <Alert small severity="error" description={create.error.message} className={fr.cx('fr-mb-2w')} />}
      {done && <Alert small severity="success" description={td.asked} className={fr.cx('fr-mb-2w')} />}
      <Button type="submit" disabled={create.isPending || crises.length === 0}>
        {td.ask}
      </Button>
    </form>
  );
}
