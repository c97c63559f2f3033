import { fr, type FrIconClassName } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { COD_LEVEL_LABELS, type CodLevel, type Crisis } from '@contracts/crisis';
import { useState } from 'react';
import { useCodState } from '../api';
import { formatFull, formatSince } from '@/lib/format';
import { useNow } from '../hooks/use-now';
import { tc } from '../i18n';
import '../styles/console.css';
import { COD_BANNER_ID, CodTransitionModal, openCodTransition } from './cod-transition-modal';
import { rememberOpener } from './focus-return';

/** Colour family of a level: veille (blue-grey), pré-alerte (yellow-orange), activé (red). */
export function codTone(level: CodLevel): 'veille' | 'pre-alerte' | 'active' {
  if (level === 'veille') return 'veille';
  if (level === 'pre_alerte') return 'pre-alerte';
  return 'active';
}

const ICONS: Record<CodLevel, FrIconClassName> = {
  veille: 'fr-icon-eye-line',
  pre_alerte: 'fr-icon-warning-line',
  active_restreint: 'fr-icon-alarm-warning-fill',
  active_elargi: 'fr-icon-alarm-warning-fill',
};

interface CodBannerProps {
  /** The crisis shown by the console: the one an activation engages the COD on. */
  selectedCrisis: Crisis | null;
  crises: readonly Crisis[];
}

/** The COD level, since when and by whom, its crisis, and the transitions this user may make. */
export function CodBanner({ selectedCrisis, crises }: CodBannerProps) {
  const { data: cod } = useCodState();
  const now = useNow();
  const [target, setTarget] = useState<CodLevel | null>(null);

  if (!cod) {
    return (
      <section className="vigie-cod vigie-cod--veille" data-testid="cod-banner" aria-busy="true">
        <p className={fr.cx('fr-m-0')}>{tc.cod.region}…</p>
      </section>
    );
  }

  const linked = crises.find((c) => c.id === cod.crisisId) ?? null;
  const label = COD_LEVEL_LABELS[cod.level];

  return (
    <>
      <section
        id={COD_BANNER_ID}
        tabIndex={-1}
        className={`vigie-cod vigie-cod--${codTone(cod.level)}`}
        aria-labelledby="vigie-cod-heading"
        data-testid="cod-banner"
        data-level={cod.level}
      >
        <h2 id="vigie-cod-heading" className={fr.cx('fr-sr-only')}>
          {tc.cod.region}
        </h2>
        <div className="vigie-cod__state" role="status" aria-live="polite" aria-atomic="true">
          <span className="vigie-cod__level" data-testid="cod-level">
            <span className={fr.cx(ICONS[cod.level], 'fr-icon--sm')} aria-hidden="true" />
            {label}
          </span>
          <span className="vigie-cod__meta">
            <time dateTime={cod.since} title={formatFull(cod.since)} data-testid="cod-since">
              {formatSince(cod.since, new Date(now))}
            </time>
            {cod.changedBy && <span> · {tc.cod.by(cod.changedBy.displayName)}</span>}
          </span>
        </div>
        <div className="vigie-cod__context">
          <span data-testid="cod-crisis">
            <span className="vigie-cod__key">{tc.cod.crisis} : </span>
            {linked ? linked.title : tc.cod.noCrisisLinked}
            {linked?.exercise && (
              <strong className="vigie-cod__exercise"> {tc.console.exercise}</strong>
            )}
          </span>
          {cod.reason && (
            <span className="vigie-cod__reason" title={cod.reason}>
              <span className="vigie-cod__key">{tc.cod.reason} : </span>
              {cod.reason}
            </span>
          )}
        </div>
        {cod.allowedTransitions.length > 0 && (
          <div className="vigie-cod__actions" role="group" aria-label={tc.cod.actions}>
            {cod.allowedTransitions.map((to) => (
              <Button
                key={to}
                size="small"
                priority={
                  codTone(to) === 'active' && codTone(cod.level) !== 'active'
                    ? 'primary'
                    : 'secondary'
                }
                className="vigie-cod__button"
                nativeButtonProps={{ 'data-testid': `cod-transition-${to}` }}
                onClick={(event) => {
                  rememberOpener(event.currentTarget);
                  setTarget(to);
                  openCodTransition();
                }}
              >
                {tc.cod.transitionTo(COD_LEVEL_LABELS[to])}
              </Button>
            ))}
          </div>
        )}
      </section>
      {/* outside the coloured banner (the dialog must not inherit its colours); only for those
          who may change the level, and kept once used (it closes itself after a transition) */}
      {(cod.allowedTransitions.length > 0 || target !== null) && (
        <CodTransitionModal
          from={cod.level}
          to={target}
          crisis={linked ?? selectedCrisis}
          needsCrisis={cod.crisisId === null}
        />
      )}
    </>
  );
}
