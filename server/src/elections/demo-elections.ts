/**
 * Demo elections (VIGIE_DEMO): législatives on the five circonscriptions of the Puy-de-Dôme, both
 * rounds, with bureaux and inscrits for every commune (from the population), fictitious
 * candidates, participation and results — round one complete and validated, round two in the
 * middle of its election night (arrivals, errors to call back) — and a municipal by-election in
 * preparation. Idempotent: nothing is written when the demo round one exists.
 */
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { CandidateMember, Circonscription } from '../contracts/elections';
import { DEMO_FIRST_NAMES_F, DEMO_FIRST_NAMES_M, DEMO_SURNAMES } from '../directory/demo-names';
import { Candidature, CandidatureEvent } from './candidature.entity';
import { addDays, parisInstant, parisParts, weekday } from './paris-time';
import { BureauResult, ResultEvent, Turnout } from './result.entity';
import { Bureau, Scrutin } from './scrutin.entity';

export const DEMO_T1_LABEL = 'Élections législatives — 1er tour (démonstration)';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fictitious candidates of a round one: nuance and weight (share of the votes, before noise). */
const FIELD: { nuance: string; etiquette: string; weight: number }[] = [
  { nuance: 'ENS', etiquette: 'Ensemble pour la République', weight: 27 },
  { nuance: 'UG', etiquette: 'Nouveau Front populaire', weight: 30 },
  { nuance: 'RN', etiquette: 'Rassemblement national', weight: 24 },
  { nuance: 'LR', etiquette: 'Les Républicains', weight: 9 },
  { nuance: 'REC', etiquette: 'Reconquête', weight: 4 },
  { nuance: 'DIV', etiquette: 'Divers', weight: 3 },
  { nuance: 'EXG', etiquette: 'Lutte ouvrière', weight: 3 },
];

interface CommuneRow {
  insee: string;
  name: string;
  population: number;
  circonscription_codes: string[];
}

function lastSundayBefore(date: string, minDays: number): string {
  let d = addDays(date, -minDays);
  while (weekday(d) !== 0) d = addDays(d, -1);
  return d;
}

function nextSundayAfter(date: string, minDays: number): string {
  let d = addDays(date, minDays);
  while (weekday(d) !== 0) d = addDays(d, 1);
  return d;
}

