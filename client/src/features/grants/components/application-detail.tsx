import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import {
  APPLICATION_STATUS_LABELS,
  type DecisionRequest,
  type GrantApplication,
} from '@contracts/grants';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatStamp } from '@/lib/format';
import { useDecision, usePayment, useReport } from '../api';
import { tg } from '../i18n';
import { euros, frenchDate, today } from '../lib/format';
import { ErrorAlert } from './error-alert';

interface Props {
  application: GrantApplication;
  canEdit: boolean;
  /** The programme is adopted: no more decisions (payments and reports go on). */
  frozen: boolean;
  onClose: () => void;
}

const t = tg.detail;

/** One application: its file, history, and the next steps its status allows. */
export function ApplicationDetail({ application: a, canEdit, frozen, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [a.id]);
  const decision = useDecision();
  const payment = usePayment();
  const report = useReport();
  const [amount, setAmount] = useState(String(a.requestedAmount));
  const [note, setNote] = useState('');
  const [committeeDate, setCommitteeDate] = useState(today());
  const decide = (body: DecisionRequest) => decision.mutate({ id: a.id, body });
  const error = decision.error ?? payment.error ?? report.error;
  const decide_ = canEdit && !frozen;

  return (
    <section
      className={fr.cx('fr-card', 'fr-p-3w', 'fr-my-3w')}
      aria-labelledby={`app-${a.id}`}
      data-testid="application-detail"
    >
      <h4 id={`app-${a.id}`} ref={heading} tabIndex={-1} className={fr.cx('fr-h5')}>
        {t.title(a.reference)} — {APPLICATION_STATUS_LABELS[a.status]}
      </h4>
      <p>
        <strong>{a.applicantName}</strong> : {a.title}
        <br />
        {tg.colCost} {euros(a.totalCost)} — {tg.colRequested} {euros(a.requestedAmount)} (
        {a.requestedRate} %)
        {a.grantedAmount !== null && (
          <>
            {' '}
            — {tg.colGranted} {euros(a.grantedAmount)} ({a.grantedRate} %)
          </>
        )}
        {a.axisCodes.length > 0 && (
          <>
            <br />
            {tg.form.axes} : {a.axisCodes.join(', ')}
          </>
        )}
      </p>
      <p>
        {t.missing} : {a.missingDocuments.length ? a.missingDocuments.join(', ') : t.none}
      </p>
      {a.renewalOfId && <p>{t.renewal}</p>}
      <p>
        {t.report} :{' '}
        {a.report ? `${frenchDate(a.report.receivedOn)} — ${a.report.summary}` : t.noReport}
      </p>
      {a.payments.length > 0 && (
        <p>
          {t.payments} :{' '}
          {a.payments
            .map((p) => `${p.label} ${euros(p.amount)} le ${frenchDate(p.paidOn)}`)
            .join(' ; ')}
        </p>
      )}
      {error && <ErrorAlert error={error} title={tg.error} />}

      {decide_ && (a.status === 'submitted' || a.status === 'admissible') && (
        <div className={fr.cx('fr-my-2w')}>
          <Input
            label={t.note}
            nativeInputProps={{ value: note, onChange: (e) => setNote(e.target.value) }}
          />
          {a.status === 'admissible' && (
            <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
              <div className={fr.cx('fr-col-6')}>
                <Input
                  label={t.amount}
                  nativeInputProps={{
                    type: 'number',
                    min: 1,
                    value: amount,
                    onChange: (e) => setAmount(e.target.value),
                  }}
                />
              </div>
              <div className={fr.cx('fr-col-6')}>
                <Input
                  label={t.committeeDate}
                  nativeInputProps={{
                    type: 'date',
                    value: committeeDate,
                    onChange: (e) => setCommitteeDate(e.target.value),
                  }}
                />
              </div>
            </div>
          )}
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm')}>
            {a.status === 'submitted' && (
              <li>
                <Button onClick={() => decide({ action: 'admit', note: note || undefined })}>
                  {t.admit}
                </Button>
              </li>
            )}
            {a.status === 'admissible' && (
              <>
                <li>
                  <Button
                    onClick={() =>
                      decide({
                        action: 'grant',
                        amount: Number(amount),
                        committeeDate,
                        note: note || undefined,
                      })
                    }
                  >
                    {t.grant}
                  </Button>
                </li>
                <li>
                  <Button
                    priority="secondary"
                    onClick={() => decide({ action: 'reject', committeeDate, note })}
                  >
                    {t.reject}
                  </Button>
                </li>
              </>
            )}
            <li>
              <Button
                priority="tertiary"
                onClick={() => decide({ action: 'declare_inadmissible', note })}
              >
                {t.inadmissible}
              </Button>
            </li>
          </ul>
        </div>
      )}
      {canEdit && a.status === 'granted' && (
        <>
          <PaymentForm onSubmit={(body) => payment.mutate({ id: a.id, body })} />
          <ReportForm onSubmit={(body) => report.mutate({ id: a.id, body })} />
          <Button priority="secondary" onClick={() => decide({ action: 'close' })}>
            {t.closeGrant}
          </Button>
        </>
      )}

      <h5 className={fr.cx('fr-h6', 'fr-mt-3w')}>{t.history}</h5>
      <ol data-testid="application-history">
        {a.history.map((h, i) => (
          <li key={i}>
            {formatStamp(h.at)} — {h.byName} :{' '}
            {h.from ? `${APPLICATION_STATUS_LABELS[h.from]} → ` : ''}
            {APPLICATION_STATUS_LABELS[h.to]}
            {h.note ? ` (${h.note})` : ''}
          </li>
        ))}
      </ol>
      <Button priority="tertiary" onClick={onClose}>
        {t.close}
      </Button>
    </section>
  );
}

