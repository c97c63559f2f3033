/**
 * What software can check on a deposited candidature (routine.md §3.2): the deadline, the
 * shape per voting system (candidate + remplaçant of the other sex, binôme F/H, paritary list),
 * the list size against the seats, and nobody standing twice in the same scrutin. Everything
 * else (eligibility documents, mandates) stays a human check.
 */
import type { CandidateMember, CandidatureKind, ElectionSystem } from '../contracts/elections';
import { describeDeadline, type DeadlineRule } from './deadlines';
import { parisLong } from './paris-time';

export interface ListSizeRules {
  /** Names allowed beyond the seats (« + 2 »). */
  extra: number;
  /** Names allowed short of the seats in small communes (2026: 2 under 1 000 inhabitants). */
  missingSmall: number;
  /** Population under which `missingSmall` applies. */
  smallPopulation: number;
}

export interface CandidatureContext {
  system: ElectionSystem;
  deadline: Date;
  deadlineRule: DeadlineRule;
  seats?: number;
  population?: number;
  listSize: ListSizeRules;
  /** Other live candidatures of the scrutin (not refused nor withdrawn). */
  others: readonly { label: string; members: readonly CandidateMember[] }[];
}

export interface Problem {
  path: string;
  message: string;
}

const EXPECTED_KIND: Partial<Record<ElectionSystem, CandidatureKind>> = {
  legislatives: 'candidat',
  presidentielle: 'candidat',
  departementales: 'binome',
  municipales: 'liste',
  regionales: 'liste',
  europeennes: 'liste',
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();

/** Same person: same folded names and birth date. */
export function personKey(
  m: Pick<CandidateMember, 'lastName' | 'firstName' | 'birthDate'>,
): string {
  return `${fold(m.lastName)}|${fold(m.firstName)}|${m.birthDate}`;
}

export const memberName = (m: Pick<CandidateMember, 'lastName' | 'firstName'>) =>
  `${m.lastName.toUpperCase()} ${m.firstName}`;

export function checkCandidature(
  input: { kind: CandidatureKind; depositedAt: string; members: readonly CandidateMember[] },
  ctx: CandidatureContext,
): Problem[] {
  const problems: Problem[] = [];
  const deposited = new Date(input.depositedAt);
  if (deposited > ctx.deadline)
    problems.push({
      path: 'depositedAt',
      message: `Dépôt hors délai : déposée le ${parisLong(deposited)}, clôture le ${parisLong(ctx.deadline)} (${describeDeadline(ctx.deadlineRule)})`,
    });

  const expected = EXPECTED_KIND[ctx.system];
  if (expected && input.kind !== expected)
    problems.push({
      path: 'kind',
      message: `Une candidature aux ${ctx.system} est de type « ${expected} »`,
    });

  const titulaires = input.members
    .filter((m) => m.role === 'titulaire')
    .sort((a, b) => a.rank - b.rank);
  const remplacants = input.members.filter((m) => m.role === 'remplacant');

  if (input.kind === 'candidat') {
    if (titulaires.length !== 1)
      problems.push({ path: 'members', message: 'Un candidat et un seul' });
    if (ctx.system === 'legislatives') {
      if (remplacants.length !== 1)
        problems.push({ path: 'members', message: 'Un remplaçant et un seul' });
      else if (titulaires[0] && remplacants[0].sex === titulaires[0].sex)
        problems.push({
          path: 'members',
          message: 'Le remplaçant doit être de sexe différent du candidat',
        });
    }
  }

  if (input.kind === 'binome') {
    const sexes = titulaires
      .map((m) => m.sex)
      .sort()
      .join('');
    if (titulaires.length !== 2 || sexes !== 'FM')
      problems.push({
        path: 'members',
        message: 'Le binôme est composé d’une femme et d’un homme',
      });
    for (const r of remplacants) {
      const titular = titulaires.find((t) => t.rank === r.replaces);
      if (!titular)
        problems.push({
          path: 'members',
          message: `Remplaçant ${memberName(r)} : titulaire remplacé non indiqué`,
        });
      else if (titular.sex !== r.sex)
        problems.push({
          path: 'members',
          message: `Remplaçant ${memberName(r)} : doit être du même sexe que ${memberName(titular)}`,
        });
    }
    if (remplacants.length !== 2)
      problems.push({ path: 'members', message: 'Deux remplaçants sont requis' });
  }

  if (input.kind === 'liste') {
    titulaires.forEach((m, i) => {
      if (m.rank !== i + 1)
        problems.push({
          path: 'members',
          message: `Rangs non continus : rang ${m.rank} en position ${i + 1}`,
        });
    });
    for (let i = 1; i < titulaires.length; i++) {
      if (titulaires[i].sex === titulaires[i - 1].sex)
        problems.push({
          path: 'members',
          message: `Parité : rangs ${titulaires[i - 1].rank} et ${titulaires[i].rank} sont du même sexe (${memberName(titulaires[i - 1])}, ${memberName(titulaires[i])})`,
        });
    }
    if (ctx.seats) {
      const small = ctx.population !== undefined && ctx.population < ctx.listSize.smallPopulation;
      const min = ctx.seats - (small ? ctx.listSize.missingSmall : 0);
      const max = ctx.seats + ctx.listSize.extra;
      if (titulaires.length < min || titulaires.length > max)
        problems.push({
          path: 'members',
          message: `Taille de liste : ${titulaires.length} candidats pour ${ctx.seats} sièges (de ${min} à ${max} admis)`,
        });
    }
  }

  const seen = new Map<string, CandidateMember>();
  for (const m of input.members) {
    const key = personKey(m);
    if (seen.has(key))
      problems.push({
        path: 'members',
        message: `${memberName(m)} figure deux fois sur la candidature`,
      });
    seen.set(key, m);
  }
  for (const other of ctx.others) {
    for (const m of other.members) {
      const same = seen.get(personKey(m));
      if (same)
        problems.push({
          path: 'members',
          message: `Double candidature : ${memberName(same)} (né(e) le ${same.birthDate}) figure déjà sur « ${other.label} »`,
        });
    }
  }
  return problems;
}
