import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  COMPLIANCE_LABELS,
  REQUESTER_LABELS,
  SETTLEMENT_ACTION_LABELS,
  SETTLEMENT_STATUS_LABELS,
  type Settlement,
} from '@contracts/travellers';
import { useState } from 'react';
import { downloadDocument, useSettlement, type SettlementDocument } from '../api/travellers';
import { tt } from '../i18n';
import { formatDateTime, formatDay, timeLeft } from '../lib/format';
import { ErrorDetails, QueryState } from './query-state';
import { ActionForm, FactsForm } from './settlement-forms';

/** One procedure as a guided workflow: preconditions, delays, next step, documents, history. */
export function SettlementDetail({
  id,
  canEdit,
  onBack,
}: {
  id: string;
  canEdit: boolean;
  onBack: () => void;
}) {
  const settlement = useSettlement(id);
  return (
    <section data-testid="travellers-settlement-detail">
      <Button priority="tertiary" size="small" iconId="fr-icon-arrow-left-line" onClick={onBack}>
        {tt.settlements.back}
      </Button>
      <QueryState query={settlement}>{(s) => <Detail s={s} canEdit={canEdit} />}</QueryState>
    </section>
  );
}

function Detail({ s, canEdit }: { s: Settlement; canEdit: boolean }) {
  const now = new Date();
  const editable = canEdit && (s.status === 'constate' || s.status === 'demande_recue');
  const [docError, setDocError] = useState<unknown>(null);
  const download = (kind: SettlementDocument) => {
    setDocError(null);
    downloadDocument(s.id, kind).catch(setDocError);
  };
  const noticed = s.noticeNumber !== null;
  return (
    <>
      <h2 className={fr.cx('fr-h4', 'fr-mt-2w')}>
        {s.reference} — {s.communeName}{' '}
        <Badge severity="info" data-testid="travellers-settlement-status">
          {SETTLEMENT_STATUS_LABELS[s.status]}
        </Badge>
      </h2>
      <p>
        {s.place} · {s.caravans} caravanes ·{' '}
        {s.landKind === 'prive'
          ? `${tt.settlements.landPrivate}${s.landOwner ? ` (${s.landOwner})` : ''}`
          : tt.settlements.landPublic}
        {s.groupName ? ` · ${s.groupName}` : ''} · {tt.settlements.observed}{' '}
        {formatDateTime(s.observedAt)}
      </p>
      {s.status === 'recours_pendant' && (
        <Alert
          severity="warning"
          small
          description={tt.settlements.evictionBlocked}
          data-testid="travellers-eviction-blocked"
        />
      )}
      {s.applicableNotices.map((n) => (
        <Alert
          key={n.id}
          severity="info"
          small
          description={tt.settlements.applicable(n.reference, formatDateTime(n.reuseUntil))}
        />
      ))}

      <div className="vigie-gdv-columns">
        <div>
          <h3 className={fr.cx('fr-h6')}>{tt.settlements.preconditionsTitle}</h3>
          <ul className="vigie-gdv-checklist" data-testid="travellers-preconditions">
            {s.preconditions.map((p) => (
              <li key={p.key} data-met={p.met}>
                <span
                  className={fr.cx(
                    p.met ? 'fr-icon-checkbox-circle-fill' : 'fr-icon-close-circle-fill',
                  )}
                  aria-hidden="true"
                />{' '}
                <strong>{p.met ? tt.settlements.met : tt.settlements.missing}</strong> : {p.label}
                {p.detail && <div className={fr.cx('fr-text--xs', 'fr-mb-0')}>{p.detail}</div>}
              </li>
            ))}
          </ul>
          {s.requester && (
            <p className={fr.cx('fr-text--sm')}>
              {tt.settlements.requester} : {REQUESTER_LABELS[s.requester]}{' '}
              {s.requesterName ? `(${s.requesterName})` : ''}
            </p>
          )}
          {s.compliance && (
            <p className={fr.cx('fr-text--sm')}>
              {COMPLIANCE_LABELS[s.compliance]}
              {s.banOrderDate ? ` · arrêté municipal du ${formatDay(s.banOrderDate)}` : ''}
            </p>
          )}
        </div>
        <div>
          <h3 className={fr.cx('fr-h6')}>{tt.settlements.deadlinesTitle}</h3>
          <dl className="vigie-gdv-deadlines" data-testid="travellers-deadlines">
            {s.executionDeadline && (
              <>
                <dt>{tt.settlements.executionDeadline}</dt>
                <dd>
                  {formatDateTime(s.executionDeadline)} ({timeLeft(s.executionDeadline, now)}) —{' '}
                  {s.delayHours} h après la notification du {formatDateTime(s.notifiedAt)}
                </dd>
              </>
            )}
            {s.appealRulingDeadline && (
              <>
                <dt>{tt.settlements.rulingDeadline}</dt>
                <dd>
                  {formatDateTime(s.appealRulingDeadline)}
                  {s.appealOutcome
                    ? ` — ${s.appealOutcome === 'rejete' ? tt.settlements.outcomeRejected : tt.settlements.outcomeAnnulled}`
                    : ''}
                </dd>
              </>
            )}
            {s.reuseUntil && (
              <>
                <dt>{tt.settlements.reuseUntil}</dt>
                <dd>{formatDateTime(s.reuseUntil)}</dd>
              </>
            )}
            {!s.executionDeadline && <dd>—</dd>}
          </dl>
          <h3 className={fr.cx('fr-h6')}>{tt.settlements.documentsTitle}</h3>
          <div className="vigie-gdv-actions">
            <Button
              size="small"
              priority="secondary"
              iconId="fr-icon-file-pdf-line"
              disabled={!noticed}
              onClick={() => download('mise-en-demeure')}
            >
              {tt.settlements.documentMd}
            </Button>
            <Button
              size="small"
              priority="secondary"
              iconId="fr-icon-file-pdf-line"
              disabled={
                !noticed ||
                (s.status !== 'mise_en_demeure' && s.status !== 'evacue') ||
                (s.status === 'mise_en_demeure' &&
                  !!s.executionDeadline &&
                  Date.parse(s.executionDeadline) > now.getTime())
              }
              onClick={() => download('evacuation')}
            >
              {tt.settlements.documentEvacuation}
            </Button>
          </div>
          <ErrorDetails error={docError} title={tt.settlements.refused} />
        </div>
      </div>

      {editable && <FactsForm s={s} />}
      {canEdit && s.nextActions.length > 0 && <ActionForm key={`${s.id}:${s.version}`} s={s} />}

      <h3 className={fr.cx('fr-h6', 'fr-mt-3w')}>{tt.settlements.historyTitle}</h3>
      <ol className="vigie-gdv-history" data-testid="travellers-history">
        {s.history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)} —{' '}
            {h.action === 'created'
              ? 'Constat enregistré'
              : h.action === 'updated'
                ? 'Faits complétés'
                : SETTLEMENT_ACTION_LABELS[h.action]}
            {h.from && h.from !== h.to
              ? ` (${SETTLEMENT_STATUS_LABELS[h.from]} → ${SETTLEMENT_STATUS_LABELS[h.to]})`
              : ''}{' '}
            — {h.byName}
            {h.note ? ` — ${h.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