function PaymentForm({
  onSubmit,
}: {
  onSubmit: (b: { amount: number; paidOn: string; label: string }) => void;
}) {
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(today());
  const [label, setLabel] = useState('Versement');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ amount: Number(amount), paidOn, label });
  };
  return (
    <form
      onSubmit={submit}
      className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}
    >
      <div className={fr.cx('fr-col-4')}>
        <Input
          label={t.amount}
          nativeInputProps={{
            type: 'number',
            min: 1,
            required: true,
            value: amount,
            onChange: (e) => setAmount(e.target.value),
          }}
        />
      </div>
      <div className={fr.cx('fr-col-4')}>
        <Input
          label={t.paidOn}
          nativeInputProps={{
            type: 'date',
            required: true,
            value: paidOn,
            onChange: (e) => setPaidOn(e.target.value),
          }}
        />
      </div>
      <div className={fr.cx('fr-col-4')}>
        <Input
          label={t.label}
          nativeInputProps={{
            required: true,
            value: label,
            onChange: (e) => setLabel(e.target.value),
          }}
        />
      </div>
      <div className={fr.cx('fr-col-12')}>
        <Button type="submit" size="small">
          {t.pay}
        </Button>
      </div>
    </form>
  );
}

function ReportForm({
  onSubmit,
}: {
  onSubmit: (b: {
    receivedOn: string;
    actualCost: number;
    beneficiaries: number;
    summary: string;
  }) => void;
}) {
  const [receivedOn, setReceivedOn] = useState(today());
  const [actualCost, setActualCost] = useState('');
  const [beneficiaries, setBeneficiaries] = useState('');
  const [summary, setSummary] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      receivedOn,
      actualCost: Number(actualCost),
      beneficiaries: Number(beneficiaries),
      summary,
    });
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-my-2w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-4')}>
          <Input
            label={t.receivedOn}
            nativeInputProps={{
              type: 'date',
              required: true,
              value: receivedOn,
              onChange: (e) => setReceivedOn(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-4')}>
          <Input
            label={t.actualCost}
            nativeInputProps={{
              type: 'number',
              min: 0,
              required: true,
              value: actualCost,
              onChange: (e) => setActualCost(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-4')}>
          <Input
            label={t.beneficiaries}
            nativeInputProps={{
              type: 'number',
              min: 0,
              required: true,
              value: beneficiaries,
              onChange: (e) => setBeneficiaries(e.target.value),
            }}
          />
        </div>
      </div>
      <Input
        label={t.summary}
        textArea
        nativeTextAreaProps={{
          required: true,
          value: summary,
          onChange: (e) => setSummary(e.target.value),
        }}
      />
      <Button type="submit" size="small" priority="secondary">
        {t.saveReport}
      </Button>
    </form>
  );
}
