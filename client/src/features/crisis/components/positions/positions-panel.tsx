import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Cellule, CodPosition } from '@contracts/crisis';
import { useMemo, useState, type SubmitEvent } from 'react';
import { usePositions, useSignIn, useSignOut, type ServiceRef } from '../../api';
import { celluleLabel, celluleOptions } from '../../cellules';
import { formatFull, formatStamp } from '@/lib/format';
import { useNow } from '../../hooks/use-now';
import { tc } from '../../i18n';
import type { Permissions } from '../../permissions';
import { ApiErrorAlert } from '../api-error-alert';
import { testId } from '../test-id';

const NO_POSITIONS: CodPosition[] = [];

interface PositionsPanelProps {
  services: readonly ServiceRef[];
  permissions: Permissions;
  defaultCellule: Cellule;
}

/** « En salle »: who holds which position in the COD room; take or leave one's own. */
export function PositionsPanel({ services, permissions, defaultCellule }: PositionsPanelProps) {
  const positions = usePositions();
  const signIn = useSignIn();
  const signOut = useSignOut();
  const now = useNow();
  const [cellule, setCellule] = useState<Cellule>(defaultCellule);
  const [fn, setFn] = useState('');
  const list = positions.data?.data ?? NO_POSITIONS;
  const mine = list.find((p) => p.userId === permissions.userId) ?? null;

  const byCellule = useMemo(() => {
    const groups = new Map<string, CodPosition[]>();
    for (const p of list) groups.set(p.cellule, [...(groups.get(p.cellule) ?? []), p]);
    // the COD's cellules in their usual order, then the liaison desks
    const order = celluleOptions(services).map((o) => o.value as string);
    const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
    return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  }, [list, services]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ cellule, ...(fn.trim() ? { function: fn.trim() } : {}) });
  };

  return (
    <div className="vigie-panel" data-testid="positions-panel">
      <h2 className={fr.cx('fr-sr-only')}>{tc.positions.heading}</h2>
      {permissions.canSitIn && mine && (
        <div className="vigie-card vigie-card--mine" data-testid="position-mine">
          <p className={fr.cx('fr-mb-1w')}>
            <strong>{tc.positions.you}</strong> : {celluleLabel(mine.cellule)}
            {mine.function ? ` (${mine.function})` : ''},{' '}
            {tc.positions.since(formatStamp(mine.signedInAt, new Date(now)))}
          </p>
          <Button
            size="small"
            priority="secondary"
            iconId="fr-icon-logout-box-r-line"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
            nativeButtonProps={testId('position-sign-out')}
          >
            {tc.positions.signOut}
          </Button>
        </div>
      )}
      {permissions.canSitIn && !mine && (
        <form
          className="vigie-card"
          onSubmit={onSubmit}
          aria-labelledby="vigie-position-form-title"
          data-testid="position-form"
        >
          <h3 id="vigie-position-form-title" className={fr.cx('fr-h6', 'fr-mb-1w')}>
            {tc.positions.signInTitle}
          </h3>
          <div className="vigie-form-row">
            <Select
              label={tc.positions.cellule}
              nativeSelectProps={{
                name: 'cellule',
                value: cellule,
                onChange: (e) => setCellule(e.target.value as Cellule),
                ...testId('position-cellule'),
              }}
            >
              {celluleOptions(services).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
            <Input
              label={tc.positions.function}
              hintText={tc.positions.functionHint}
              nativeInputProps={{
                name: 'function',
                maxLength: 120,
                value: fn,
                onChange: (e) => setFn(e.target.value),
              }}
            />
          </div>
          <Button
            type="submit"
            size="small"
            iconId="fr-icon-user-add-line"
            disabled={signIn.isPending}
            nativeButtonProps={testId('position-sign-in')}
          >
            {tc.positions.signIn}
          </Button>
        </form>
      )}
      {(signIn.error ?? signOut.error) && (
        <ApiErrorAlert error={(signIn.error ?? signOut.error) as Error} />
      )}
      <p
        className={fr.cx('fr-text--sm', 'fr-mb-1w')}
        aria-live="polite"
        data-testid="positions-count"
      >
        {list.length === 0 ? tc.positions.empty : tc.positions.count(list.length)}
      </p>
      {byCellule.map(([c, people]) => (
        <section key={c} className="vigie-room" aria-labelledby={`vigie-room-${c}`}>
          <h3 id={`vigie-room-${c}`} className="vigie-room__heading">
            {celluleLabel(c)}
          </h3>
          <ul className="vigie-room__list">
            {people.map((p) => (
              <li key={p.id} data-testid="position" data-user-id={p.userId}>
                <span className={fr.cx('fr-icon-user-line', 'fr-icon--sm')} aria-hidden="true" />{' '}
                <strong>{p.displayName}</strong>
                {p.function ? ` — ${p.function}` : ''}{' '}
                <time
                  className="vigie-room__since"
                  dateTime={p.signedInAt}
                  title={formatFull(p.signedInAt)}
                >
                  {tc.positions.since(formatStamp(p.signedInAt, new Date(now)))}
                </time>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
