/**
 * The map benchmark's data, identical on both pages: 10,000 synthetic incidents over the
 * Puy-de-Dôme bounding box and a deterministic stream of live updates. Type-only imports from
 * the contracts, so the bare page does not load zod.
 */
import type { Incident } from '@contracts/crisis';

export const INCIDENT_COUNT = 10_000;
/** [west, south, east, north] */
export const BBOX = [2.38, 45.28, 3.99, 46.26] as const;
const SEED = 0x63_2026;

const KINDS: readonly Incident['kind'][] = [
  'inondation',
  'crue',
  'glissement_terrain',
  'chute_neige',
  'route_coupee',
  'accident_route',
  'incendie',
  'feu_foret',
  'coupure_electricite',
  'coupure_eau',
  'pollution',
  'industriel',
  'effondrement',
  'evacuation',
  'ordre_public',
  'sanitaire',
  'autre',
];
const SEVERITIES: readonly Incident['severity'][] = ['faible', 'moyenne', 'grave', 'critique'];
const STATUSES: readonly Incident['status'][] = ['signale', 'en_cours', 'maitrise', 'clos'];
/** 40 % faible, 30 % moyenne, 20 % grave, 10 % critique. */
const SEVERITY_WEIGHTS: readonly [Incident['severity'], number][] = [
  ['faible', 0.4],
  ['moyenne', 0.7],
  ['grave', 0.9],
  ['critique', 1],
];
/** Towns the synthetic incidents crowd around (lon, lat): 40 % of them, the rest uniform. */
const HOTSPOTS: readonly [number, number][] = [
  [3.087, 45.778], // Clermont-Ferrand
  [3.113, 45.894], // Riom
  [3.547, 45.856], // Thiers
  [3.249, 45.544], // Issoire
  [3.743, 45.548], // Ambert
  [2.816, 45.627], // Le Mont-Dore
  [2.888, 46.017], // Saint-Éloy-les-Mines
  [3.396, 45.939], // Lezoux
];

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)] as T;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function severityOf(r: number): Incident['severity'] {
  for (const [severity, upTo] of SEVERITY_WEIGHTS) if (r < upTo) return severity;
  return 'critique';
}

function gaussian(random: () => number): number {
  // Box–Muller
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function position(random: () => number): [number, number] {
  const [west, south, east, north] = BBOX;
  if (random() < 0.4) {
    const [lon, lat] = pick(HOTSPOTS, random());
    return [
      round6(clamp(lon + gaussian(random) * 0.06, west, east)),
      round6(clamp(lat + gaussian(random) * 0.04, south, north)),
    ];
  }
  return [round6(west + random() * (east - west)), round6(south + random() * (north - south))];
}

const hex12 = (i: number) => i.toString(16).padStart(12, '0');

export function makeIncidents(count = INCIDENT_COUNT): Incident[] {
  const random = prng(SEED);
  const at = '2026-01-15T08:00:00.000Z';
  const incidents: Incident[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(KINDS, random());
    incidents.push({
      id: `00000000-0000-4000-8000-${hex12(i)}`,
      crisisId: '00000000-0000-4000-8000-ffffffffffff',
      title: `Incident de synthèse n° ${i + 1}`,
      kind,
      severity: severityOf(random()),
      status: pick(STATUSES, random()),
      location: { type: 'Point', coordinates: position(random) },
      communeInsee: null,
      communeName: null,
      description: null,
      counters: {},
      exercise: true,
      version: 1,
      createdBy: '00000000-0000-4000-8000-000000000001',
      createdAt: at,
      updatedAt: at,
    });
  }
  return incidents;
}

export interface LiveUpdate {
  index: number;
  incident: Incident;
  /** What changed, for the report: every update changes the status. */
  severity: boolean;
  moved: boolean;
}

/**
 * Update number k of the live stream, applied to the current incidents: one random incident gets
 * a new object (as a socket event patched into the cache would give) with another status; every
 * other update also another severity, and one in four moves it by up to ~2 km. A function of k
 * and the current list only, so both pages see the same stream.
 */
export function liveUpdate(k: number, incidents: readonly Incident[]): LiveUpdate {
  const random = prng(SEED ^ Math.imul(k + 1, 0x9e3779b1));
  const index = Math.floor(random() * incidents.length);
  const before = incidents[index] as Incident;
  const status = STATUSES[
    (STATUSES.indexOf(before.status) + 1) % STATUSES.length
  ] as Incident['status'];
  const severity = k % 2 === 0;
  const moved = k % 4 === 3;
  let location = before.location;
  if (moved && location.type === 'Point') {
    const [lon, lat] = location.coordinates;
    location = {
      type: 'Point',
      coordinates: [round6(lon + (random() - 0.5) * 0.04), round6(lat + (random() - 0.5) * 0.03)],
    };
  }
  const incident: Incident = {
    ...before,
    status,
    // a different severity: one of the three others
    severity: severity
      ? (SEVERITIES[
          (SEVERITIES.indexOf(before.severity) + 1 + Math.floor(random() * 3)) % 4
        ] as Incident['severity'])
      : before.severity,
    location,
    version: before.version + 1,
    updatedAt: new Date(Date.UTC(2026, 0, 15, 9, 0, 0, k * 50)).toISOString(),
  };
  return { index, incident, severity, moved };
}
