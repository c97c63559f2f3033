/**
 * Thresholds and municipal seat allocation (Code électoral L.262, routine.md §3.2). Pure
 * functions; the threshold values come from the versioned `election_rule` table.
 */
import type { ElectionSystem } from '../contracts/elections';

export interface Thresholds {
  /** Strictly more than this % of exprimés to win in round one. */
  winExprimes: number;
  /** And at least this % of inscrits (majoritarian elections). */
  winInscrits: number;
  /** Round-two access, % of inscrits (législatives, départementales). */
  qualifyInscrits: number;
  /** Round-two access, % of exprimés (lists). */
  qualifyExprimes: number;
  /** Lists that may merge into a round-two list, % of exprimés. */
  mergeExprimes: number;
  /** Lists admitted to the seat allocation, % of exprimés. */
  seatExprimes: number;
}

export interface Contender {
  id: string;
  voix: number;
  /** Average age of the list or age of the candidate: the older wins ties. */
  age?: number;
}

export interface ContenderOutcome {
  elected: boolean;
  qualified: boolean;
  canMerge: boolean;
  seats: number | null;
}

export interface RaceOutcome {
  byId: Map<string, ContenderOutcome>;
  summary: string | null;
}

/** More votes first; equal votes: the older first. */
function ranking(a: Contender, b: Contender): number {
  return b.voix - a.voix || (b.age ?? 0) - (a.age ?? 0);
}

/** Seats of the majority bonus: half, rounded up above four seats, down below four. */
export function majorityBonus(seats: number): number {
  return seats > 4 ? Math.ceil(seats / 2) : Math.floor(seats / 2);
}

/**
 * Municipal allocation: the winning list takes the bonus, the remaining seats are shared at the
 * highest average among the lists with at least `seatExprimes` % of exprimés (the winner
 * included). Ties on an average: most votes, then the older list.
 */
export function allocateSeats(
  seats: number,
  lists: readonly Contender[],
  exprimes: number,
  seatExprimes: number,
  winnerId: string,
): Map<string, number> {
  const result = new Map(lists.map((l) => [l.id, 0]));
  if (lists.length === 0 || seats === 0) return result;
  const bonus = majorityBonus(seats);
  result.set(winnerId, bonus);
  const admitted = lists.filter((l) => l.voix * 100 >= seatExprimes * exprimes && l.voix > 0);
  const proportional = new Map(admitted.map((l) => [l.id, 0]));
  for (let s = 0; s < seats - bonus; s++) {
    let best: Contender | undefined;
    let bestAverage = -1;
    for (const l of admitted) {
      const average = l.voix / (proportional.get(l.id)! + 1);
      if (average > bestAverage || (average === bestAverage && best && ranking(l, best) < 0)) {
        best = l;
        bestAverage = average;
      }
    }
    if (!best) break;
    proportional.set(best.id, proportional.get(best.id)! + 1);
  }
  for (const [id, n] of proportional) result.set(id, result.get(id)! + n);
  return result;
}

const LIST_SYSTEMS: ElectionSystem[] = ['municipales'];
const MAJORITARIAN: ElectionSystem[] = ['legislatives', 'departementales', 'presidentielle'];

/**
 * Who is elected, who may stand in round two and, for municipal lists, the seats, on the
 * totals of one circonscription. Other systems (européennes, régionales, sénatoriales) are
 * centralised only: the Cabinet does not proclaim them.
 */
export function raceOutcome(
  system: ElectionSystem,
  round: number,
  totals: { inscrits: number; exprimes: number },
  contenders: readonly Contender[],
  t: Thresholds,
  seats?: number,
): RaceOutcome {
  const byId = new Map<string, ContenderOutcome>(
    contenders.map((c) => [
      c.id,
      { elected: false, qualified: false, canMerge: false, seats: null },
    ]),
  );
  const sorted = [...contenders].sort(ranking);
  const [first] = sorted;
  if (!first || totals.exprimes === 0) return { byId, summary: null };
  const pctExp = (c: Contender) => (c.voix * 100) / totals.exprimes;
  const pctIns = (c: Contender) => (totals.inscrits ? (c.voix * 100) / totals.inscrits : 0);

  if (MAJORITARIAN.includes(system)) {
    if (round === 2) {
      byId.get(first.id)!.elected = true;
      return { byId, summary: 'Élu au second tour' };
    }
    if (pctExp(first) > t.winExprimes && pctIns(first) >= t.winInscrits) {
      byId.get(first.id)!.elected = true;
      return { byId, summary: 'Élu au premier tour' };
    }
    let qualified = sorted.filter((c) => pctIns(c) >= t.qualifyInscrits);
    if (qualified.length < 2) qualified = sorted.slice(0, 2);
    for (const c of qualified) byId.get(c.id)!.qualified = true;
    return { byId, summary: `Second tour : ${qualified.length} qualifiés` };
  }

  if (LIST_SYSTEMS.includes(system)) {
    const wins = round === 2 || pctExp(first) > t.winExprimes;
    if (wins && seats) {
      const allocation = allocateSeats(
        seats,
        contenders,
        totals.exprimes,
        t.seatExprimes,
        first.id,
      );
      for (const [id, n] of allocation) byId.get(id)!.seats = n;
      byId.get(first.id)!.elected = true;
      return {
        byId,
        summary: `Liste majoritaire : ${allocation.get(first.id)} sièges sur ${seats}`,
      };
    }
    if (!wins) {
      for (const c of contenders) {
        byId.get(c.id)!.qualified = pctExp(c) >= t.qualifyExprimes;
        byId.get(c.id)!.canMerge = pctExp(c) >= t.mergeExprimes;
      }
      return { byId, summary: 'Second tour nécessaire' };
    }
  }
  return { byId, summary: null };
}
