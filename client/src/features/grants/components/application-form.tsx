import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  type ApplicantKind,
  type GrantCall,
} from '@contracts/grants';
import { useState, type FormEvent } from 'react';
import { useAxes, useCreateApplication, useRules } from '../api';
import { tg } from '../i18n';
import { ruleInForce } from '../lib/rules';
import { maxSubsidy } from '../lib/status';
import { ErrorAlert } from './error-alert';

const t = tg.form;

/** Files an application to an open call; the server checks caps, documents and renewals. */
export function ApplicationForm({ call }: { call: GrantCall }) {
  const rules = useRules(call.fund);
  const axes = useAxes(call.fund, call.year);
  const create = useCreateApplication(call.id);
  const [applicantName, setApplicantName] = useState('');
  const [applicantKind, setApplicantKind] = useState<ApplicantKind>('association');
  const [commune, setCommune] = useState('');
  const [title, setTitle] = useState('');
  const [programmeCode, setProgrammeCode] = useState(call.programmeCodes[0] ?? '');
  const [axisCodes, setAxisCodes] = useState<string[]>([]);
  const [totalCost, setTotalCost] = useState('');
  const [requested, setRequested] = useState('');
  const [cerSigned, setCerSigned] = useState(false);
  const [documents, setDocuments] = useState<string[]>([]);
  const rule = ruleInForce(
    (rules.data ?? []).filter((r) => r.programmeCode === programmeCode),
    call.opensOn,
  );
  const toggle = (list: string[], code: string) =>
    list.includes(code) ? list.filter((c) => c !== code) : [...list, code];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        applicantName,
        applicantKind,
        applicantCommuneInsee: commune || undefined,
        title,
        programmeCode,
        axisCodes,
        totalCost: Number(totalCost),
        requestedAmount: Number(requested),
        cerSigned,
        documents,
        communes: commune ? [commune] : [],
      },
      {
        onSuccess: () => {
          setApplicantName('');
          setTitle('');
          setTotalCost('');
          setRequested('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className={fr.cx('fr-my-4w')} aria-labelledby={`new-${call.id}`}>
      <h4 id={`new-${call.id}`} className={fr.cx('fr-h5')}>
        {t.title}
      </h4>
      {create.error && <ErrorAlert error={create.error} title={tg.error} />}
      {create.data && (
        <p role="status" className={fr.cx('fr-text--bold')}>
          {t.created(create.data.reference)}
        </p>
      )}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label={t.applicantName}
            nativeInputProps={{
              required: true,
              value: applicantName,
              onChange: (e) => setApplicantName(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
          <Select
            label={t.applicantKind}
            nativeSelectProps={{
              value: applicantKind,
              onChange: (e) => setApplicantKind(e.target.value as ApplicantKind),
            }}
          >
            {APPLICANT_KINDS.map((k) => (
              <option key={k} value={k}>
                {APPLICANT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
          <Input
            label={t.commune}
            nativeInputProps={{
              inputMode: 'numeric',
              pattern: '\\d{5}',
              value: commune,
              onChange: (e) => setCommune(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Input
            label={t.actionTitle}
            nativeInputProps={{
              required: true,
              value: title,
              onChange: (e) => setTitle(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select
            label={t.programme}
            nativeSelectProps={{
              value: programmeCode,
              onChange: (e) => setProgrammeCode(e.target.value),
            }}
          >
            {call.programmeCodes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Input
            label={t.totalCost}
            nativeInputProps={{
              type: 'number',
              min: 1,
              required: true,
              value: totalCost,
              onChange: (e) => setTotalCost(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
          <Input
            label={t.requested}
            hintText={
              rule && totalCost
                ? t.capHint(maxSubsidy(Number(totalCost), rule.maxRatePercent))
                : undefined
            }
            nativeInputProps={{
              type: 'number',
              min: 1,
              required: true,
              value: requested,
              onChange: (e) => setRequested(e.target.value),
            }}
          />
        </div>
      </div>
      {axes.data && axes.data.length > 0 && (
        <Checkbox
          legend={t.axes}
          orientation="horizontal"
          options={axes.data.map((a) => ({
            label: a.label,
            nativeInputProps: {
              checked: axisCodes.includes(a.code),
              onChange: () => setAxisCodes(toggle(axisCodes, a.code)),
            },
          }))}
        />
      )}
      {rule && (
        <Checkbox
          legend={t.documents}
          orientation="horizontal"
          options={[
            ...rule.requiredDocuments.map((d) => ({
              label: d.label,
              nativeInputProps: {
                checked: documents.includes(d.code),
                onChange: () => setDocuments(toggle(documents, d.code)),
              },
            })),
            {
              label: t.cer,
              nativeInputProps: { checked: cerSigned, onChange: () => setCerSigned(!cerSigned) },
            },
          ]}
        />
      )}
      <Button type="submit" disabled={create.isPending}>
        {t.submit}
      </Button>
    </form>
  );
}
