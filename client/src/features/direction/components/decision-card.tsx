import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Decision } from '@contracts/direction';
import { useId, useState } from 'react';
import { formatWhen } from '@/lib/format';
import { useAnswerDecision, useComplementDecision } from '../api';
import { DECISION_STATUS_LABELS, td } from '../i18n';

interface Props {
  decision: Decision;
  /** The authority answers in one tap; the COD completes when asked. */
  canAnswer: boolean;
  canComplement: boolean;
}

/** A decision waiting for the authority: the question, its context and one button per answer. */
export function DecisionCard({ decision, canAnswer, canComplement }: Props) {
  const answer = useAnswerDecision();
  const complement = useComplementDecision();
  const [note, setNote] = useState('');
  const [mode, setMode] = useState<'idle' | 'more' | 'complement'>('idle');
  const titleId = useId();
  const open = decision.status === 'pending' || decision.status === 'more_info';
  const busy = answer.isPending || complement.isPending;
  const error = answer.error ?? complement.error;

  return (
    <article
      className="vigie-direction__decision"
      aria-labelledby={titleId}
      data-testid="decision-card"
      data-decision-id={decision.id}
      data-status={decision.status}
    >
      <p className={fr.cx('fr-mb-1v')}>
        {decision.urgency === 'urgente' && (
          <Badge severity="error" small className={fr.cx('fr-mr-1v')}>
            Urgente
          </Badge>
        )}
        {decision.exercise && (
          <Badge severity="warning" small className={fr.cx('fr-mr-1v')}>
            {td.exercise}
          </Badge>
        )}
        <Badge severity={decision.status === 'approved' ? 'success' : decision.status === 'rejected' ? 'error' : 'info'} small noIcon>
          {DECISION_STATUS_LABELS[decision.status]}
        </Badge>
      </p>
      <h3 id={titleId} className={fr.cx('fr-h6', 'fr-mb-1v')}>
        {decision.question}
      </h3>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>
        {decision.crisisTitle} · {td.requestedBy(decision.requestedByName, formatWhen(decision.requestedAt))}
        {decision.remindedAt ? ` · ${td.reminded}` : ''}
      </p>
      {decision.context && <p className={fr.cx('fr-text--sm', 'fr-mb-1w')} style={{ whiteSpace: 'pre-line' }}>{decision.context}</p>}
      {!open && decision.answeredByName && decision.answeredAt && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-0')} data-testid="decision-answer">
          {td.answered(DECISION_STATUS_LABELS[decision.status], decision.answeredByName, formatWhen(decision.answeredAt))}
          {decision.chosenOption !== null && ` — ${td.chosen(decision.options[decision.chosenOption] ?? '?')}`}
          {decision.answerNote && ` — « ${decision.answerNote} »`}
        </p>
      )}
      {decision.status === 'more_info' && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
          <strong>{td.waitingComplement}</strong>
          {decision.history.at(-1)?.note ? ` : « ${decision.history.at(-1)?.note} »` : ''}
        </p>
      )}
      {open && canAnswer && (
        <div className="vigie-direction__answers">
          {decision.options.map((option, i) => (
            <Button
              key={option}
              disabled={busy}
              iconId="fr-icon-check-line"
              onClick={() => answer.mutate({ id: decision.id, answer: 'approve', optionIndex: i, note: note.trim() || undefined })}
            >
              {td.approve(option)}
            </Button>
          ))}
          <Button
            priority="secondary"
            disabled={busy}
            iconId="fr-icon-close-line"
            onClick={() => answer.mutate({ id: decision.id, answer: 'reject', note: note.trim() || undefined })}
          >
            {td.reject}
          </Button>
          {decision.status === 'pending' && mode !== 'more' && (
            <Button priority="tertiary" disabled={busy} onClick={() => setMode('more')}>
              {td.moreInfo}
            </Button>
          )}
          <Input
            label={mode === 'more' ? td.moreInfoNote : td.note}
            textArea
            nativeTextAreaProps={{ value: note, onChange: (e) => setNote(e.target.value), rows: 2, maxLength: 2000 }}
          />
          {mode === 'more' && (
            <Button
              priority="secondary"
              disabled={busy || note.trim().length < 3}
              onClick={() => answer.mutate({ id: decision.id, answer: 'more_info', note: note.trim() }, { onSuccess: () => setMode('idle') })}
            >
              {td.send}
            </Button>
          )}
        </div>
      )}
      {decision.status === 'more_info' && canComplement && !canAnswer && (
        <div className="vigie-direction__answers">
          {mode === 'complement' ? (
            <>
              <Input
                label={td.complement}
                textArea
                nativeTextAreaProps={{ value: note, onChange: (e) => setNote(e.target.value), rows: 3, maxLength: 4000 }}
              />
              <Button
                disabled={busy || note.trim().length < 3}
                onClick={() =>
                  complement.mutate(
                    { id: decision.id, note: note.trim() },
                    {
                      onSuccess: () => {
                        setNote('');
                        setMode('idle');
                      },
                    },
                  )
                }
              >
                {td.send}
              </Button>
            </>
          ) : (
            <Button priority="secondary" onClick={() => setMode('complement')}>
              {td.complement}
            </Button>
          )}
        </div>
      )}
      {error && <Alert small severity="error" description={error.message} className={fr.cx('fr-mt-1w')} />}
    </article>
  );
}
