/**
 * Synthetic accident files in the real BAAC format (four `;`-separated quoted files), for the
 * demo data and the test fixture. Deterministic: the same seed gives the same files. Accidents
 * fall in communes weighted by population, near the commune's label point. Fictitious data.
 */
import type { BaacFile } from '../contracts/road-safety';

export interface SynthCommune {
  insee: string;
  population: number;
  lon: number;
  lat: number;
}

export interface SynthOptions {
  year: number;
  /** Accidents in the département. */
  count: number;
  /** Accidents of other départements mixed in (the import must leave them out). */
  others?: number;
  seed: number;
  department?: string;
}

const HEADERS: Record<BaacFile, string[]> = {
  caracteristiques: [
    'Num_Acc',
    'jour',
    'mois',
    'an',
    'hrmn',
    'lum',
    'dep',
    'com',
    'agg',
    'int',
    'atm',
    'col',
    'adr',
    'lat',
    'long',
  ],
  lieux: [
    'Num_Acc',
    'catr',
    'voie',
    'v1',
    'v2',
    'circ',
    'nbv',
    'vosp',
    'prof',
    'pr',
    'pr1',
    'plan',
    'lartpc',
    'larrout',
    'surf',
    'infra',
    'situ',
    'vma',
  ],
  vehicules: [
    'Num_Acc',
    'id_vehicule',
    'num_veh',
    'senc',
    'catv',
    'obs',
    'obsm',
    'choc',
    'manv',
    'motor',
    'occutc',
  ],
  usagers: [
    'Num_Acc',
    'id_usager',
    'id_vehicule',
    'num_veh',
    'place',
    'catu',
    'grav',
    'sexe',
    'an_nais',
    'trajet',
    'secu1',
    'secu2',
    'secu3',
    'locp',
    'actp',
    'etatp',
  ],
};

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

const ROADS = [
  [3, 45],
  [4, 33],
  [2, 8],
  [1, 5],
  [7, 5],
  [5, 2],
  [9, 2],
] as const;
const ROAD_NAMES: Record<number, string[]> = {
  1: ['A 71', 'A 75', 'A 89', 'A 711'],
  2: ['N 89', 'N 9', 'N 102'],
  3: ['D 2089', 'D 943', 'D 906', 'D 2009', 'D 996', 'D 978', 'D 212', 'D 799'],
  4: [
    'Rue de la République',
    'Avenue Jean Jaurès',
    'Rue du Stade',
    'Route de la Gare',
    'Chemin des Vignes',
  ],
  5: ['Parking du centre commercial'],
  7: ['Boulevard Gustave Flaubert', 'Avenue de la Libération', 'Boulevard Lavoisier'],
  9: ['Voie privée'],
};
const VEHICLES = [
  [7, 62],
  [33, 8],
  [1, 5],
  [10, 6],
  [30, 3],
  [31, 2],
  [2, 2],
  [14, 3],
  [50, 3],
  [80, 2],
  [38, 1],
  [21, 1],
  [99, 2],
] as const;
const WORST = [
  [2, 7],
  [3, 35],
  [4, 58],
] as const;
const OTHER_DEPS = [
  ['03', '03185', 46.34, 3.0],
  ['15', '15014', 44.93, 2.44],
  ['43', '43157', 45.04, 3.88],
  ['42', '42218', 45.43, 4.39],
] as const;

const q = (cells: (string | number)[]) => cells.map((c) => `"${String(c)}"`).join(';');
const coord = (n: number) => n.toFixed(8).replace('.', ',');

