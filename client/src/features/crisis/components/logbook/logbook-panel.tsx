import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  LOGBOOK_CATEGORIES,
  LOGBOOK_CATEGORY_LABELS,
  type Cellule,
  type LogbookEntry,
} from '@contracts/crisis';
import { useCallback, useMemo, useState } from 'react';
import { downloadLogbookExport, useLogbook, usePromoteEntry, type ServiceRef } from '../../api';
import { celluleLabel } from '../../cellules';
import { useNow } from '../../hooks/use-now';
import { tc } from '../../i18n';
import { ApiErrorAlert } from '../api-error-alert';
import { testId } from '../test-id';
import { LogbookComposer } from './logbook-composer';
import { LogbookEntryRow } from './logbook-entry';
import { VerifyBadge } from './verify-badge';

const PAGE = 100;
const NO_ENTRIES: LogbookEntry[] = [];

interface LogbookPanelProps {
  crisisId: string;
  services: readonly ServiceRef[];
  canLog: boolean;
  canPromote: boolean;
  defaultCellule: Cellule;
}

/** « Main courante »: composer, verification, exports, filters and the timeline (newest first). */
export function LogbookPanel({
  crisisId,
  services,
  canLog,
  canPromote,
  defaultCellule,
}: LogbookPanelProps) {
  const logbook = useLogbook(crisisId);
  const promote = usePromoteEntry();
  const now = useNow();
  const [category, setCategory] = useState<LogbookEntry['category'] | ''>('');
  const [cellule, setCellule] = useState('');
  const [onlyPromoted, setOnlyPromoted] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [exportError, setExportError] = useState<Error | null>(null);
  const entries = logbook.data?.data ?? NO_ENTRIES;

  const indexById = useMemo(() => new Map(entries.map((e) => [e.id, e.index])), [entries]);
  const cellulesUsed = useMemo(() => [...new Set(entries.map((e) => e.cellule))].sort(), [entries]);
  const filtered = useMemo(
    () =>
      entries
        .filter(
          (e) =>
            (!category || e.category === category) &&
            (!cellule || e.cellule === cellule) &&
            (!onlyPromoted || e.promotedAt !== null),
        )
        .reverse(),
    [entries, category, cellule, onlyPromoted],
  );
  const shown = filtered.slice(0, limit);
  const { mutate: promoteEntry, isPending: promoting, variables: promotingEntry } = promote;
  const onPromote = useCallback((entry: LogbookEntry) => promoteEntry(entry), [promoteEntry]);

  const exportAs = (format: 'csv' | 'pdf') => {
    setExportError(null);
    downloadLogbookExport(crisisId, format).catch(() =>
      setExportError(new Error(tc.logbook.exportFailed)),
    );
  };

  return (
    <div className="vigie-panel" data-testid="logbook-panel">
      <h2 className={fr.cx('fr-sr-only')}>{tc.logbook.heading}</h2>
      {canLog && (
        <LogbookComposer
          key={`${crisisId}:${defaultCellule}`}
          crisisId={crisisId}
          services={services}
          defaultCellule={defaultCellule}
        />
      )}
      <div className="vigie-toolbar vigie-toolbar--spread">
        <VerifyBadge crisisId={crisisId} entries={entries} />
        <div className="vigie-toolbar__group" role="group" aria-label={tc.logbook.export}>
          <Button
            size="small"
            priority="tertiary"
            iconId="fr-icon-download-line"
            onClick={() => exportAs('csv')}
            nativeButtonProps={testId('logbook-export-csv')}
          >
            {tc.logbook.exportCsv}
          </Button>
          <Button
            size="small"
            priority="tertiary"
            iconId="fr-icon-download-line"
            onClick={() => exportAs('pdf')}
            nativeButtonProps={testId('logbook-export-pdf')}
          >
            {tc.logbook.exportPdf}
          </Button>
        </div>
      </div>
      {exportError && <ApiErrorAlert error={exportError} />}
      {promote.error && <ApiErrorAlert error={promote.error} />}
      <div className="vigie-filters" role="group" aria-label={tc.logbook.filters}>
        <Select
          label={tc.logbook.category}
          nativeSelectProps={{
            value: category,
            onChange: (e) => setCategory(e.target.value as LogbookEntry['category'] | ''),
            ...testId('logbook-filter-category'),
          }}
        >
          <option value="">{tc.logbook.allCategories}</option>
          {LOGBOOK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {LOGBOOK_CATEGORY_LABELS[c]}
            </option>
          ))}
        </Select>
        <Select
          label={tc.logbook.cellule}
          nativeSelectProps={{
            value: cellule,
            onChange: (e) => setCellule(e.target.value),
            ...testId('logbook-filter-cellule'),
          }}
        >
          <option value="">{tc.logbook.allCellules}</option>
          {cellulesUsed.map((c) => (
            <option key={c} value={c}>
              {celluleLabel(c)}
            </option>
          ))}
        </Select>
      </div>
      <Checkbox
        small
        options={[
          {
            label: tc.logbook.onlyPromoted,
            nativeInputProps: {
              checked: onlyPromoted,
              onChange: (e) => setOnlyPromoted(e.target.checked),
              ...testId('logbook-filter-promoted'),
            },
          },
        ]}
      />
      {logbook.error && <ApiErrorAlert error={logbook.error} focus={false} />}
      <p
        className={fr.cx('fr-text--sm', 'fr-mb-1w')}
        aria-live="polite"
        data-testid="logbook-count"
      >
        {logbook.isPending ? '…' : tc.logbook.count(filtered.length, entries.length)}
      </p>
      {!logbook.isPending && filtered.length === 0 ? (
        <p className={fr.cx('fr-text--sm')}>{tc.logbook.empty}</p>
      ) : (
        <ol
          className="vigie-timeline"
          aria-label={tc.logbook.listLabel}
          data-testid="logbook-timeline"
        >
          {shown.map((entry) => (
            <LogbookEntryRow
              key={entry.id}
              entry={entry}

              correctedIndex={
                entry.correctsEntryId ? (indexById.get(entry.correctsEntryId) ?? null) : null
              }
              canPromote={canPromote}
              promoting={promoting && promotingEntry?.id === entry.id}
              onPromote={onPromote}
              now={now}
            />
          ))}
        </ol>
      )}
      {filtered.length > limit && (
        <Button priority="tertiary" size="small" onClick={() => setLimit((l) => l + PAGE)}>
          {tc.logbook.showMore(Math.min(PAGE, filtered.length - limit))}
        </Button>
      )}
    </div>
  );
}
