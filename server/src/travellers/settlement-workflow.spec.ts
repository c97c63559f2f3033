import type { SettlementActionInput, TravellersRuleSet } from '../contracts/travellers';
import {
  checkAction,
  nextActions,
  preconditions,
  type SettlementState,
} from './settlement-workflow';

const RULES: TravellersRuleSet = {
  gp_notice_prefect_months: 3,
  gp_notice_mayor_months: 2,
  gp_notice_min_caravans: 150,
  md_min_delay_hours: 24,
  appeal_ruling_hours: 48,
  md_reuse_days: 7,
};

const observed: SettlementState = {
  status: 'constate',
  observedAt: new Date('2026-07-03T07:00:00Z'),
  communeInsee: '63113',
  banOrderNumber: null,
  banOrderDate: null,
  compliance: null,
  complianceNote: null,
  harmKinds: [],
  harmFacts: null,
  requester: null,
  requestReceivedAt: null,
  notifiedAt: null,
  executionDeadline: null,
  appealFiledAt: null,
  appealOutcome: null,
};

const ready: SettlementState = {
  ...observed,
  status: 'demande_recue',
  banOrderNumber: '2024-118',
  banOrderDate: '2024-03-12',
  compliance: 'conforme',
  complianceNote: 'Aire permanente de 40 places en service (schéma 2023-2028)',
  harmKinds: ['salubrite', 'securite'],
  harmFacts: 'Branchement sauvage sur le réseau d’eau, dépôts de déchets le long du stade',
  requester: 'maire',
  requestReceivedAt: new Date('2026-07-03T09:00:00Z'),
};

const notice = (
  over: Partial<Extract<SettlementActionInput, { action: 'issue_formal_notice' }>> = {},
) =>
  ({
    action: 'issue_formal_notice',
    version: 2,
    noticeNumber: 'MD-2026-07',
    notifiedAt: '2026-07-03T21:30:00Z',
    delayHours: 24,
    postedAtMairie: true,
    postedOnSite: true,
    ownerNotified: false,
    ...over,
  }) as SettlementActionInput;

describe('mise en demeure preconditions', () => {
  it('refuses a mise en demeure before the request is recorded (wrong step)', () => {
    const r = checkAction(observed, notice(), RULES);
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it.each([
    ['ban_order', { banOrderNumber: null }],
    ['ban_order', { banOrderDate: null }],
    ['compliance', { compliance: null }],
    ['compliance', { compliance: 'non_conforme' }],
    ['compliance', { complianceNote: '  ' }],
    ['harm', { harmKinds: [] }],
    ['harm', { harmFacts: null }],
    ['request', { requestReceivedAt: null }],
  ] as const)('refuses without the %s precondition (%j)', (key, missing) => {
    const r = checkAction({ ...ready, ...missing } as SettlementState, notice(), RULES);
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
    if (!r.ok) expect(r.details.map((d) => d.path)).toEqual([`preconditions.${key}`]);
  });

  it('lists every missing precondition at once', () => {
    const r = checkAction(
      {
        ...observed,
        status: 'demande_recue',
        requester: 'maire',
        requestReceivedAt: new Date('2026-07-03T09:00:00Z'),
      },
      notice(),
      RULES,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.details.map((d) => d.path)).toEqual([
        'preconditions.ban_order',
        'preconditions.compliance',
        'preconditions.harm',
      ]);
    expect(preconditions(ready).every((p) => p.met)).toBe(true);
    expect(preconditions(observed).filter((p) => p.met)).toEqual([]);
  });

  it('accepts a non-subject commune with a justification', () => {
    const r = checkAction(
      {
        ...ready,
        compliance: 'non_soumise',
        complianceNote: 'Commune de 1 200 habitants, non inscrite au schéma',
      },
      notice(),
      RULES,
    );
    expect(r.ok).toBe(true);
  });

  it('enforces the minimum delay from the rule table, and the postings', () => {
    const r = checkAction(ready, notice({ delayHours: 12, postedOnSite: false }), RULES);
    expect(r).toMatchObject({ ok: false, code: 'validation' });
    if (!r.ok)
      expect(r.details).toEqual([
        { path: 'delayHours', message: 'must be at least 24 hours' },
        { path: 'postedOnSite', message: 'the notice must be posted on the site' },
      ]);
    expect(
      checkAction(ready, notice({ delayHours: 12 }), { ...RULES, md_min_delay_hours: 12 }).ok,
    ).toBe(true);
  });

  it('computes the execution deadline across midnight and the 7-day re-use window', () => {
    // notified at 23:30 Paris (summer) on 3 July
    const r = checkAction(ready, notice(), RULES);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.changes.status).toBe('mise_en_demeure');
      expect(r.changes.executionDeadline?.toISOString()).toBe('2026-07-04T21:30:00.000Z');
      expect(r.changes.reuseUntil?.toISOString()).toBe('2026-07-10T21:30:00.000Z');
    }
  });
});

