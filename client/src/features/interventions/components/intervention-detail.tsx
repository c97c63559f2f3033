import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  LETTER_KINDS,
  OUTCOMES,
  type InterventionDetail,
  type InterventionStatus,
  type InterventionTransitionInput,
  type LetterKind,
} from '@contracts/interventions';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatFull } from '@/lib/format';
import {
  downloadFile,
  useCreateLetter,
  useIntervention,
  useInterventionTransition,
  useServicesDirectory,
} from '../api';
import {
  INTERVENTION_CHANNEL_LABELS,
  INTERVENTION_STATUS_LABELS,
  INTERVENTION_THEME_LABELS,
  LETTER_KIND_LABELS,
  OUTCOME_LABELS,
  SIGNATORY_LABELS,
  ti,
} from '../i18n';
import type { InterventionPermissions } from '../permissions';
import { DueBadge, ErrorAlert, frDate, StatusBadge, Table } from './common';

/** One intervention: its record, the moves the user may make, letters, reminders, history. */
export function InterventionDetailView({ can }: { can: InterventionPermissions }) {
  const { id = '' } = useParams();
  const query = useIntervention(id);
  if (query.error)
    return (
      <>
        <ErrorAlert error={query.error} />
        <Link to="/cabinet/interventions">{ti.back}</Link>
      </>
    );
  if (query.isPending) return <p role="status">{ti.loading}</p>;
  const item = query.data;
  const l = ti.detail.labels;
  const rows: [string, string][] = [
    [l.receivedOn, frDate(item.receivedOn)],
    [l.channel, INTERVENTION_CHANNEL_LABELS[item.channel]],
    [
      l.official,
      item.official
        ? `${item.official.name}${item.official.title ? ` — ${item.official.title}` : ''}`
        : ti.confidentialOfficial,
    ],
    [l.beneficiary, item.beneficiaryName],
    [l.theme, INTERVENTION_THEME_LABELS[item.theme]],
    [l.caseReference, item.caseReference ?? '—'],
    [l.service, item.serviceName ?? '—'],
    [l.transmittedOn, frDate(item.transmittedOn)],
    [l.dueDate, frDate(item.dueDate)],
    [l.elementsReceivedOn, frDate(item.elementsReceivedOn)],
    [l.signatory, SIGNATORY_LABELS[item.signatory]],
    [l.ackSentOn, frDate(item.ackSentOn)],
    [l.holdingReplySentOn, frDate(item.holdingReplySentOn)],
    [l.finalReplySentOn, frDate(item.finalReplySentOn)],
    [l.outcome, item.outcome ? OUTCOME_LABELS[item.outcome] : '—'],
  ];
  return (
    <article data-testid="intervention-detail" aria-labelledby="intervention-title">
      <p>
        <Link to="/cabinet/interventions">{ti.back}</Link>
      </p>
      <h2 id="intervention-title" className={fr.cx('fr-h4', 'fr-mb-1w')}>
        {item.reference} — {item.subject}
      </h2>
      <p>
        <StatusBadge status={item.status} />
        <DueBadge state={item.dueState} />
      </p>
      {item.escalatedAt && <p className={fr.cx('fr-error-text')}>{ti.detail.escalated}</p>}
      <dl className="vigie-intervention-fields">
        {rows.map(([label, value]) => (
          <div key={label} className={fr.cx('fr-grid-row', 'fr-mb-1v')}>
            <dt className={fr.cx('fr-col-12', 'fr-col-md-3', 'fr-text--bold')}>{label}</dt>
            <dd className={fr.cx('fr-col-12', 'fr-col-md-9', 'fr-m-0')}>{value}</dd>
          </div>
        ))}
      </dl>
      {item.allowedTransitions.length > 0 && <Actions item={item} />}
      {can.readAll && <Letters item={item} canEdit={can.edit} />}
      <h3 className={fr.cx('fr-h5', 'fr-mt-4w')}>{ti.detail.reminders}</h3>
      {item.reminders.length === 0 ? (
        <p>{ti.detail.noReminder}</p>
      ) : (
        <ul data-testid="intervention-reminders">
          {item.reminders.map((r) => (
            <li key={`${r.kind}-${r.dueDate}`}>
              {r.label} (échéance du {frDate(r.dueDate)}) — {formatFull(r.sentAt)}
            </li>
          ))}
        </ul>
      )}
      <h3 className={fr.cx('fr-h5', 'fr-mt-4w')}>{ti.detail.history}</h3>
      <Table
        caption={ti.detail.history}
        head={[
          ti.detail.historyCols.at,
          ti.detail.historyCols.move,
          ti.detail.historyCols.by,
          ti.detail.historyCols.note,
        ]}
      >
        {item.history.map((h, i) => (
          <tr key={`${h.at}-${i}`}>
            <td>{formatFull(h.at)}</td>
            <td>
              {h.from ? `${INTERVENTION_STATUS_LABELS[h.from]} → ` : ''}
              {INTERVENTION_STATUS_LABELS[h.to]}
              {h.serviceName ? ` (${h.serviceName})` : ''}
            </td>
            <td>{h.byName}</td>
            <td>{h.note ?? ''}</td>
          </tr>
        ))}
      </Table>
    </article>
  );
}

