import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { MapFeature } from '@contracts/crisis';
import { PAGE_SEVERITIES, type Channel, type Contact, type PageSeverity } from '@contracts/paging';
import { useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useCommunes, useGroups, usePreviewRecipients, useSendPage } from '../../api';
import { PAGE_SEVERITY_HINTS, PAGE_SEVERITY_LABELS, tp } from '../../i18n';
import { communeLabel, indexCommunes } from '../../lib/communes';
import {
  COMPOSE_FIELDS,
  DEFAULT_ESCALATION_MIN,
  MESSAGE_MAX,
  validatePage,
  type ComposeErrors,
} from '../../lib/compose';
import { newIdempotencyKey } from '../../lib/idempotency';
import {
  describeRecipientProblem,
  EMPTY_RECIPIENTS,
  toRecipientsSpec,
  type Lookups,
  type RecipientsDraft,
} from '../../lib/recipients';
import { testId } from '../../lib/test-id';
import type { CrisisRef } from '../pages-list';
import { CommunePicker } from './commune-picker';
import { ContactPicker } from './contact-picker';
import { DeliveryOptions } from './delivery-options';
import { GroupPicker } from './group-picker';
import { PerimeterPicker } from './perimeter-picker';
import { RecipientsPreviewPanel } from './recipients-preview';
import { isKeyReused, SendError } from './send-error';
import { ServicePicker, type ServiceOption } from './service-picker';
import '../../styles/paging.css';

const DEFAULT_CHANNELS: Channel[] = ['sms', 'email', 'inapp'];

export interface ComposeFormProps {
  crises: readonly CrisisRef[];
  services: readonly ServiceOption[];
  /** The crisis the page is linked to ('' none): its map features are the perimeters offered. */
  crisisId: string;
  onCrisisChange: (crisisId: string) => void;
  features: readonly MapFeature[];
  featuresLoading: boolean;
  onSent: (pageId: string) => void;
  onCancel: () => void;
}

/**
 * « Nouvelle alerte »: the message, the recipients (people, groups, services on duty, mayors of
 * communes or of a perimeter), channels and acknowledgement; a preview of who will be reached;
 * then the send, with an `Idempotency-Key` kept across retries of this form.
 */
