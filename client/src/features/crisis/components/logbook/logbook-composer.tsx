import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  LOGBOOK_CATEGORIES,
  LOGBOOK_CATEGORY_LABELS,
  type Cellule,
  type LogbookEntry,
} from '@contracts/crisis';
import { useRef, useState, type SubmitEvent } from 'react';
import { useAppendLogbook, type ServiceRef } from '../../api';
import { celluleOptions } from '../../cellules';
import { localInputToIso } from '@/lib/format';
import { tc } from '../../i18n';
import { ApiErrorAlert } from '../api-error-alert';
import { testId } from '../test-id';

interface LogbookComposerProps {
  crisisId: string;
  services: readonly ServiceRef[];
  defaultCellule: Cellule;
}

/** Writes one entry of the main courante (append only: a mistake is corrected by a new entry). */
export function LogbookComposer({ crisisId, services, defaultCellule }: LogbookComposerProps) {
  const [category, setCategory] = useState<LogbookEntry['category']>('information');
  const [cellule, setCellule] = useState<Cellule>(defaultCellule);
  const [text, setText] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [invalid, setInvalid] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const append = useAppendLogbook(crisisId);
  const options = celluleOptions(services);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) {
      setInvalid(true);
      textRef.current?.focus();
      return;
    }
    const occurred = localInputToIso(occurredAt);
    append.mutate(
      {
        text: text.trim(),
        category,
        cellule,
        ...(occurred ? { occurredAt: occurred } : {}),
      },
      {
        onSuccess: () => {
          setText('');
          setOccurredAt('');
          setInvalid(false);
          textRef.current?.focus();
        },
      },
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="vigie-card vigie-composer"
      aria-labelledby="vigie-logbook-composer-title"
      data-testid="logbook-composer"
    >
      <h3 id="vigie-logbook-composer-title" className={fr.cx('fr-h6', 'fr-mb-1w')}>
        {tc.logbook.composer}
      </h3>
      <div className="vigie-form-row">
        <Select
          label={tc.logbook.category}
          nativeSelectProps={{
            name: 'category',
            value: category,
            onChange: (e) => setCategory(e.target.value as LogbookEntry['category']),
            ...testId('logbook-category'),
          }}
        >
          {LOGBOOK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {LOGBOOK_CATEGORY_LABELS[c]}
            </option>
          ))}
        </Select>
        <Select
          label={tc.logbook.cellule}
          nativeSelectProps={{
            name: 'cellule',
            value: cellule,
            onChange: (e) => setCellule(e.target.value as Cellule),
            ...testId('logbook-cellule'),
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>
      <Input
        textArea
        label={tc.logbook.text}
        state={invalid ? 'error' : 'default'}
        stateRelatedMessage={tc.logbook.textRequired}
        nativeTextAreaProps={{
          ref: textRef,
          name: 'text',
          rows: 3,
          maxLength: 10_000,
          required: true,
          value: text,
          onChange: (e) => setText(e.target.value),
          onKeyDown: (e) => {
            // Ctrl+Entrée inscrit sans quitter le clavier
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey))
              e.currentTarget.form?.requestSubmit();
          },
          ...testId('logbook-text'),
        }}
      />
      <div className="vigie-form-row vigie-form-row--end">
        <Input
          label={tc.logbook.occurredAt}
          hintText={tc.logbook.occurredAtHint}
          nativeInputProps={{
            name: 'occurredAt',
            type: 'datetime-local',
            value: occurredAt,
            onChange: (e) => setOccurredAt(e.target.value),
          }}
        />
        <Button
          type="submit"
          iconId="fr-icon-edit-box-line"
          disabled={append.isPending}
          nativeButtonProps={{ 'aria-busy': append.isPending, ...testId('logbook-submit') }}
        >
          {tc.logbook.submit}
        </Button>
      </div>
      {append.error && <ApiErrorAlert error={append.error} />}
    </form>
  );
}
