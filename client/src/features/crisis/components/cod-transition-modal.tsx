import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen';
import { COD_LEVEL_LABELS, type CodLevel, type Crisis } from '@contracts/crisis';
import { useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { useCodTransition } from '../api';
import { tc } from '../i18n';
import { ApiErrorAlert } from './api-error-alert';
import { restoreFocus } from './focus-return';

const modal = createModal({ id: 'vigie-cod-transition', isOpenedByDefault: false });

export const openCodTransition = () => modal.open();

/** The banner takes the focus back when the button that opened the dialog is gone. */
export const COD_BANNER_ID = 'vigie-cod-banner';

/** The DSFR script ignores Échap while a field has the focus: a dialog still closes on it. */
const closeOnEscape = (event: KeyboardEvent<HTMLFormElement>) => {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  modal.close();
};

interface CodTransitionModalProps {
  from: CodLevel;
  to: CodLevel | null;
  /** The crisis the COD is (or will be) engaged on. */
  crisis: Crisis | null;
  /** Leaving veille: the transition names the crisis (the one the console shows). */
  needsCrisis: boolean;
}

/** Asks the reason of a COD transition (required, written to the main courante), then sends it. */
export function CodTransitionModal({ from, to, crisis, needsCrisis }: CodTransitionModalProps) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const transition = useCodTransition();

  useIsModalOpen(modal, {
    onDisclose: () => {
      setReason('');
      setInvalid(false);
      transition.reset();
      // the DSFR script focuses the close button first: the reason is what to type
      setTimeout(() => reasonRef.current?.focus(), 50);
    },
    onConceal: () => restoreFocus(() => document.getElementById(COD_BANNER_ID)),
  });

  const missingCrisis = needsCrisis && to !== 'veille' && !crisis;
  const title = to ? tc.cod.modalTitle(COD_LEVEL_LABELS[to]) : '';

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!to || missingCrisis) return;
    if (reason.trim().length < 3) {
      setInvalid(true);
      reasonRef.current?.focus();
      return;
    }
    transition.mutate(
      {
        to,
        reason: reason.trim(),
        ...(needsCrisis && to !== 'veille' && crisis ? { crisisId: crisis.id } : {}),
      },
      { onSuccess: () => modal.close() },
    );
  };

  return (
    <modal.Component title={title} titleAs="h2" size="medium" iconId="fr-icon-alarm-warning-line">
      <form
        onSubmit={onSubmit}
        onKeyDown={closeOnEscape}
        noValidate
        data-testid="cod-modal-form"
        aria-label={title}
      >
        <p className={fr.cx('fr-text--sm')}>
          {COD_LEVEL_LABELS[from]} → <strong>{to ? COD_LEVEL_LABELS[to] : ''}</strong>
        </p>
        {crisis && <p>{tc.cod.engagedOn(crisis.title)}</p>}
        {missingCrisis && <Alert severity="warning" small description={tc.cod.needCrisis} />}
        <Input
          textArea
          label={tc.cod.reasonLabel}
          hintText={tc.cod.reasonHint}
          state={invalid ? 'error' : 'default'}
          stateRelatedMessage={tc.cod.reasonRequired}
          nativeTextAreaProps={{
            ref: reasonRef,
            name: 'reason',
            required: true,
            rows: 3,
            maxLength: 2000,
            value: reason,
            onChange: (e) => {
              setReason(e.target.value);
              if (invalid && e.target.value.trim().length >= 3) setInvalid(false);
            },
            'aria-required': true,
          }}
        />
        {transition.error && <ApiErrorAlert error={transition.error} />}
        <ul
          className={fr.cx(
            'fr-btns-group',
            'fr-btns-group--icon-left',
            'fr-btns-group--inline-md',
            'fr-btns-group--right',
          )}
        >
          <li>
            <Button type="button" priority="secondary" onClick={() => modal.close()}>
              {tc.cod.cancel}
            </Button>
          </li>
          <li>
            <Button
              type="submit"
              disabled={transition.isPending || missingCrisis}
              nativeButtonProps={{
                'aria-busy': transition.isPending,
                'data-testid': 'cod-modal-confirm',
              }}
            >
              {tc.cod.confirm}
            </Button>
          </li>
        </ul>
      </form>
    </modal.Component>
  );
}
