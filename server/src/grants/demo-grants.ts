/**
 * Helpers for the demo data of the grants engine: writes calls and applications straight into
 * the tables (past calls cannot be filed through the service, which checks the dates), keeping
 * every amount within the programme's cap, the minimum and the envelope.
 */
import { EntityManager } from 'typeorm';
import type { ApplicantKind, ApplicationStatus, Criterion, GrantFund } from '../contracts/grants';
import {
  GrantApplication,
  GrantApplicationEvent,
  GrantAxis,
  GrantCall,
  GrantPayment,
  GrantProgrammeRule,
} from './grant.entity';
import { maxSubsidy, ruleInForce } from './grant-rules';

export const DEMO_ACTOR = { id: '00000000-0000-0000-0000-000000000000', name: 'Démonstration' };

export interface DemoApplication {
  applicantName: string;
  applicantKind: ApplicantKind;
  communeInsee: string;
  title: string;
  programmeCode: string;
  axisCodes?: string[];
  targetPublic?: string;
  totalCost: number;
  /** Share of the cap requested (1 = the cap). */
  share: number;
  status: ApplicationStatus;
  /** Share of the request granted. */
  grantShare?: number;
  scores?: Record<string, number>;
  paidShare?: number;
  report?: boolean;
  coFunding?: { funder: string; amount: number; state: boolean }[];
}

export interface DemoCall {
  fund: GrantFund;
  year: number;
  title: string;
  programmeCodes: string[];
  opensOn: string;
  closesAt: Date;
  envelope: number;
  criteria: Criterion[];
  adopted?: Date;
  applications: DemoApplication[];
}

const MOVES: Record<ApplicationStatus, ApplicationStatus[]> = {
  submitted: ['submitted'],
  admissible: ['submitted', 'admissible'],
  inadmissible: ['submitted', 'inadmissible'],
  granted: ['submitted', 'admissible', 'granted'],
  rejected: ['submitted', 'admissible', 'rejected'],
  closed: ['submitted', 'admissible', 'granted', 'closed'],
};

/** Writes one call and its applications; returns the call. */
export async function writeDemoCall(m: EntityManager, spec: DemoCall): Promise<GrantCall> {
  const rules = await m.find(GrantProgrammeRule, { where: { fund: spec.fund } });
  const call = await m.save(
    m.create(GrantCall, {
      fund: spec.fund,
      year: spec.year,
      title: spec.title,
      description: null,
      programmeCodes: spec.programmeCodes,
      opensOn: spec.opensOn,
      closesAt: spec.closesAt,
      envelope: spec.envelope,
      criteria: spec.criteria,
      adoptedAt: spec.adopted ?? null,
      createdBy: DEMO_ACTOR.id,
    }),
  );
  let committed = 0;
  let index = 0;
  for (const a of spec.applications) {
    index++;
    const rule = ruleInForce(
      rules.filter((r) => r.programmeCode === a.programmeCode),
      spec.opensOn,
    );
    if (!rule) throw new Error(`demo: no rule for ${a.programmeCode}`);
    const coFunding = a.coFunding ?? [];
    const cap = maxSubsidy(rule, { totalCost: a.totalCost, coFunding });
    const requested = Math.max(rule.minAmount, Math.floor((cap * a.share) / 100) * 100);
    let granted: number | null = null;
    if (a.status === 'granted' || a.status === 'closed') {
      granted = Math.min(
        requested,
        Math.floor((requested * (a.grantShare ?? 1)) / 100) * 100,
        spec.envelope - committed,
      );
      committed += granted;
    }
    const submittedAt = new Date(`${spec.opensOn}T09:00:00Z`);
    submittedAt.setUTCDate(submittedAt.getUTCDate() + index * 2);
    const committeeDate = new Date(spec.closesAt.getTime() + 20 * 86400_000)
      .toISOString()
      .slice(0, 10);
    const app = await m.save(
      m.create(GrantApplication, {
        callId: call.id,
        reference: `${spec.fund.toUpperCase()}-${spec.year}-${call.id.slice(0, 4).toUpperCase()}-${String(index).padStart(3, '0')}`,
        applicantName: a.applicantName,
        applicantKind: a.applicantKind,
        siret: null,
        applicantCommuneInsee: a.communeInsee,
        title: a.title,
        description: null,
        programmeCode: a.programmeCode,
        axisCodes: a.axisCodes ?? [],
        targetPublic: a.targetPublic ?? null,
        communes: [a.communeInsee],
        startsOn: `${spec.year}-03-01`,
        endsOn: `${spec.year}-12-31`,
        totalCost: a.totalCost,
        requestedAmount: requested,
        coFunding,
        cerSigned: true,
        documents: rule.requiredDocuments.map((d) => d.code),
        renewalOfId: null,
        status: a.status,
        scores: a.scores ?? {},
        grantedAmount: granted,
        committeeDate: ['granted', 'rejected', 'closed'].includes(a.status) ? committeeDate : null,
        decisionNote:
          a.status === 'rejected' ? 'Action hors des priorités de l’appel à projets' : null,
        report:
          a.report && granted
            ? {
                receivedOn: `${spec.year + 1}-02-15`,
                actualCost: a.totalCost,
                beneficiaries: 40 + index * 17,
                summary: 'Action réalisée conformément à la fiche-action.',
              }
            : null,
        version: MOVES[a.status].length,
        createdBy: DEMO_ACTOR.id,
        createdAt: submittedAt,
      }),
    );
    let from: ApplicationStatus | null = null;
    const actions: Record<ApplicationStatus, string> = {
      submitted: 'submit',
      admissible: 'admit',
      inadmissible: 'declare_inadmissible',
      granted: 'grant',
      rejected: 'reject',
      closed: 'close',
    };
    for (const [i, to] of MOVES[a.status].entries()) {
      await m.insert(GrantApplicationEvent, {
        applicationId: app.id,
        action: actions[to],
        from,
        to,
        at: new Date(submittedAt.getTime() + i * 20 * 86400_000),
        by: null,
        byName: DEMO_ACTOR.name,
        note: null,
      });
      from = to;
    }
    if (granted && a.paidShare)
      await m.insert(GrantPayment, {
        applicationId: app.id,
        amount: Math.floor((granted * a.paidShare) / 100) * 100,
        paidOn: committeeDate,
        label: a.paidShare >= 1 ? 'Versement unique' : 'Avance',
        createdBy: DEMO_ACTOR.id,
      });
  }
  return call;
}

export async function writeDemoAxes(
  m: EntityManager,
  fund: GrantFund,
  fromYear: number,
  toYear: number,
  axes: { code: string; label: string; description?: string }[],
): Promise<void> {
  const existing = new Set(
    (await m.find(GrantAxis, { where: { fund, fromYear } })).map((a) => a.code),
  );
  for (const a of axes.filter((x) => !existing.has(x.code)))
    await m.insert(GrantAxis, {
      fund,
      code: a.code,
      label: a.label,
      description: a.description ?? null,
      fromYear,
      toYear,
    });
}
