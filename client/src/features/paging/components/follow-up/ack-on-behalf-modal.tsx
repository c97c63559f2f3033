import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen';
import type { PageTarget } from '@contracts/paging';
import { useAcknowledge } from '../../api';
import { tp } from '../../i18n';
import { testId } from '../../lib/test-id';
import { ApiErrorAlert } from '../api-error-alert';

const modal = createModal({ id: 'vigie-paging-ack-on-behalf', isOpenedByDefault: false });

export const openAckOnBehalf = () => modal.open();

interface AckOnBehalfModalProps {
  pageId: string;
  target: PageTarget | null;
  onDone: (target: PageTarget) => void;
  /** After the dialog closed, whatever the outcome: where the focus goes back. */
  onClosed: () => void;
}

/** « Acquitter pour le compte de … », once the officer has reached the person by phone. */
export function AckOnBehalfModal({ pageId, target, onDone, onClosed }: AckOnBehalfModalProps) {
  const ack = useAcknowledge();
  useIsModalOpen(modal, {
    onDisclose: () => ack.reset(),
    onConceal: onClosed,
  });

  const confirm = () => {
    if (!target) return;
    ack.mutate(
      { pageId, targetId: target.id },
      {
        onSuccess: () => {
          onDone(target);
          modal.close();
        },
      },
    );
  };

  return (
    <modal.Component
      title={tp.ackModal.title}
      titleAs="h2"
      size="medium"
      iconId="fr-icon-phone-line"
    >
      <div data-testid="paging-ack-modal">
        {target && <p>{tp.ackModal.body(target.name)}</p>}
        {ack.error && <ApiErrorAlert error={ack.error} title={tp.ackModal.failed} />}
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--right')}>
          <li>
            <Button type="button" priority="secondary" onClick={() => modal.close()}>
              {tp.ackModal.cancel}
            </Button>
          </li>
          <li>
            <Button
              type="button"
              onClick={confirm}
              disabled={!target || ack.isPending}
              nativeButtonProps={{ 'aria-busy': ack.isPending, ...testId('paging-ack-confirm') }}
            >
              {tp.ackModal.confirm}
            </Button>
          </li>
        </ul>
      </div>
    </modal.Component>
  );
}