function Actions({ item }: { item: InterventionDetail }) {
  const move = useInterventionTransition(item.id);
  const services = useServicesDirectory();
  const [to, setTo] = useState<InterventionStatus>(item.allowedTransitions[0] ?? item.status);
  const [note, setNote] = useState('');
  const [serviceId, setServiceId] = useState(item.serviceId ?? '');
  const [dueDate, setDueDate] = useState('');
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('favorable');
  const submit = () => {
    const input: InterventionTransitionInput = { to };
    if (note.trim()) input.note = note.trim();
    if (to === 'transmise') {
      input.serviceId = serviceId;
      if (dueDate) input.dueDate = dueDate;
    }
    if (to === 'repondue') input.outcome = outcome;
    move.mutate(input, { onSuccess: () => setNote('') });
  };
  return (
    <section
      className={fr.cx('fr-mt-4w', 'fr-p-2w')}
      style={{ border: '1px solid var(--border-default-grey)' }}
      aria-labelledby="actions-title"
    >
      <h3 id="actions-title" className={fr.cx('fr-h5')}>
        {ti.detail.actions}
      </h3>
      <Select
        label="Étape suivante"
        nativeSelectProps={{
          value: to,
          onChange: (e) => setTo(e.target.value as InterventionStatus),
        }}
      >
        {item.allowedTransitions.map((s) => (
          <option key={s} value={s}>
            {INTERVENTION_STATUS_LABELS[s]}
          </option>
        ))}
      </Select>
      {to === 'transmise' && (
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
            <Select
              label={ti.detail.service}
              nativeSelectProps={{
                value: serviceId,
                required: true,
                onChange: (e) => setServiceId(e.target.value),
              }}
            >
              <option value="">—</option>
              {(services.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label={ti.detail.dueDate}
              nativeInputProps={{
                type: 'date',
                value: dueDate,
                onChange: (e) => setDueDate(e.target.value),
              }}
            />
          </div>
        </div>
      )}
      {to === 'repondue' && (
        <Select
          label={ti.detail.outcome}
          nativeSelectProps={{
            value: outcome,
            onChange: (e) => setOutcome(e.target.value as (typeof OUTCOMES)[number]),
          }}
        >
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o]}
            </option>
          ))}
        </Select>
      )}
      <Input
        label={to === 'elements_recus' ? ti.detail.elementsNote : ti.detail.note}
        textArea
        nativeTextAreaProps={{ value: note, onChange: (e) => setNote(e.target.value) }}
      />
      {move.error && <ErrorAlert error={move.error} title={ti.detail.error} />}
      <Button onClick={submit} disabled={move.isPending}>
        {ti.detail.move(INTERVENTION_STATUS_LABELS[to])}
      </Button>
    </section>
  );
}

function Letters({ item, canEdit }: { item: InterventionDetail; canEdit: boolean }) {
  const create = useCreateLetter(item.id);
  const [body, setBody] = useState('');
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const open = item.status !== 'repondue' && item.status !== 'classee';
  const possible = LETTER_KINDS.filter((k: LetterKind) =>
    k === 'reponse_definitive' ? item.status === 'repondue' : open,
  );
  return (
    <section className={fr.cx('fr-mt-4w')} aria-labelledby="letters-title">
      <h3 id="letters-title" className={fr.cx('fr-h5')}>
        {ti.detail.letters}
      </h3>
      {item.letters.length === 0 ? (
        <p>{ti.detail.noLetter}</p>
      ) : (
        <ul>
          {item.letters.map((letter) => (
            <li key={letter.id}>
              {LETTER_KIND_LABELS[letter.kind]} — {formatFull(letter.createdAt)} (
              {letter.createdByName}){' '}
              <Button
                size="small"
                priority="tertiary"
                iconId="fr-icon-download-line"
                onClick={() =>
                  void downloadFile(
                    `/api/interventions/${item.id}/letters/${letter.id}/pdf`,
                    `${item.reference}.pdf`,
                  ).catch((e: Error) => setDownloadError(e))
                }
              >
                {ti.detail.download}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {downloadError && <ErrorAlert error={downloadError} />}
      {canEdit && possible.length > 0 && (
        <>
          {possible.includes('reponse_definitive') && (
            <Input
              label={ti.detail.letterBody}
              textArea
              nativeTextAreaProps={{ value: body, onChange: (e) => setBody(e.target.value) }}
            />
          )}
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline', 'fr-btns-group--sm')}>
            {possible.map((kind) => (
              <li key={kind}>
                <Button
                  priority="secondary"
                  disabled={create.isPending}
                  onClick={() =>
                    create.mutate(
                      kind === 'reponse_definitive' && body.trim()
                        ? { kind, body: body.trim() }
                        : { kind },
                    )
                  }
                >
                  {ti.detail.produce(LETTER_KIND_LABELS[kind])}
                </Button>
              </li>
            ))}
          </ul>
          {create.error && <ErrorAlert error={create.error} title={ti.detail.error} />}
        </>
      )}
    </section>
  );
}
