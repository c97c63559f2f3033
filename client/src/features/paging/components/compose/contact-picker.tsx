import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Contact } from '@contracts/paging';
import { useId, useState } from 'react';
import { useContactSearch } from '../../api';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { CONTACT_FUNCTION_LABELS, tp } from '../../i18n';
import { testId } from '../../lib/test-id';
import { SelectedTags } from './selected-tags';

const MAX_RESULTS = 12;

interface ContactPickerProps {
  selected: readonly Contact[];
  onChange: (next: Contact[]) => void;
  describe: (contact: Contact) => string | null;
}

/** People of the directory, found by name, title or e-mail; added one by one. */
export function ContactPicker({ selected, onChange, describe }: ContactPickerProps) {
  const legendId = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, 250);
  const search = useContactSearch(debounced);
  const active = debounced.trim().length >= 2;
  const results = active ? (search.data ?? []).slice(0, MAX_RESULTS) : [];
  const chosen = new Set(selected.map((c) => c.id));

  return (
    <fieldset
      className="vigie-paging-picker"
      aria-labelledby={legendId}
      data-testid="paging-pick-contacts"
    >
      <legend id={legendId} className="vigie-paging-picker__legend">
        {tp.pickers.contacts}
      </legend>
      <Input
        label={tp.pickers.contactsSearch}
        hintText={tp.pickers.contactsHint}
        nativeInputProps={{
          type: 'search',
          value: query,
          autoComplete: 'off',
          onChange: (e) => setQuery(e.target.value),
          ...testId('paging-contact-search'),
        }}
      />
      <p className={fr.cx('fr-sr-only')} role="status">
        {active && !search.isFetching
          ? results.length
            ? tp.pickers.contactsFound(results.length)
            : tp.pickers.contactsNone
          : ''}
      </p>
      {active && search.isSuccess && results.length === 0 && (
        <p className={fr.cx('fr-text--sm')}>{tp.pickers.contactsNone}</p>
      )}
      {results.length > 0 && (
        <ul className="vigie-paging-results" data-testid="paging-contact-results">
          {results.map((c) => {
            const detail = describe(c);
            return (
              <li key={c.id}>
                <span className="vigie-paging-results__text">
                  <strong>{c.name}</strong>
                  <span className="vigie-paging-muted">
                    {' '}
                    — {c.title ?? CONTACT_FUNCTION_LABELS[c.function]}
                    {detail ? ` · ${detail}` : ''}
                  </span>
                </span>
                <Button
                  size="small"
                  priority="secondary"
                  iconId="fr-icon-add-line"
                  disabled={chosen.has(c.id)}
                  onClick={() => onChange([...selected, c])}
                  nativeButtonProps={{ 'aria-label': tp.pickers.add(c.name) }}
                >
                  {tp.pickers.arrondissementAdd}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <SelectedTags
        label={tp.pickers.contacts}
        testId="paging-contacts-selected"
        items={selected.map((c) => ({ id: c.id, label: c.name }))}
        onRemove={(id) => onChange(selected.filter((c) => c.id !== id))}
      />
    </fieldset>
  );
}
