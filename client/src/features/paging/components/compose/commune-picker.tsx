import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useId, useMemo, useState } from 'react';
import { tp } from '../../i18n';
import { searchCommunes, type CommuneIndex } from '../../lib/communes';
import { formatNumber } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { SelectedTags } from './selected-tags';

interface CommunePickerProps {
  communes: CommuneIndex | null;
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

/** The mayors of communes: found by name, INSEE code or postcode, or a whole arrondissement. */
export function CommunePicker({ communes, selected, onChange }: CommunePickerProps) {
  const legendId = useId();
  const [query, setQuery] = useState('');
  const [arrondissement, setArrondissement] = useState('');
  const results = useMemo(
    () => (communes ? searchCommunes(communes, query) : []),
    [communes, query],
  );
  const arrondissements = useMemo(() => {
    const byCode = new Map<string, { name: string; insee: string[] }>();
    for (const c of communes?.list ?? []) {
      const a = byCode.get(c.arrondissement) ?? { name: c.arrondissementName, insee: [] };
      a.insee.push(c.insee);
      byCode.set(c.arrondissement, a);
    }
    return [...byCode.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [communes]);
  const chosen = new Set(selected);
  const add = (insee: readonly string[]) =>
    onChange([...selected, ...insee.filter((i) => !chosen.has(i))]);
  const searching = query.trim().length > 0;

  return (
    <fieldset
      className="vigie-paging-picker"
      aria-labelledby={legendId}
      data-testid="paging-pick-communes"
    >
      <legend id={legendId} className="vigie-paging-picker__legend">
        {tp.pickers.communes}
      </legend>
      <Input
        label={tp.pickers.communesSearch}
        hintText={tp.pickers.communesHint}
        disabled={!communes}
        nativeInputProps={{
          type: 'search',
          value: query,
          autoComplete: 'off',
          onChange: (e) => setQuery(e.target.value),
          ...testId('paging-commune-search'),
        }}
      />
      <p className={fr.cx('fr-sr-only')} role="status">
        {searching
          ? results.length
            ? tp.pickers.communesFound(results.length)
            : tp.pickers.communesNone
          : ''}
      </p>
      {searching && results.length === 0 && (
        <p className={fr.cx('fr-text--sm')}>{tp.pickers.communesNone}</p>
      )}
      {results.length > 0 && (
        <ul className="vigie-paging-results" data-testid="paging-commune-results">
          {results.map((c) => (
            <li key={c.insee}>
              <span className="vigie-paging-results__text">
                <strong>{c.name}</strong>
                <span className="vigie-paging-muted">
                  {' '}
                  — {c.insee} · {c.postcodes.join(', ')} · {formatNumber(c.population)} hab.
                </span>
              </span>
              <Button
                size="small"
                priority="secondary"
                iconId="fr-icon-add-line"
                disabled={chosen.has(c.insee)}
                onClick={() => add([c.insee])}
                nativeButtonProps={{ 'aria-label': tp.pickers.add(c.name) }}
              >
                {tp.pickers.arrondissementAdd}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="vigie-paging-inline">
        <Select
          label={tp.pickers.arrondissement}
          disabled={!communes}
          nativeSelectProps={{
            value: arrondissement,
            onChange: (e) => setArrondissement(e.target.value),
          }}
        >
          <option value="">{tp.pickers.arrondissementChoose}</option>
          {arrondissements.map(([code, a]) => (
            <option key={code} value={code}>
              {tp.pickers.arrondissementOption(a.name, a.insee.length)}
            </option>
          ))}
        </Select>
        <Button
          priority="secondary"
          disabled={!arrondissement}
          onClick={() => {
            const a = arrondissements.find(([code]) => code === arrondissement);
            if (a) add(a[1].insee);
            setArrondissement('');
          }}
        >
          {tp.pickers.arrondissementAdd}
        </Button>
      </div>
      {selected.length > 0 && (
        <div className="vigie-paging-selected">
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
            <strong>{tp.pickers.communesSelected(selected.length)}</strong>{' '}
            {selected.length > 1 && (
              <Button size="small" priority="tertiary no outline" onClick={() => onChange([])}>
                {tp.pickers.clearCommunes}
              </Button>
            )}
          </p>
          <div className="vigie-paging-scroll">
            <SelectedTags
              label={tp.pickers.communes}
              testId="paging-communes-selected"
              items={selected.map((insee) => ({
                id: insee,
                label: communes?.byInsee.get(insee)?.name ?? insee,
              }))}
              onRemove={(insee) => onChange(selected.filter((i) => i !== insee))}
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}