export async function seedDemoElections(
  manager: EntityManager,
  now: Date,
): Promise<{ scrutins: number; bureaux: number }> {
  if (await manager.existsBy(Scrutin, { label: DEMO_T1_LABEL })) return { scrutins: 0, bureaux: 0 };
  const communes = (await manager.query(
    'SELECT insee, name, population, circonscription_codes FROM commune ORDER BY insee',
  )) as CommuneRow[];
  const circoRows = (await manager.query(
    'SELECT code, name FROM circonscription ORDER BY code',
  )) as { code: string; name: string }[];
  if (communes.length === 0 || circoRows.length === 0) return { scrutins: 0, bureaux: 0 };
  const [agent] = (await manager.query(
    `SELECT id, display_name FROM "user" WHERE email = 'cabinet@vigie.test'`,
  )) as {
    id: string;
    display_name: string;
  }[];
  const [checker] = (await manager.query(
    `SELECT id, display_name FROM "user" WHERE email = 'directeur@vigie.test'`,
  )) as {
    id: string;
    display_name: string;
  }[];
  const entering = agent ?? { id: randomUUID(), display_name: 'Agent du Cabinet' };
  const validating = checker ?? { id: randomUUID(), display_name: 'Directeur de cabinet' };
  const random = prng(63_2026);
  const today = parisParts(now).date;
  const t1Date = lastSundayBefore(today, 14);
  const t2Date = addDays(t1Date, 7);

  const circos: Circonscription[] = circoRows.map((c) => ({
    code: c.code,
    label: c.name,
    kind: 'legislative',
    communes: communes.filter((x) => x.circonscription_codes.includes(c.code)).map((x) => x.insee),
  }));
  const base = {
    type: 'legislatives' as const,
    system: 'legislatives' as const,
    circonscriptions: circos,
    openingTime: '08:00',
    closingTime: '18:00',
    closingExceptions: [{ communeInsee: '63113', closingTime: '20:00' }],
    turnoutSlots: ['12:00', '17:00'],
    convocationRef: 'Décret portant convocation des électeurs (démonstration)',
    createdBy: entering.id,
  };
  const t1 = await manager.save(
    manager.create(Scrutin, {
      ...base,
      label: DEMO_T1_LABEL,
      date: t1Date,
      round: 1,
      status: 'clos',
      receiptCounter: 0,
    }),
  );
  const t2 = await manager.save(
    manager.create(Scrutin, {
      ...base,
      label: 'Élections législatives — 2nd tour (démonstration)',
      date: t2Date,
      round: 2,
      firstRoundId: t1.id,
      status: 'resultats',
      receiptCounter: 0,
    }),
  );

  // bureaux: about one per 1 100 inscrits, inscrits ≈ 74 % of the population
  const bureauRows: Omit<Bureau, 'id' | 'scrutin' | 'commune' | 'scrutinId'>[] = [];
  for (const c of communes) {
    const inscrits = Math.max(20, Math.round(c.population * 0.74));
    const n = Math.max(1, Math.ceil(inscrits / 1100));
    const codes = c.circonscription_codes.length ? c.circonscription_codes : [circos[0].code];
    for (let i = 0; i < n; i++) {
      const share = Math.floor(inscrits / n) + (i < inscrits % n ? 1 : 0);
      bureauRows.push({
        communeInsee: c.insee,
        code: String(i + 1).padStart(4, '0'),
        label: n === 1 ? 'Mairie' : i === 0 ? 'Hôtel de ville' : `Bureau ${i + 1} — école`,
        address: null,
        centralisateur: i === 0,
        inscrits: share,
        circonscription: codes[i % codes.length],
      });
    }
  }
  const insertBureaux = async (scrutinId: string) => {
    const saved: Bureau[] = [];
    for (let i = 0; i < bureauRows.length; i += 500)
      saved.push(
        ...(await manager.save(
          bureauRows.slice(i, i + 500).map((b) => manager.create(Bureau, { ...b, scrutinId })),
        )),
      );
    return saved;
  };
  const b1 = await insertBureaux(t1.id);
  const b2 = await insertBureaux(t2.id);

  // candidatures: round one, 5 to 7 per circonscription; round two, the two leading of each
  let receipt = 0;
  const person = (
    key: number,
    sex: 'F' | 'M',
  ): Pick<CandidateMember, 'lastName' | 'firstName' | 'birthDate'> => {
    const names = sex === 'F' ? DEMO_FIRST_NAMES_F : DEMO_FIRST_NAMES_M;
    return {
      lastName: DEMO_SURNAMES[(key * 7919) % DEMO_SURNAMES.length],
      firstName: names[(key * 104729) % names.length],
      birthDate: `${1955 + (key % 40)}-${String(1 + (key % 12)).padStart(2, '0')}-${String(1 + (key % 27)).padStart(2, '0')}`,
    };
  };
  const deposit = async (
    scrutin: Scrutin,
    circo: string,
    panel: number,
    field: (typeof FIELD)[number],
    key: number,
    at: Date,
    status: 'enregistree',
  ) => {
    const sex: 'F' | 'M' = key % 2 ? 'F' : 'M';
    const other: 'F' | 'M' = sex === 'F' ? 'M' : 'F';
    receipt += 1;
    const members: CandidateMember[] = [
      { rank: 1, role: 'titulaire', sex, ...person(key, sex) },
      { rank: 1, role: 'remplacant', sex: other, replaces: 1, ...person(key + 5000, other) },
    ];
    const c = await manager.save(
      manager.create(Candidature, {
        scrutinId: scrutin.id,
        circonscription: circo,
        kind: 'candidat',
        title: null,
        etiquette: field.etiquette,
        nuance: field.nuance,
        panel,
        depositedAt: at,
        depositor: `${members[0].firstName} ${members[0].lastName}`,
        deadline: at,
        members,
        status,
        provisionalReceiptNo: `P-${scrutin.date.slice(0, 4)}-${scrutin.id.slice(0, 4).toUpperCase()}-${String(receipt).padStart(4, '0')}`,
        provisionalReceiptAt: at,
        definitiveReceiptNo: `D-${scrutin.date.slice(0, 4)}-${scrutin.id.slice(0, 4).toUpperCase()}-${String(receipt).padStart(4, '0')}`,
        definitiveReceiptAt: new Date(at.getTime() + 3 * 86400_000),
        averageAge: null,
        createdBy: entering.id,
      }),
    );
    await manager.insert(CandidatureEvent, [
      {
        candidatureId: c.id,
        from: null,
        to: 'deposee',
        at,
        by: entering.id,
        byName: entering.display_name,
        note: null,
      },
      {
        candidatureId: c.id,
        from: 'deposee',
        to: 'enregistree',
        at: c.definitiveReceiptAt!,
        by: entering.id,
        byName: entering.display_name,
        note: null,
      },
    ]);
    return c;
  };
  const t1Deposit = parisInstant(addDays(t1Date, -30), '10:30');
  const t2Deposit = parisInstant(addDays(t1Date, 1), '11:00');
  const byCirco = new Map<string, { c: Candidature; weight: number }[]>();
  for (const [ci, circo] of circos.entries()) {
    const count = 5 + (ci % 3);
    const list: { c: Candidature; weight: number }[] = [];
    for (let k = 0; k < count; k++) {
      const field = FIELD[k];
      // the circonscription's political colour shifts the first three a little
      const weight = field.weight + (k < 3 ? ((ci * 3 + k * 5) % 7) - 3 : 0);
      list.push({
        c: await deposit(t1, circo.code, k + 1, field, ci * 100 + k + 1, t1Deposit, 'enregistree'),
        weight,
      });
    }
    byCirco.set(circo.code, list);
  }
  t1.receiptCounter = receipt;
  await manager.save(t1);

  // results: votes drawn around the weights, participation around 67 %
  const enteredAt = parisInstant(t1Date, '20:40');
  const drawResult = (b: Bureau, list: { id: string; weight: number }[], turnoutRate: number) => {
    const votants = Math.round(
      b.inscrits * Math.min(0.9, Math.max(0.4, turnoutRate + (random() - 0.5) * 0.16)),
    );
    const blancs = Math.round(votants * (0.01 + random() * 0.02));
    const nuls = Math.round(votants * (0.005 + random() * 0.01));
    const exprimes = votants - blancs - nuls;
    const noisy = list.map((c) => Math.max(0.2, c.weight * (0.7 + random() * 0.6)));
    const sum = noisy.reduce((a, x) => a + x, 0);
    const voix: Record<string, number> = {};
    let given = 0;
    list.forEach((c, i) => {
      const v = i === list.length - 1 ? exprimes - given : Math.floor((exprimes * noisy[i]) / sum);
      voix[c.id] = v;
      given += v;
    });
    return { inscrits: b.inscrits, votants, blancs, nuls, exprimes, voix, emargements: votants };
  };
  const t1Results: Partial<BureauResult>[] = [];
  const t1Events: Partial<ResultEvent>[] = [];
  const t1Voix = new Map<string, number>();
  for (const b of b1) {
    const list = byCirco.get(b.circonscription)!.map((x) => ({ id: x.c.id, weight: x.weight }));
    const r = drawResult(b, list, 0.67);
    for (const [id, v] of Object.entries(r.voix)) t1Voix.set(id, (t1Voix.get(id) ?? 0) + v);
    t1Results.push({
      scrutinId: t1.id,
      bureauId: b.id,
      status: 'valide',
      ...r,
      comment: null,
      warnings: [],
      source: b.communeInsee === '63113' ? 'eirel' : 'telephone',
      pvReceived: true,
      enteredBy: entering.id,
      enteredByName: entering.display_name,
      enteredAt,
      validatedBy: validating.id,
      validatedByName: validating.display_name,
      validatedAt: new Date(enteredAt.getTime() + 15 * 60_000),
      version: 2,
    });
    t1Events.push(
      {
        bureauId: b.id,
        from: 'non_arrive',
        to: 'saisi',
        at: enteredAt,
        by: entering.id,
        byName: entering.display_name,
        note: null,
      },
      {
        bureauId: b.id,
        from: 'saisi',
        to: 'valide',
        at: new Date(enteredAt.getTime() + 15 * 60_000),
        by: validating.id,
        byName: validating.display_name,
        note: null,
      },
    );
  }
  for (let i = 0; i < t1Results.length; i += 500)
    await manager.insert(BureauResult, t1Results.slice(i, i + 500));
  for (let i = 0; i < t1Events.length; i += 1000)
    await manager.insert(ResultEvent, t1Events.slice(i, i + 1000));

  // round two: the two leading candidates of each circonscription
  const duels = new Map<string, { id: string; weight: number }[]>();
  for (const circo of circos) {
    const top = byCirco
      .get(circo.code)!
      .sort((a, b) => (t1Voix.get(b.c.id) ?? 0) - (t1Voix.get(a.c.id) ?? 0))
      .slice(0, 2);
    const list: { id: string; weight: number }[] = [];
    for (const [k, x] of top.entries()) {
      const key = circos.indexOf(circo) * 100 + FIELD.findIndex((f) => f.nuance === x.c.nuance) + 1;
      const field = FIELD.find((f) => f.nuance === x.c.nuance)!;
      const c = await deposit(t2, circo.code, k + 1, field, key, t2Deposit, 'enregistree');
      list.push({ id: c.id, weight: x.weight + (k === 0 ? 4 : 0) });
    }
    duels.set(circo.code, list);
  }
  t2.receiptCounter = receipt;
  await manager.save(t2);

  // election night of round two: about two thirds arrived, a few errors, half validated
  const t2At = parisInstant(t2Date, '20:25');
  const t2Results: Partial<BureauResult>[] = [];
  const t2Events: Partial<ResultEvent>[] = [];
  for (const b of b2) {
    const roll = random();
    if (roll > 0.66) continue;
    const r = drawResult(b, duels.get(b.circonscription)!, 0.64);
    const error = roll < 0.015;
    const validated = !error && roll < 0.35;
    if (error) r.emargements = r.votants + 2;
    t2Results.push({
      scrutinId: t2.id,
      bureauId: b.id,
      status: error ? 'erreur' : validated ? 'valide' : 'saisi',
      ...r,
      comment: null,
      warnings: error
        ? [
            `Bureau ${b.communeInsee}-${b.code} : émargements (${r.emargements}) ≠ enveloppes et bulletins (votants ${r.votants}) — à mentionner au procès-verbal`,
          ]
        : [],
      source: 'telephone',
      pvReceived: validated,
      enteredBy: entering.id,
      enteredByName: entering.display_name,
      enteredAt: t2At,
      validatedBy: validated ? validating.id : null,
      validatedByName: validated ? validating.display_name : null,
      validatedAt: validated ? new Date(t2At.getTime() + 10 * 60_000) : null,
      version: validated ? 2 : 1,
    });
    t2Events.push({
      bureauId: b.id,
      from: 'non_arrive',
      to: error ? 'erreur' : 'saisi',
      at: t2At,
      by: entering.id,
      byName: entering.display_name,
      note: null,
    });
    if (validated)
      t2Events.push({
        bureauId: b.id,
        from: 'saisi',
        to: 'valide',
        at: new Date(t2At.getTime() + 10 * 60_000),
        by: validating.id,
        byName: validating.display_name,
        note: null,
      });
  }
  for (let i = 0; i < t2Results.length; i += 500)
    await manager.insert(BureauResult, t2Results.slice(i, i + 500));
  for (let i = 0; i < t2Events.length; i += 1000)
    await manager.insert(ResultEvent, t2Events.slice(i, i + 1000));

  // participation at 12:00 and 17:00 of both rounds
  const turnout: Partial<Turnout>[] = [];
  for (const [scrutin, bureaux, rate] of [
    [t1, b1, 0.67],
    [t2, b2, 0.64],
  ] as const)
    for (const b of bureaux) {
      const noon = Math.round(b.inscrits * rate * (0.34 + random() * 0.08));
      const five = Math.round(b.inscrits * rate * (0.76 + random() * 0.08));
      turnout.push(
        {
          scrutinId: scrutin.id,
          bureauId: b.id,
          slot: '12:00',
          votants: noon,
          warnings: [],
          enteredBy: entering.id,
          enteredAt: parisInstant(scrutin.date, '12:20'),
        },
        {
          scrutinId: scrutin.id,
          bureauId: b.id,
          slot: '17:00',
          votants: five,
          warnings: [],
          enteredBy: entering.id,
          enteredAt: parisInstant(scrutin.date, '17:20'),
        },
      );
    }
  for (let i = 0; i < turnout.length; i += 1000)
    await manager.insert(Turnout, turnout.slice(i, i + 1000));

  // a municipal by-election in preparation, in a commune of about 800 inhabitants
  const small =
    communes.filter((c) => c.population >= 700 && c.population < 1000)[7] ?? communes[0];
  const byDate = nextSundayAfter(today, 42);
  const seats = small.population < 500 ? 11 : 15;
  const partielle = await manager.save(
    manager.create(Scrutin, {
      type: 'partielle',
      system: 'municipales',
      label: `Élection municipale partielle intégrale — ${small.name} (démonstration)`,
      date: byDate,
      round: 1,
      status: 'candidatures',
      circonscriptions: [
        {
          code: small.insee,
          label: small.name,
          kind: 'commune',
          communes: [small.insee],
          seats,
          population: small.population,
        },
      ],
      openingTime: '08:00',
      closingTime: '18:00',
      closingExceptions: [],
      turnoutSlots: ['12:00', '17:00'],
      convocationRef: 'Arrêté préfectoral de convocation des électeurs (démonstration)',
      receiptCounter: 1,
      createdBy: entering.id,
    }),
  );
  await manager.save(
    manager.create(Bureau, {
      scrutinId: partielle.id,
      communeInsee: small.insee,
      code: '0001',
      label: 'Mairie',
      address: 'Place de la Mairie',
      centralisateur: true,
      inscrits: Math.round(small.population * 0.78),
      circonscription: small.insee,
    }),
  );
  const listMembers: CandidateMember[] = Array.from({ length: seats }, (_, i) => {
    const sex: 'F' | 'M' = i % 2 === 0 ? 'F' : 'M';
    return { rank: i + 1, role: 'titulaire', sex, ...person(9000 + i, sex) };
  });
  const at = parisInstant(addDays(today, -2), '15:10');
  const list = await manager.save(
    manager.create(Candidature, {
      scrutinId: partielle.id,
      circonscription: small.insee,
      kind: 'liste',
      title: `Ensemble pour ${small.name}`,
      etiquette: 'Sans étiquette',
      nuance: 'LDIV',
      panel: null,
      depositedAt: at,
      depositor: `${listMembers[0].firstName} ${listMembers[0].lastName}`,
      deadline: parisInstant(addDays(byDate, -17), '18:00'),
      members: listMembers,
      status: 'deposee',
      provisionalReceiptNo: `P-${byDate.slice(0, 4)}-${partielle.id.slice(0, 4).toUpperCase()}-0001`,
      provisionalReceiptAt: at,
      averageAge: null,
      createdBy: entering.id,
    }),
  );
  await manager.insert(CandidatureEvent, {
    candidatureId: list.id,
    from: null,
    to: 'deposee',
    at,
    by: entering.id,
    byName: entering.display_name,
    note: null,
  });
  return { scrutins: 3, bureaux: b1.length + b2.length + 1 };
}