describe('appeal and eviction', () => {
  const noticed: SettlementState = {
    ...ready,
    status: 'mise_en_demeure',
    notifiedAt: new Date('2026-07-31T20:00:00Z'),
    executionDeadline: new Date('2026-08-01T20:00:00Z'),
  };
  const appeal = (filedAt: string) =>
    ({
      action: 'file_appeal',
      version: 3,
      filedAt,
      court: 'TA de Clermont-Ferrand',
    }) as SettlementActionInput;
  const evict = (at: string) =>
    ({
      action: 'evict',
      version: 4,
      at,
      means: 'Gendarmerie, 2 escadrons',
    }) as SettlementActionInput;

  it('computes the 48 h court window across a month end', () => {
    const r = checkAction(noticed, appeal('2026-07-31T23:00:00Z'), RULES);
    expect(r.ok && r.changes.appealRulingDeadline?.toISOString()).toBe('2026-08-02T23:00:00.000Z');
    expect(r.ok && r.changes.status).toBe('recours_pendant');
  });

  it('refuses an appeal after the execution delay (not suspensive)', () => {
    expect(checkAction(noticed, appeal('2026-08-01T20:00:01Z'), RULES)).toMatchObject({
      ok: false,
      code: 'validation',
    });
  });

  it('blocks eviction while an appeal is pending', () => {
    const pending: SettlementState = {
      ...noticed,
      status: 'recours_pendant',
      appealFiledAt: new Date('2026-08-01T08:00:00Z'),
    };
    const r = checkAction(pending, evict('2026-08-05T08:00:00Z'), RULES);
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
    if (!r.ok) expect(r.message).toContain('appeal is pending');
    expect(nextActions('recours_pendant')).not.toContain('evict');
  });

  it('allows eviction again once the appeal is rejected, never before the deadline', () => {
    const pending: SettlementState = {
      ...noticed,
      status: 'recours_pendant',
      appealFiledAt: new Date('2026-08-01T08:00:00Z'),
    };
    const ruling = checkAction(
      pending,
      { action: 'record_ruling', version: 4, decidedAt: '2026-08-02T14:00:00Z', outcome: 'rejete' },
      RULES,
    );
    expect(ruling.ok && ruling.changes.status).toBe('mise_en_demeure');
    const after = {
      ...pending,
      status: 'mise_en_demeure' as const,
      appealOutcome: 'rejete' as const,
    };
    expect(checkAction(after, evict('2026-08-02T15:00:00Z'), RULES).ok).toBe(true);
    expect(checkAction(noticed, evict('2026-08-01T19:59:00Z'), RULES)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    const annulled = checkAction(
      pending,
      { action: 'record_ruling', version: 4, decidedAt: '2026-08-02T14:00:00Z', outcome: 'annule' },
      RULES,
    );
    expect(annulled.ok && annulled.changes.status).toBe('clos');
  });

  it('closes a closed procedure to every action', () => {
    expect(
      checkAction({ ...noticed, status: 'clos' }, evict('2026-08-05T08:00:00Z'), RULES),
    ).toMatchObject({
      ok: false,
      details: expect.arrayContaining([
        { path: 'allowed', message: 'none: the procedure is closed' },
      ]),
    });
  });
});

describe('re-use of an earlier notice within 7 days', () => {
  const prior = {
    id: 'p1',
    communeInsee: '63113',
    noticeNumber: 'MD-2026-07',
    notifiedAt: new Date('2026-06-28T08:00:00Z'),
    delayHours: 24,
    reuseUntil: new Date('2026-07-05T08:00:00Z'),
  };
  const reuse = {
    action: 'reuse_formal_notice',
    version: 1,
    priorSettlementId: 'p1',
    at: '2026-07-03T10:00:00Z',
  } as SettlementActionInput;

  it('applies the earlier notice within its window, in the same commune', () => {
    const r = checkAction(observed, reuse, RULES, prior);
    expect(r.ok && r.changes).toMatchObject({
      status: 'mise_en_demeure',
      priorSettlementId: 'p1',
      noticeNumber: 'MD-2026-07',
    });
    expect(r.ok && r.changes.executionDeadline?.toISOString()).toBe('2026-07-04T10:00:00.000Z');
  });

  it('refuses it after the window or in another commune', () => {
    expect(
      checkAction(
        { ...observed, observedAt: new Date('2026-07-05T08:00:01Z') },
        reuse,
        RULES,
        prior,
      ),
    ).toMatchObject({ ok: false });
    expect(checkAction({ ...observed, communeInsee: '63300' }, reuse, RULES, prior)).toMatchObject({
      ok: false,
    });
    expect(checkAction(observed, reuse, RULES, null)).toMatchObject({ ok: false });
  });
});
