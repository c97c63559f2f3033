import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { CHANNELS, type Channel } from '@contracts/paging';
import type { Ref } from 'react';
import { CHANNEL_LABELS, tp } from '../../i18n';
import type { ComposeErrors } from '../../lib/compose';
import { testId } from '../../lib/test-id';

interface DeliveryOptionsProps {
  channels: readonly Channel[];
  onChannelsChange: (next: Channel[]) => void;
  ackRequired: boolean;
  onAckRequiredChange: (value: boolean) => void;
  escalationMin: string;
  onEscalationMinChange: (value: string) => void;
  errors: ComposeErrors;
  channelsRef: Ref<HTMLDivElement>;
  escalationRef: Ref<HTMLInputElement>;
}

/** Channels, acknowledgement required, and the delay before escalation. */
export function DeliveryOptions({
  channels,
  onChannelsChange,
  ackRequired,
  onAckRequiredChange,
  escalationMin,
  onEscalationMinChange,
  errors,
  channelsRef,
  escalationRef,
}: DeliveryOptionsProps) {
  return (
    <>
      <div ref={channelsRef}>
        <Checkbox
          legend={tp.compose.channels}
          hintText={tp.compose.channelsHint}
          orientation="horizontal"
          state={errors.channels ? 'error' : 'default'}
          stateRelatedMessage={errors.channels}
          options={CHANNELS.map((c) => ({
            label: CHANNEL_LABELS[c],
            nativeInputProps: {
              name: 'channels',
              value: c,
              checked: channels.includes(c),
              onChange: (e) =>
                onChannelsChange(
                  // kept in the contract's order
                  e.target.checked
                    ? CHANNELS.filter((x) => x === c || channels.includes(x))
                    : channels.filter((x) => x !== c),
                ),
              ...testId(`paging-channel-${c}`),
            },
          }))}
        />
      </div>
      <Checkbox
        options={[
          {
            label: tp.compose.ackRequired,
            hintText: tp.compose.ackRequiredHint,
            nativeInputProps: {
              name: 'ackRequired',
              checked: ackRequired,
              onChange: (e) => onAckRequiredChange(e.target.checked),
              ...testId('paging-ack-required'),
            },
          },
        ]}
      />
      {ackRequired && (
        <Input
          label={tp.compose.escalation}
          hintText={tp.compose.escalationHint}
          className="vigie-paging-narrow"
          state={errors.escalation ? 'error' : 'default'}
          stateRelatedMessage={errors.escalation}
          nativeInputProps={{
            ref: escalationRef,
            name: 'escalationMinutes',
            type: 'number',
            inputMode: 'numeric',
            min: 1,
            max: 1440,
            step: 1,
            value: escalationMin,
            onChange: (e) => onEscalationMinChange(e.target.value),
            ...testId('paging-escalation'),
          }}
        />
      )}
    </>
  );
}