export function ComposeForm({
  crises,
  services,
  crisisId,
  onCrisisChange,
  features,
  featuresLoading,
  onSent,
  onCancel,
}: ComposeFormProps) {
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [severity, setSeverity] = useState<PageSeverity>('alerte');
  const [channels, setChannels] = useState<Channel[]>(DEFAULT_CHANNELS);
  const [ackRequired, setAckRequired] = useState(true);
  const [escalationMin, setEscalationMin] = useState(String(DEFAULT_ESCALATION_MIN));
  const [recipients, setRecipients] = useState<RecipientsDraft>(EMPTY_RECIPIENTS);
  const [errors, setErrors] = useState<ComposeErrors>({});
  // one key per page being composed: a retry of this form never creates a second page
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const titleRef = useRef<HTMLInputElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const recipientsRef = useRef<HTMLDivElement>(null);
  const channelsRef = useRef<HTMLDivElement>(null);
  const escalationRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  const communesQuery = useCommunes();
  const communes = useMemo(
    () => (communesQuery.data ? indexCommunes(communesQuery.data) : null),
    [communesQuery.data],
  );
  const groups = useGroups();
  const preview = usePreviewRecipients();
  const send = useSendPage();

  const openCrises = crises.filter((c) => c.status === 'open');
  const linkedCrisis = openCrises.find((c) => c.id === crisisId) ?? null;
  const spec = useMemo(() => toRecipientsSpec(recipients), [recipients]);
  const specKey = JSON.stringify(spec);
  const previewStale =
    preview.variables !== undefined && JSON.stringify(preview.variables) !== specKey;
  const previewReady = preview.isSuccess && !previewStale;

  const lookups: Lookups = {
    contacts: new Map(recipients.contacts.map((c) => [c.id, c.name])),
    groups: new Map((groups.data ?? []).map((g) => [g.id, g.name])),
    services: new Map(services.map((s) => [s.id, `${s.name} (${s.code})`])),
    communes,
  };
  const servicesById = new Map(services.map((s) => [s.id, s]));
  const describeContact = (c: Contact) =>
    c.communeInsee
      ? communeLabel(communes, c.communeInsee)
      : c.serviceId
        ? (servicesById.get(c.serviceId)?.code ?? null)
        : null;

  const messageLength = message.trim().length;
  const messageOver = messageLength > MESSAGE_MAX;

  /** The request body, or the fields to fix (the first one focused). */
  const validate = () => {
    const { body, errors: found } = validatePage({
      title,
      message,
      severity,
      channels,
      ackRequired,
      escalationMin,
      recipients: spec,
      crisisId: linkedCrisis?.id ?? null,
    });
    setErrors(found ?? {});
    const first = found && COMPOSE_FIELDS.find((f) => found[f]);
    if (first) {
      const target = {
        title: titleRef.current,
        message: messageRef.current,
        recipients: recipientsRef.current,
        channels: channelsRef.current?.querySelector('input'),
        escalation: escalationRef.current,
      }[first];
      target?.focus();
    }
    return body;
  };

  const onPreview = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!validate()) return;
    preview.mutate(spec, { onSuccess: () => previewRef.current?.focus() });
  };

  const onSend = () => {
    const body = validate();
    if (!body || !previewReady || send.isPending) return;
    send.mutate(
      { body, idempotencyKey },
      {
        onSuccess: ({ id }) => {
          setIdempotencyKey(newIdempotencyKey());
          onSent(id);
        },
      },
    );
  };

  const keyReused = isKeyReused(send.error);
  const sentSpec = send.variables?.body.recipients ?? spec;
  const previewedSpec = preview.variables ?? spec;

  const setRecipient = <K extends keyof RecipientsDraft>(key: K, value: RecipientsDraft[K]) => {
    setRecipients((r) => ({ ...r, [key]: value }));
    setErrors((e) => ({ ...e, recipients: undefined }));
  };

  return (
    <form
      onSubmit={onPreview}
      noValidate
      className="vigie-paging-compose"
      aria-labelledby="vigie-paging-compose-title"
      data-testid="paging-compose"
    >
      <h1 id="vigie-paging-compose-title" className={fr.cx('fr-h2', 'fr-mb-1w')}>
        {tp.compose.title}
      </h1>
      <p className={fr.cx('fr-text--sm')}>{tp.compose.intro}</p>

      <section className="vigie-paging-section" aria-labelledby="vigie-paging-s1">
        <h2 id="vigie-paging-s1" className={fr.cx('fr-h5')}>
          1. {tp.compose.message}
        </h2>
        <Select
          label={tp.compose.crisis}
          hint={tp.compose.crisisHint}
          nativeSelectProps={{
            name: 'crisisId',
            value: linkedCrisis?.id ?? '',
            onChange: (e) => {
              onCrisisChange(e.target.value);
              setRecipient('featureId', '');
            },
            ...testId('paging-crisis'),
          }}
        >
          <option value="">{tp.compose.noCrisis}</option>
          {openCrises.map((c) => (
            <option key={c.id} value={c.id}>
              {c.exercise ? `[${tp.exercise}] ` : ''}
              {c.title}
            </option>
          ))}
        </Select>
        {linkedCrisis?.exercise && (
          <Alert
            severity="info"
            small
            description={tp.compose.exerciseNotice}
            className={fr.cx('fr-mb-3w')}
          />
        )}
        <RadioButtons
          legend={tp.compose.severity}
          name="severity"
          orientation="horizontal"
          options={PAGE_SEVERITIES.map((s) => ({
            label: PAGE_SEVERITY_LABELS[s],
            hintText: PAGE_SEVERITY_HINTS[s],
            nativeInputProps: {
              value: s,
              checked: severity === s,
              onChange: () => setSeverity(s),
              ...testId(`paging-severity-${s}`),
            },
          }))}
        />
        <Input
          label={tp.compose.titleLabel}
          hintText={tp.compose.titleHint}
          state={errors.title ? 'error' : 'default'}
          stateRelatedMessage={errors.title}
          nativeInputProps={{
            ref: titleRef,
            name: 'title',
            required: true,
            maxLength: 160,
            value: title,
            onChange: (e) => {
              setTitle(e.target.value);
              if (errors.title) setErrors((x) => ({ ...x, title: undefined }));
            },
            ...testId('paging-title'),
          }}
        />
        <Input
          textArea
          label={tp.compose.messageLabel}
          hintText={tp.compose.messageHint}
          state={errors.message || messageOver ? 'error' : 'default'}
          stateRelatedMessage={
            messageOver ? tp.compose.counterOver(messageLength - MESSAGE_MAX) : errors.message
          }
          nativeTextAreaProps={{
            ref: messageRef,
            name: 'message',
            required: true,
            rows: 6,
            value: message,
            onChange: (e) => {
              setMessage(e.target.value);
              if (errors.message) setErrors((x) => ({ ...x, message: undefined }));
            },
            ...testId('paging-message'),
          }}
        />
        <p
          className={`vigie-paging-counter${messageOver ? ' vigie-paging-counter--over' : ''}`}
          aria-hidden="true"
          data-testid="paging-message-counter"
        >
          {tp.compose.counter(messageLength, MESSAGE_MAX)}
        </p>
      </section>

      <section className="vigie-paging-section" aria-labelledby="vigie-paging-s2">
        <h2 id="vigie-paging-s2" className={fr.cx('fr-h5', 'fr-mb-1w')}>
          2. {tp.compose.recipients}
        </h2>
        <p className={fr.cx('fr-text--sm')}>{tp.compose.recipientsHint}</p>
        <div
          ref={recipientsRef}
          tabIndex={-1}
          className={`vigie-paging-pickers${errors.recipients ? ' vigie-paging-pickers--error' : ''}`}
          aria-describedby={errors.recipients ? 'vigie-paging-recipients-error' : undefined}
        >
          {errors.recipients && (
            <p
              id="vigie-paging-recipients-error"
              className={fr.cx('fr-error-text', 'fr-mt-0', 'fr-mb-2w')}
            >
              {errors.recipients}
            </p>
          )}
          <ContactPicker
            selected={recipients.contacts}
            onChange={(v) => setRecipient('contacts', v)}
            describe={describeContact}
          />
          <CommunePicker
            communes={communes}
            selected={recipients.communeInsee}
            onChange={(v) => setRecipient('communeInsee', v)}
          />
          <ServicePicker
            services={services}
            serviceIds={recipients.serviceIds}
            onChange={(v) => setRecipient('serviceIds', v)}
          />
          <GroupPicker
            groupIds={recipients.groupIds}
            onChange={(v) => setRecipient('groupIds', v)}
          />
          <PerimeterPicker
            crisisLinked={linkedCrisis !== null}
            features={features}
            loading={featuresLoading}
            featureId={recipients.featureId}
            onChange={(v) => setRecipient('featureId', v)}
          />
        </div>
      </section>

      <section className="vigie-paging-section" aria-labelledby="vigie-paging-s3">
        <h2 id="vigie-paging-s3" className={fr.cx('fr-h5')}>
          3. {tp.compose.channels} et {tp.compose.ack.toLowerCase()}
        </h2>
        <DeliveryOptions
          channels={channels}
          onChannelsChange={(next) => {
            setChannels(next);
            setErrors((x) => ({ ...x, channels: undefined }));
          }}
          ackRequired={ackRequired}
          onAckRequiredChange={setAckRequired}
          escalationMin={escalationMin}
          onEscalationMinChange={(value) => {
            setEscalationMin(value);
            setErrors((x) => ({ ...x, escalation: undefined }));
          }}
          errors={errors}
          channelsRef={channelsRef}
          escalationRef={escalationRef}
        />
      </section>

      <ul
        className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}
      >
        <li>
          <Button
            type="submit"
            priority={previewReady ? 'secondary' : 'primary'}
            iconId="fr-icon-team-line"
            disabled={preview.isPending}
            nativeButtonProps={{ 'aria-busy': preview.isPending, ...testId('paging-preview-run') }}
          >
            {tp.compose.previewRun}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={onCancel}>
            {tp.compose.cancel}
          </Button>
        </li>
      </ul>

      <div ref={previewRef} tabIndex={-1} className="vigie-paging-focus-target">
        <RecipientsPreviewPanel
          preview={preview.data}
          pending={preview.isPending}
          error={preview.error}
          stale={previewStale}
          channels={channels}
          communes={communes}
          describeDetail={(d) => describeRecipientProblem(d, previewedSpec, lookups)}
        >
          {send.error && (
            <SendError
              error={send.error}
              describeDetail={(d) => describeRecipientProblem(d, sentSpec, lookups)}
              onStartOver={() => {
                setIdempotencyKey(newIdempotencyKey());
                send.reset();
              }}
            />
          )}
          {!keyReused && (
            <Button
              type="button"
              size="large"
              iconId="fr-icon-send-plane-fill"
              className={fr.cx('fr-mt-2w')}
              onClick={onSend}
              disabled={send.isPending}
              nativeButtonProps={{ 'aria-busy': send.isPending, ...testId('paging-send') }}
            >
              {send.isPending
                ? tp.compose.sending
                : tp.compose.send(preview.data?.counts.targets ?? 0)}
            </Button>
          )}
        </RecipientsPreviewPanel>
      </div>
    </form>
  );
}
