import {
  allowedActions,
  amountProblems,
  callPhase,
  envelopeProblems,
  maxSubsidy,
  missingDocuments,
  renewalProblems,
  ruleInForce,
  scoreProblems,
} from './grant-rules';

const D = {
  programmeCode: 'D',
  maxRatePercent: 50,
  capIncludesStateFunding: false,
  minAmount: 3000,
};
const S = {
  programmeCode: 'S',
  maxRatePercent: 80,
  capIncludesStateFunding: true,
  minAmount: 3000,
};
const PDASR = {
  programmeCode: 'PDASR',
  maxRatePercent: 70,
  capIncludesStateFunding: false,
  minAmount: 0,
};

describe('caps per programme', () => {
  it.each([
    ['FIPD D at 50 %', D, 20000, [], 10000, true],
    ['FIPD D above 50 %', D, 20000, [], 10001, false],
    ['FIPD D below the minimum', D, 4000, [], 2000, false],
    ['FIPD S at 80 %', S, 50000, [], 40000, true],
    ['FIPD S: DETR counts in the 80 %', S, 50000, [{ amount: 15000, state: true }], 30000, false],
    ['FIPD S: DETR leaves 25 000', S, 50000, [{ amount: 15000, state: true }], 25000, true],
    [
      'FIPD S: a non-State co-funder does not count',
      S,
      50000,
      [{ amount: 15000, state: false }],
      40000,
      true,
    ],
    [
      'FIPD D: State co-funding does not count',
      D,
      20000,
      [{ amount: 8000, state: true }],
      10000,
      true,
    ],
    ['PDASR at 70 %', PDASR, 10000, [], 7000, true],
    ['PDASR above 70 %', PDASR, 10000, [], 7001, false],
    ['more than the cost', PDASR, 1000, [], 1001, false],
  ])('%s', (_, rule, totalCost, coFunding, amount, ok) => {
    const problems = amountProblems(rule, { totalCost, coFunding }, amount, 'requestedAmount');
    expect(problems.length === 0).toBe(ok);
    problems.forEach((p) => expect(p.path).toBe('requestedAmount'));
  });

  it('names the cap and the largest amount allowed', () => {
    expect(
      amountProblems(
        S,
        { totalCost: 50000, coFunding: [{ amount: 15000, state: true }] },
        30000,
        'x',
      ),
    ).toEqual([
      {
        path: 'x',
        message: expect.stringMatching(
          /80 % cap of programme S, State funding included: at most 25\s000 €/,
        ),
      },
    ]);
    expect(maxSubsidy(S, { totalCost: 10000, coFunding: [{ amount: 9000, state: true }] })).toBe(0);
  });
});

describe('rule in force', () => {
  const rules = [
    { effectiveFrom: '2020-01-01', rate: 50 },
    { effectiveFrom: '2025-01-01', rate: 40 },
  ];
  it.each([
    ['2019-12-31', null],
    ['2020-01-01', 50],
    ['2024-12-31', 50],
    ['2025-01-01', 40],
    ['2030-06-01', 40],
  ])('on %s', (day, rate) => expect(ruleInForce(rules, day)?.rate ?? null).toBe(rate));
});

describe('renewal', () => {
  const call = { fund: 'fipd', year: 2026 };
  const previous = { fund: 'fipd', year: 2025, status: 'granted' as const, hasReport: true };
  it.each([
    ['granted with its report', previous, null],
    ['closed with its report', { ...previous, status: 'closed' as const }, null],
    ['without its report', { ...previous, hasReport: false }, /final report/],
    ['not granted', { ...previous, status: 'rejected' as const }, /not granted/],
    ['another fund', { ...previous, fund: 'mildeca' }, /another fund/],
    ['same year', { ...previous, year: 2026 }, /earlier call/],
    ['unknown', null, /no such application/],
  ])('%s', (_, prev, error) => {
    const problems = renewalProblems(prev, call);
    if (error === null) expect(problems).toEqual([]);
    else expect(problems).toEqual([{ path: 'renewalOfId', message: expect.stringMatching(error) }]);
  });
});

describe('envelope', () => {
  it.each([
    [100000, 90000, 10000, true],
    [100000, 90000, 10001, false],
    [100000, 0, 100001, false],
  ])('envelope %i, committed %i, +%i', (envelope, committed, amount, ok) =>
    expect(envelopeProblems(envelope, committed, amount).length === 0).toBe(ok),
  );
});

describe('documents and CER', () => {
  const rule = {
    requiredDocuments: [
      { code: 'RIB', label: 'RIB' },
      { code: 'BUDGET', label: 'Budget' },
    ],
    requiresCer: true,
  };
  it.each([
    ['association with everything', 'association', ['RIB', 'BUDGET'], true, []],
    ['association without CER', 'association', ['RIB', 'BUDGET'], false, ['CER']],
    ['commune: no CER needed', 'commune', ['RIB', 'BUDGET'], false, []],
    ['missing budget', 'commune', ['RIB'], false, ['BUDGET']],
  ])('%s', (_, applicantKind, documents, cerSigned, missing) =>
    expect(missingDocuments(rule, { applicantKind, documents, cerSigned })).toEqual(missing),
  );
});

describe('workflow and scoring', () => {
  it.each([
    ['submitted', ['admit', 'declare_inadmissible']],
    ['admissible', ['declare_inadmissible', 'grant', 'reject']],
    ['granted', ['close']],
    ['closed', []],
    ['rejected', []],
  ] as const)('from %s', (status, actions) => expect(allowedActions(status)).toEqual(actions));

  it('refuses unknown criteria and points above the maximum', () => {
    const criteria = [{ code: 'DGO', maxPoints: 5 }];
    expect(scoreProblems(criteria, { DGO: 5 })).toEqual([]);
    expect(scoreProblems(criteria, { DGO: 6, X: 1 }).map((p) => p.path)).toEqual([
      'scores.DGO',
      'scores.X',
    ]);
  });

  it('is open from the opening day (Paris) to the closing time', () => {
    const call = {
      opensOn: '2026-01-15',
      closesAt: new Date('2026-02-15T17:00:00Z'),
      adoptedAt: null,
    };
    expect(callPhase(call, new Date('2026-01-14T22:59:00Z'))).toBe('upcoming');
    expect(callPhase(call, new Date('2026-01-14T23:00:00Z'))).toBe('open'); // midnight in Paris
    expect(callPhase(call, new Date('2026-02-15T17:00:00Z'))).toBe('open');
    expect(callPhase(call, new Date('2026-02-15T17:00:01Z'))).toBe('closed');
    expect(callPhase({ ...call, adoptedAt: new Date() }, new Date('2026-01-20T00:00:00Z'))).toBe(
      'adopted',
    );
  });
});
