import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  CLOSE_REASON_LABELS,
  COMPLIANCE,
  COMPLIANCE_LABELS,
  HARM_KIND_LABELS,
  HARM_KINDS,
  REQUESTER_LABELS,
  REQUESTERS,
  SETTLEMENT_ACTION_LABELS,
  type Compliance,
  type HarmKind,
  type Settlement,
  type SettlementAction,
  type SettlementActionInput,
} from '@contracts/travellers';
import { useState, type FormEvent } from 'react';
import { localInputToIso } from '@/lib/format';
import { useSettlementAction, useUpdateSettlement } from '../api/travellers';
import { tt } from '../i18n';
import { ErrorDetails } from './query-state';

/** `datetime-local` value of now (browser time). */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Completes the facts and the preconditions (until the mise en demeure). */
export function FactsForm({ s }: { s: Settlement }) {
  const update = useUpdateSettlement(s.id);
  const [f, setF] = useState({
    banOrderNumber: s.banOrderNumber ?? '',
    banOrderDate: s.banOrderDate ?? '',
    compliance: (s.compliance ?? '') as Compliance | '',
    complianceNote: s.complianceNote ?? '',
    harmKinds: s.harmKinds,
    harmFacts: s.harmFacts ?? '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      version: s.version,
      banOrderNumber: f.banOrderNumber || null,
      banOrderDate: f.banOrderDate || null,
      compliance: f.compliance || null,
      complianceNote: f.complianceNote || null,
      harmKinds: f.harmKinds,
      harmFacts: f.harmFacts || null,
    });
  };
  const toggle = (k: HarmKind) =>
    setF({
      ...f,
      harmKinds: f.harmKinds.includes(k) ? f.harmKinds.filter((x) => x !== k) : [...f.harmKinds, k],
    });
  return (
    <form onSubmit={submit} className="vigie-gdv-form" data-testid="travellers-facts-form">
      <h3 className={fr.cx('fr-h6')}>{tt.settlements.factsTitle}</h3>
      <Input
        label={tt.settlements.banOrderNumber}
        nativeInputProps={{
          value: f.banOrderNumber,
          onChange: (e) => setF({ ...f, banOrderNumber: e.target.value }),
        }}
      />
      <Input
        label={tt.settlements.banOrderDate}
        nativeInputProps={{
          type: 'date',
          value: f.banOrderDate,
          onChange: (e) => setF({ ...f, banOrderDate: e.target.value }),
        }}
      />
      <Select
        label={tt.settlements.compliance}
        nativeSelectProps={{
          value: f.compliance,
          onChange: (e) => setF({ ...f, compliance: e.target.value as Compliance | '' }),
        }}
      >
        <option value="">—</option>
        {COMPLIANCE.map((c) => (
          <option key={c} value={c}>
            {COMPLIANCE_LABELS[c]}
          </option>
        ))}
      </Select>
      <Input
        label={tt.settlements.complianceNote}
        nativeInputProps={{
          value: f.complianceNote,
          onChange: (e) => setF({ ...f, complianceNote: e.target.value }),
        }}
      />
      <Checkbox
        legend={tt.settlements.harmKinds}
        orientation="horizontal"
        options={HARM_KINDS.map((k) => ({
          label: HARM_KIND_LABELS[k],
          nativeInputProps: { checked: f.harmKinds.includes(k), onChange: () => toggle(k) },
        }))}
      />
      <Input
        label={tt.settlements.harmFacts}
        textArea
        nativeTextAreaProps={{
          value: f.harmFacts,
          onChange: (e) => setF({ ...f, harmFacts: e.target.value }),
        }}
      />
      <ErrorDetails error={update.error} title={tt.settlements.refused} />
      <Button type="submit" size="small" disabled={update.isPending}>
        {tt.settlements.saveFacts}
      </Button>
    </form>
  );
}

