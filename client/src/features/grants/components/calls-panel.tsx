import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { APPLICATION_STATUS_LABELS, type GrantCall, type GrantFund } from '@contracts/grants';
import { useState } from 'react';
import {
  useAdopt,
  useApplication,
  useApplications,
  useCalls,
  useCallSummary,
  useRules,
} from '../api';
import { tg } from '../i18n';
import { euros, frenchDate } from '../lib/format';
import { STATUS_SEVERITY } from '../lib/status';
import { ApplicationDetail } from './application-detail';
import { ApplicationForm } from './application-form';
import { ErrorAlert } from './error-alert';

interface CallsPanelProps {
  fund: GrantFund;
  canEdit: boolean;
}

/** The calls of one fund: pick a call, see its envelope, commitments and applications. */
export function CallsPanel({ fund, canEdit }: CallsPanelProps) {
  const calls = useCalls(fund);
  const [selected, setSelected] = useState<string | null>(null);
  if (calls.error) return <ErrorAlert error={calls.error} title={tg.loadError} />;
  if (calls.isPending) return <p role="status">{tg.loading}</p>;
  if (calls.data.length === 0) return <p>{tg.noCall}</p>;
  const call = calls.data.find((c) => c.id === selected) ?? calls.data[0]!;
  return (
    <div data-testid={`calls-${fund}`}>
      <Select
        label={tg.call}
        nativeSelectProps={{ value: call.id, onChange: (e) => setSelected(e.target.value) }}
      >
        {calls.data.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title} ({tg.phases[c.phase]})
          </option>
        ))}
      </Select>
      <CallView key={call.id} call={call} canEdit={canEdit} />
    </div>
  );
}

function CallView({ call, canEdit }: { call: GrantCall; canEdit: boolean }) {
  const summary = useCallSummary(call.id);
  const applications = useApplications(call.id);
  const rules = useRules(call.fund);
  const adopt = useAdopt();
  const [open, setOpen] = useState<string | null>(null);
  const current = useApplication(open).data;
  const byFirst = call.fund === 'fipd' ? summary.data?.byProgramme : summary.data?.byAxis;
  return (
    <section aria-labelledby={`call-${call.id}`}>
      <h3 id={`call-${call.id}`} className={fr.cx('fr-h4', 'fr-mb-1w')}>
        {call.title}{' '}
        <Badge severity={call.phase === 'open' ? 'success' : 'info'} small noIcon>
          {tg.phases[call.phase]}
        </Badge>
      </h3>
      <p className={fr.cx('fr-text--sm')}>
        {tg.opens} : {frenchDate(call.opensOn)} — {tg.closes} : {frenchDate(call.closesAt)}
      </p>
      <ul
        className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-raw-list')}
        data-testid="call-figures"
      >
        {(
          [
            [tg.envelope, call.envelope],
            [tg.committed, call.committed],
            [tg.paid, call.paid],
            [tg.remaining, call.remaining],
          ] as const
        ).map(([label, value]) => (
          <li key={label} className={fr.cx('fr-col-6', 'fr-col-md-3')}>
            <p className={fr.cx('fr-mb-0', 'fr-text--sm')}>{label}</p>
            <p className={fr.cx('fr-h5', 'fr-mb-0')}>{euros(value)}</p>
          </li>
        ))}
      </ul>
      {rules.data && (
        <details className={fr.cx('fr-my-2w')}>
          <summary>{tg.rulesTitle}</summary>
          <ul>
            {rules.data
              .filter((r) => call.programmeCodes.includes(r.programmeCode))
              .map((r) => (
                <li key={`${r.programmeCode}-${r.effectiveFrom}`}>
                  {r.label} : {tg.rule(r.maxRatePercent, r.minAmount, r.capIncludesStateFunding)}{' '}
                  (depuis le {frenchDate(r.effectiveFrom)}){' '}
                  {r.toConfirm && (
                    <Badge severity="warning" small>
                      {tg.toConfirm}
                    </Badge>
                  )}
                </li>
              ))}
          </ul>
        </details>
      )}
      {canEdit && call.phase === 'closed' && (
        <Button
          priority="secondary"
          size="small"
          onClick={() => adopt.mutate(call.id)}
          disabled={adopt.isPending}
        >
          {tg.adopt}
        </Button>
      )}
      {adopt.error && <ErrorAlert error={adopt.error} title={tg.error} />}
      {summary.data && byFirst && byFirst.length > 0 && (
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <Table
              caption={call.fund === 'fipd' ? tg.byProgramme : tg.byAxis}
              headers={[
                call.fund === 'fipd' ? tg.programme : tg.axis,
                tg.actions,
                tg.committed,
                tg.paid,
              ]}
              data={byFirst.map((row) => [
                'label' in row ? row.label : row.programmeCode,
                row.actions,
                euros(row.committed),
                euros(row.paid),
              ])}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <Table
              caption={tg.byApplicant}
              headers={[tg.applicant, tg.actions, tg.committed, tg.paid]}
              data={summary.data.byApplicant.map((row) => [
                row.applicantName,
                row.actions,
                euros(row.committed),
                euros(row.paid),
              ])}
            />
          </div>
        </div>
      )}
      {applications.error && <ErrorAlert error={applications.error} title={tg.loadError} />}
      {applications.data &&
        (applications.data.length === 0 ? (
          <p>{tg.noApplication}</p>
        ) : (
          <Table
            caption={tg.applicationsCaption(call.title)}
            headers={[
              tg.colRef,
              tg.applicant,
              tg.colTitle,
              tg.colCost,
              tg.colRequested,
              tg.colStatus,
              tg.colGranted,
              tg.colScore,
              '',
            ]}
            data={applications.data.map((a) => [
              a.reference,
              a.applicantName,
              a.title,
              euros(a.totalCost),
              `${euros(a.requestedAmount)} (${a.requestedRate} %)`,
              <Badge key="s" severity={STATUS_SEVERITY[a.status]} small noIcon>
                {APPLICATION_STATUS_LABELS[a.status]}
              </Badge>,
              euros(a.grantedAmount),
              a.score ?? '—',
              <Button
                key="b"
                size="small"
                priority="tertiary"
                onClick={() => setOpen(a.id)}
                nativeButtonProps={{ 'aria-label': `${tg.instruct} ${a.reference}` }}
              >
                {tg.instruct}
              </Button>,
            ])}
          />
        ))}
      {current && (
        <ApplicationDetail
          application={current}
          canEdit={canEdit}
          frozen={call.adoptedAt !== null}
          onClose={() => setOpen(null)}
        />
      )}
      {canEdit && call.phase === 'open' && <ApplicationForm call={call} />}
    </section>
  );
}
