import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { LOGBOOK_CATEGORY_LABELS, type LogbookEntry } from '@contracts/crisis';
import { memo } from 'react';
import { celluleLabel } from '../../cellules';
import { formatFull, formatStamp } from '@/lib/format';
import { tc } from '../../i18n';
import { testId } from '../test-id';

const CATEGORY_SEVERITY = {
  information: 'info',
  decision: 'error',
  action: 'success',
  demande: 'warning',
} as const;

interface LogbookEntryRowProps {
  entry: LogbookEntry;
  correctedIndex: number | null;
  canPromote: boolean;
  promoting: boolean;
  onPromote: (entry: LogbookEntry) => void;
  now: number;
}

/** One inscription; memoised so an append renders only the new row. */
export const LogbookEntryRow = memo(function LogbookEntryRow(props: LogbookEntryRowProps) {
  const { entry, correctedIndex, canPromote, promoting, onPromote, now } = props;
  const promoted = entry.promotedAt !== null;
  return (
    <li
      className={`vigie-entry vigie-entry--${entry.category}${entry.source === 'system' ? ' vigie-entry--system' : ''}${promoted ? ' vigie-entry--promoted' : ''}`}
      data-testid="logbook-entry"
      data-entry-id={entry.id}
      data-index={entry.index}
    >
      <div className="vigie-entry__head">
        <time
          dateTime={entry.recordedAt}
          title={formatFull(entry.recordedAt)}
          className="vigie-entry__time"
        >
          {formatStamp(entry.recordedAt, new Date(now))}
        </time>
        <Badge as="span" small noIcon severity={CATEGORY_SEVERITY[entry.category]}>
          {LOGBOOK_CATEGORY_LABELS[entry.category]}
        </Badge>
        <span className="vigie-entry__cellule">{celluleLabel(entry.cellule)}</span>
        <span className="vigie-entry__author">
          {entry.source === 'system' ? (
            <>
              <span
                className={fr.cx('fr-icon-settings-5-line', 'fr-icon--xs')}
                aria-hidden="true"
              />{' '}
              {tc.logbook.system}
            </>
          ) : (
            entry.authorName
          )}
        </span>
        <span className="vigie-entry__index">n° {entry.index}</span>
      </div>
      <p className="vigie-entry__text">{entry.text}</p>
      {(entry.occurredAt || correctedIndex !== null || promoted) && (
        <p className="vigie-entry__foot">
          {promoted && (
            <Badge as="span" small severity="success" className="vigie-badge">
              {tc.logbook.promoted}
            </Badge>
          )}
          {entry.occurredAt && (
            <time dateTime={entry.occurredAt} title={formatFull(entry.occurredAt)}>
              {tc.logbook.occurred(formatStamp(entry.occurredAt, new Date(now)))}
            </time>
          )}
          {correctedIndex !== null && <span>{tc.logbook.correction(correctedIndex)}</span>}
        </p>
      )}
      {canPromote && !promoted && (
        <Button
          size="small"
          priority="tertiary no outline"
          iconId="fr-icon-arrow-up-line"
          disabled={promoting}
          onClick={() => onPromote(entry)}
          className="vigie-entry__promote"
          nativeButtonProps={testId('logbook-promote')}
        >
          {tc.logbook.promote}
          <span className={fr.cx('fr-sr-only')}> (n° {entry.index})</span>
        </Button>
      )}
    </li>
  );
});