/** The four files of one year, as ONISR publishes them (header line, every value quoted). */
export function synthesizeBaac(
  communes: SynthCommune[],
  options: SynthOptions,
): Record<BaacFile, string> {
  const random = prng(options.seed);
  const dep = options.department ?? '63';
  const weighted = communes.map((c) => [c, Math.sqrt(Math.max(c.population, 1))] as const);
  const rows: Record<BaacFile, string[]> = {
    caracteristiques: [q(HEADERS.caracteristiques)],
    lieux: [q(HEADERS.lieux)],
    vehicules: [q(HEADERS.vehicules)],
    usagers: [q(HEADERS.usagers)],
  };
  const total = options.count + (options.others ?? 0);
  const otherEvery = options.others ? Math.floor(total / options.others) : Infinity;
  let vehicleSerial = 0;
  let userSerial = 0;
  let othersLeft = options.others ?? 0;
  for (let i = 1; i <= total; i++) {
    const numAcc = `${options.year}${String(i).padStart(8, '0')}`;
    const other = othersLeft > 0 && i % otherEvery === 0;
    if (other) othersLeft--;
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * new Date(Date.UTC(options.year, month, 0)).getUTCDate());
    const hour = pickWeighted(random, [
      [8, 3],
      [12, 2],
      [17, 4],
      [18, 4],
      [22, 2],
      [3, 1],
      [14, 3],
    ]);
    const minute = Math.floor(random() * 60);
    const lum =
      hour >= 21 || hour <= 5
        ? pickWeighted(random, [
            [3, 2],
            [5, 1],
            [4, 1],
          ])
        : pickWeighted(random, [
            [1, 9],
            [2, 1],
          ]);
    let com: string;
    let lat: number;
    let lon: number;
    let depCode = dep;
    if (other) {
      const o = OTHER_DEPS[Math.floor(random() * OTHER_DEPS.length)];
      [depCode, com, lat, lon] = [o[0], o[1], o[2], o[3]];
    } else {
      const c = pickWeighted(random, weighted);
      com = c.insee;
      lat = c.lat + (random() - 0.5) * 0.02;
      lon = c.lon + (random() - 0.5) * 0.03;
    }
    const catr = pickWeighted(random, ROADS);
    const agg =
      catr === 4 || catr === 7 || catr === 5
        ? 2
        : pickWeighted(random, [
            [1, 3],
            [2, 1],
          ]);
    const names = ROAD_NAMES[catr];
    const adr = names[Math.floor(random() * names.length)];
    rows.caracteristiques.push(
      q([
        numAcc,
        day,
        month,
        options.year,
        `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
        lum,
        depCode,
        com,
        agg,
        1 + Math.floor(random() * 3),
        pickWeighted(random, [
          [1, 8],
          [2, 2],
          [3, 1],
          [5, 1],
        ]),
        1 + Math.floor(random() * 7),
        adr,
        coord(lat),
        coord(lon),
      ]),
    );
    const vma =
      catr === 1
        ? 130
        : catr === 2 || catr === 3
          ? agg === 2
            ? 50
            : 80
          : agg === 2
            ? 30 + 20 * Math.floor(random() * 2)
            : 50;
    rows.lieux.push(
      q([
        numAcc,
        catr,
        adr,
        '0',
        '',
        2,
        2,
        0,
        1,
        '(1)',
        '(1)',
        1,
        '',
        '',
        pickWeighted(random, [
          [1, 8],
          [2, 2],
        ]),
        0,
        1,
        vma,
      ]),
    );

    const vehicleCount = pickWeighted(random, [
      [1, 4],
      [2, 5],
      [3, 1],
    ]);
    const vehicles: { id: string; num: string; catv: number }[] = [];
    for (let v = 0; v < vehicleCount; v++) {
      vehicleSerial++;
      const serial = String(100_000_000 + options.year * 1000 + vehicleSerial).slice(-9);
      const id = `${serial.slice(0, 3)} ${serial.slice(3, 6)} ${serial.slice(6)}`;
      const num = `${String.fromCharCode(65 + v)}01`;
      const catv = pickWeighted(random, VEHICLES);
      vehicles.push({ id, num, catv });
      rows.vehicules.push(
        q([
          numAcc,
          id,
          num,
          1,
          String(catv).padStart(2, '0'),
          0,
          vehicleCount > 1 ? 2 : 0,
          1,
          1,
          1,
          '',
        ]),
      );
    }
    const worst = pickWeighted(random, WORST);
    const pedestrian = vehicleCount === 1 && random() < 0.3;
    const people: { vehicle: (typeof vehicles)[number]; catu: number }[] = vehicles.map(
      (vehicle) => ({ vehicle, catu: 1 }),
    );
    if (pedestrian) people.push({ vehicle: vehicles[0], catu: 3 });
    if (random() < 0.35) people.push({ vehicle: vehicles[0], catu: 2 });
    // the worst injury goes to the pedestrian when there is one, else to a driver
    const victim = pedestrian
      ? people.findIndex((p) => p.catu === 3)
      : Math.floor(random() * vehicleCount);
    people.forEach((p, index) => {
      userSerial++;
      const grav =
        index === victim
          ? worst
          : pickWeighted(random, [
              [1, 6],
              [4, 3],
            ]);
      const birth = options.year - 16 - Math.floor(random() * 70);
      rows.usagers.push(
        q([
          numAcc,
          `${String(userSerial).padStart(3, '0')} ${String(options.year).slice(2)}0`,
          p.vehicle.id,
          p.vehicle.num,
          p.catu === 1 ? 1 : p.catu === 2 ? 2 : 10,
          p.catu,
          grav,
          1 + Math.floor(random() * 2),
          birth,
          pickWeighted(random, [
            [5, 4],
            [1, 2],
            [4, 1],
            [0, 1],
          ]),
          1,
          -1,
          -1,
          p.catu === 3 ? 3 : 0,
          p.catu === 3 ? 1 : 0,
          p.catu === 3 ? 1 : -1,
        ]),
      );
    });
  }
  const files = {} as Record<BaacFile, string>;
  for (const f of Object.keys(rows) as BaacFile[]) files[f] = `${rows[f].join('\n')}\n`;
  return files;
}
