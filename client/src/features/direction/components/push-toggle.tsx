import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { usePushState, useTogglePush } from '../api';
import { td } from '../i18n';

/** Web push on this device: say its state, switch it on or off. */
export function PushToggle() {
  const state = usePushState();
  const toggle = useTogglePush();
  const value = state.data ?? 'unsupported';
  const text = { on: td.pushOn, off: td.pushOff, denied: td.pushDenied, unsupported: td.pushUnsupported }[value];
  return (
    <div data-testid="push-toggle" data-state={value}>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')} role="status">
        {text}
      </p>
      {(value === 'on' || value === 'off') && (
        <Button size="small" priority={value === 'on' ? 'secondary' : 'primary'} disabled={toggle.isPending} onClick={() => toggle.mutate(value === 'off')}>
          {value === 'on' ? td.pushDisable : td.pushEnable}
        </Button>
      )}
      {toggle.error && <Alert small severity="error" description={toggle.error.message} className={fr.cx('fr-mt-1w')} />}
    </div>
  );
}
