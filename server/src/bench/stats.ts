/** Small statistics for interleaved baseline/subject rounds (perf.md §4 protocol). */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // nearest rank
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values: number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One value per round, for the baseline and the subject, paired by round. */
export interface Paired {
  baseline: number[];
  vigie: number[];
}

/** Median of the per-round ratios vigie / baseline, with their spread. */
export function ratios(p: Paired): { median: number; min: number; max: number; each: number[] } {
  const each = p.vigie.map((v, i) => v / p.baseline[i]);
  return { median: median(each), min: Math.min(...each), max: Math.max(...each), each };
}

/**
 * Runs baseline and subject interleaved B, V, B, V … so that drift and noise on the machine
 * hit both. Each call returns that round's measurements (any number of named values).
 */
export async function interleave<T extends Record<string, number>>(
  rounds: number,
  baseline: (round: number) => Promise<T>,
  vigie: (round: number) => Promise<T>,
): Promise<{ [K in keyof T]: Paired }> {
  const out: Partial<Record<keyof T, Paired>> = {};
  const add = (side: keyof Paired, values: T) => {
    for (const key of Object.keys(values) as (keyof T)[]) {
      (out[key] ??= { baseline: [], vigie: [] })[side].push(values[key]);
    }
  };
  for (let round = 0; round < rounds; round++) {
    add('baseline', await baseline(round));
    add('vigie', await vigie(round));
  }
  return out as { [K in keyof T]: Paired };
}

/**
 * perf.md §4: a goal fails only if the median ratio misses the target AND at least 3 of 5
 * pairs (a majority) miss it.
 */
export function verdict(
  p: Paired,
  target: number,
  direction: 'atLeast' | 'atMost',
): { pass: boolean; ratio: number; missed: number; pairs: number } {
  const r = ratios(p);
  const misses = (x: number) => (direction === 'atLeast' ? x < target : x > target);
  const missed = r.each.filter(misses).length;
  return {
    pass: !(misses(r.median) && missed > r.each.length / 2),
    ratio: r.median,
    missed,
    pairs: r.each.length,
  };
}