/** The guided next step: the allowed actions, each with its own fields; refusals listed. */
export function ActionForm({ s }: { s: Settlement }) {
  const act = useSettlementAction(s.id);
  const [action, setAction] = useState<SettlementAction>(s.nextActions[0]!);
  const [v, setV] = useState<Record<string, string | boolean>>({
    at: nowLocal(),
    delayHours: '24',
    requester: 'maire',
    outcome: 'rejete',
    reason: 'depart_volontaire',
    postedAtMairie: false,
    postedOnSite: false,
    ownerNotified: false,
    priorSettlementId: s.applicableNotices[0]?.id ?? '',
  });
  const text = (k: string) => String(v[k] ?? '');
  const input = (k: string, label: string, type = 'text') => (
    <Input
      label={label}
      nativeInputProps={{
        type,
        value: text(k),
        onChange: (e) => setV({ ...v, [k]: e.target.value }),
        required: k !== 'note',
      }}
    />
  );
  const check = (k: string, label: string) => ({
    label,
    nativeInputProps: {
      checked: v[k] === true,
      onChange: (e: { target: { checked: boolean } }) => setV({ ...v, [k]: e.target.checked }),
    },
  });
  const at = () => localInputToIso(text('at')) ?? '';
  const note = text('note') || null;

  const body = (): SettlementActionInput => {
    const base = { version: s.version, note };
    switch (action) {
      case 'record_request':
        return {
          ...base,
          action,
          requester: text('requester') as 'maire',
          requesterName: text('requesterName'),
          requestReceivedAt: at(),
        };
      case 'issue_formal_notice':
        return {
          ...base,
          action,
          noticeNumber: text('noticeNumber'),
          notifiedAt: at(),
          delayHours: Number(text('delayHours')),
          postedAtMairie: v.postedAtMairie === true,
          postedOnSite: v.postedOnSite === true,
          ownerNotified: v.ownerNotified === true,
        };
      case 'reuse_formal_notice':
        return { ...base, action, priorSettlementId: text('priorSettlementId'), at: at() };
      case 'file_appeal':
        return {
          ...base,
          action,
          filedAt: at(),
          court: 'Tribunal administratif de Clermont-Ferrand',
        };
      case 'record_ruling':
        return { ...base, action, decidedAt: at(), outcome: text('outcome') as 'rejete' };
      case 'evict':
        return { ...base, action, at: at(), means: text('means') };
      case 'close':
        return { ...base, action, at: at(), reason: text('reason') as 'depart_volontaire' };
    }
  };
  const atLabel: Record<SettlementAction, string> = {
    record_request: tt.settlements.requestReceivedAt,
    issue_formal_notice: tt.settlements.notifiedAt,
    reuse_formal_notice: tt.settlements.at,
    file_appeal: tt.settlements.filedAt,
    record_ruling: tt.settlements.decidedAt,
    evict: tt.settlements.evictedAt,
    close: tt.settlements.closedAt,
  };

  return (
    <form
      className="vigie-gdv-form"
      data-testid="travellers-action-form"
      onSubmit={(e) => {
        e.preventDefault();
        act.mutate(body());
      }}
    >
      <h3 className={fr.cx('fr-h6')}>{tt.settlements.nextTitle}</h3>
      <Select
        label={tt.settlements.actionLabel}
        nativeSelectProps={{
          value: action,
          onChange: (e) => setAction(e.target.value as SettlementAction),
        }}
      >
        {s.nextActions.map((a) => (
          <option key={a} value={a}>
            {SETTLEMENT_ACTION_LABELS[a]}
          </option>
        ))}
      </Select>
      {action === 'record_request' && (
        <>
          <Select
            label={tt.settlements.requester}
            nativeSelectProps={{
              value: text('requester'),
              onChange: (e) => setV({ ...v, requester: e.target.value }),
            }}
          >
            {REQUESTERS.map((r) => (
              <option key={r} value={r}>
                {REQUESTER_LABELS[r]}
              </option>
            ))}
          </Select>
          {input('requesterName', tt.settlements.requesterName)}
        </>
      )}
      {action === 'issue_formal_notice' && (
        <>
          {input('noticeNumber', tt.settlements.noticeNumber)}
          {input('delayHours', tt.settlements.delayHours, 'number')}
          <Checkbox
            options={[
              check('postedAtMairie', tt.settlements.postedAtMairie),
              check('postedOnSite', tt.settlements.postedOnSite),
              check('ownerNotified', tt.settlements.ownerNotified),
            ]}
          />
        </>
      )}
      {action === 'reuse_formal_notice' && (
        <Select
          label={tt.settlements.priorNotice}
          nativeSelectProps={{
            value: text('priorSettlementId'),
            onChange: (e) => setV({ ...v, priorSettlementId: e.target.value }),
          }}
        >
          {s.applicableNotices.map((n) => (
            <option key={n.id} value={n.id}>
              {n.reference}
            </option>
          ))}
        </Select>
      )}
      {action === 'record_ruling' && (
        <Select
          label={tt.settlements.outcome}
          nativeSelectProps={{
            value: text('outcome'),
            onChange: (e) => setV({ ...v, outcome: e.target.value }),
          }}
        >
          <option value="rejete">{tt.settlements.outcomeRejected}</option>
          <option value="annule">{tt.settlements.outcomeAnnulled}</option>
        </Select>
      )}
      {action === 'evict' && input('means', tt.settlements.means)}
      {action === 'close' && (
        <Select
          label={tt.settlements.reason}
          nativeSelectProps={{
            value: text('reason'),
            onChange: (e) => setV({ ...v, reason: e.target.value }),
          }}
        >
          {Object.entries(CLOSE_REASON_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
      )}
      {input('at', atLabel[action], 'datetime-local')}
      {input('note', tt.settlements.note)}
      <ErrorDetails error={act.error} title={tt.settlements.refused} />
      <Button type="submit" disabled={act.isPending}>
        {SETTLEMENT_ACTION_LABELS[action]}
      </Button>
    </form>
  );
}
