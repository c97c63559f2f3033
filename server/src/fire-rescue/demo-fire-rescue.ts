/**
 * Demo SDIS 63 (VIGIE_DEMO): about sixty CIS placed at real communes of the Puy-de-Dôme, the
 * first-call sectors by nearest centre (so every commune is in exactly one), the SDACR, the
 * règlement opérationnel and the CoTRRiM, and yearly statistics of plausible magnitude.
 * The list of centres, their categories and staff are illustrative: every centre is marked
 * `fictitious` except the principal centres of the five arrondissement towns. Idempotent.
 */
import { EntityManager } from 'typeorm';
import type { CisCategory, StatNature } from '../contracts/fire-rescue';
import { Cis, CisSectorCommune, FireStat, FrameworkDocument } from './fire-rescue.entity';
import { nearestSectors } from './fire-rescue-logic';

/** [commune name as in the COG, category, groupement]. */
const CENTRES: [string, CisCategory, string][] = [
  ['Clermont-Ferrand', 'CSP', 'Centre'],
  ['Riom', 'CSP', 'Nord'],
  ['Thiers', 'CSP', 'Est'],
  ['Issoire', 'CSP', 'Sud'],
  ['Ambert', 'CSP', 'Est'],
  ["Cournon-d'Auvergne", 'CS', 'Centre'],
  ['Aubière', 'CS', 'Centre'],
  ['Gerzat', 'CS', 'Centre'],
  ['Pont-du-Château', 'CS', 'Centre'],
  ['Chamalières', 'CS', 'Centre'],
  ['Volvic', 'CS', 'Nord'],
  ['Châtel-Guyon', 'CS', 'Nord'],
  ['Aigueperse', 'CS', 'Nord'],
  ['Ennezat', 'CPI', 'Nord'],
  ['Combronde', 'CS', 'Nord'],
  ['Maringues', 'CS', 'Nord'],
  ['Randan', 'CPI', 'Nord'],
  ['Manzat', 'CS', 'Ouest'],
  ["Saint-Gervais-d'Auvergne", 'CS', 'Ouest'],
  ['Saint-Éloy-les-Mines', 'CS', 'Ouest'],
  ['Montaigut-en-Combraille', 'CPI', 'Ouest'],
  ['Pionsat', 'CS', 'Ouest'],
  ['Menat', 'CPI', 'Ouest'],
  ['Saint-Georges-de-Mons', 'CPI', 'Ouest'],
  ['Pontgibaud', 'CS', 'Ouest'],
  ['Pontaumur', 'CS', 'Ouest'],
  ['Giat', 'CPI', 'Ouest'],
  ['Herment', 'CPI', 'Ouest'],
  ['Bourg-Lastic', 'CS', 'Ouest'],
  ['Messeix', 'CPI', 'Ouest'],
  ['Rochefort-Montagne', 'CS', 'Ouest'],
  ['Tauves', 'CS', 'Ouest'],
  ['La Bourboule', 'CS', 'Sud'],
  ['Mont-Dore', 'CS', 'Sud'],
  ["La Tour-d'Auvergne", 'CPI', 'Sud'],
  ['Besse-et-Saint-Anastaise', 'CS', 'Sud'],
  ['Murol', 'CPI', 'Sud'],
  ["Égliseneuve-d'Entraigues", 'CPI', 'Sud'],
  ['Champeix', 'CS', 'Sud'],
  ['Saint-Amant-Tallende', 'CS', 'Centre'],
  ['Veyre-Monton', 'CS', 'Centre'],
  ['Vic-le-Comte', 'CS', 'Sud'],
  ['Saint-Germain-Lembron', 'CS', 'Sud'],
  ['Ardes', 'CPI', 'Sud'],
  ['Brassac-les-Mines', 'CS', 'Sud'],
  ['Jumeaux', 'CPI', 'Sud'],
  ['Sauxillanges', 'CS', 'Sud'],
  ["Saint-Germain-l'Herm", 'CS', 'Est'],
  ['Billom', 'CS', 'Centre'],
  ['Lezoux', 'CS', 'Est'],
  ['Courpière', 'CS', 'Est'],
  ['Puy-Guillaume', 'CS', 'Est'],
  ['Saint-Rémy-sur-Durolle', 'CS', 'Est'],
  ['Celles-sur-Durolle', 'CPI', 'Est'],
  ['Olliergues', 'CS', 'Est'],
  ['Cunlhat', 'CS', 'Est'],
  ["Saint-Dier-d'Auvergne", 'CPI', 'Est'],
  ['Vertolaye', 'CPI', 'Est'],
  ['Marsac-en-Livradois', 'CPI', 'Est'],
  ['Arlanc', 'CS', 'Est'],
  ['Saint-Anthème', 'CS', 'Est'],
  ['Viverols', 'CPI', 'Est'],
  ['Saint-Amant-Roche-Savine', 'CPI', 'Est'],
];

/** Principal centres of the arrondissement towns: kept as real. */
const NOT_FICTITIOUS = new Set(['Clermont-Ferrand', 'Riom', 'Thiers', 'Issoire', 'Ambert']);

const STAFF: Record<CisCategory, [number, number]> = { CSP: [70, 90], CS: [6, 45], CPI: [0, 18] };

/** Yearly interventions by nature: SDIS of ~660,000 inhabitants, secours à personne ~80 %. */
const STATS: Record<number, Record<StatNature, number>> = {
  2021: {
    secours_personne: 33150,
    accidents_circulation: 2390,
    incendies: 2710,
    risques_technologiques: 610,
    operations_diverses: 3020,
  },
  2022: {
    secours_personne: 35240,
    accidents_circulation: 2480,
    incendies: 3580,
    risques_technologiques: 640,
    operations_diverses: 3110,
  },
  2023: {
    secours_personne: 36020,
    accidents_circulation: 2450,
    incendies: 2890,
    risques_technologiques: 600,
    operations_diverses: 3360,
  },
  2024: {
    secours_personne: 36870,
    accidents_circulation: 2410,
    incendies: 2650,
    risques_technologiques: 590,
    operations_diverses: 3480,
  },
  2025: {
    secours_personne: 37510,
    accidents_circulation: 2370,
    incendies: 2980,
    risques_technologiques: 620,
    operations_diverses: 3290,
  },
};

function codeOf(name: string): string {
  return `CIS-${name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`.slice(0, 30);
}

/** Seeds the demo SDIS once; returns how many CIS it created. */
export async function seedDemoFireRescue(manager: EntityManager, now: Date): Promise<number> {
  if ((await manager.count(Cis)) > 0) return 0;
  const communes = (await manager.query(
    'SELECT insee, name, label_lon, label_lat FROM commune',
  )) as {
    insee: string;
    name: string;
    label_lon: number;
    label_lat: number;
  }[];
  if (communes.length === 0) return 0;
  const byName = new Map(communes.map((c) => [c.name, c]));
  const rows: Partial<Cis>[] = [];
  CENTRES.forEach(([name, category, groupement], i) => {
    const commune = byName.get(name);
    if (!commune) return; // a renamed or merged commune: skipped rather than misplaced
    const [pro, vol] = STAFF[category];
    rows.push({
      code: codeOf(name),
      name: `CIS ${name}`,
      category,
      communeInsee: commune.insee,
      address: null,
      groupement: `Groupement ${groupement}`,
      staffProfessional: category === 'CPI' ? 0 : Math.round(pro * (0.6 + ((i * 37) % 40) / 100)),
      staffVolunteer: Math.round(vol * (0.6 + ((i * 53) % 40) / 100)) + 8,
      fictitious: !NOT_FICTITIOUS.has(name),
    });
  });
  const saved = await manager.save(Cis, rows);
  const at = new Map(
    communes.map((c) => [c.insee, [c.label_lon, c.label_lat] as [number, number]]),
  );
  const sectors = nearestSectors(
    communes.map((c) => ({ insee: c.insee, at: at.get(c.insee)! })),
    saved.map((c) => ({ id: c.id, at: at.get(c.communeInsee)! })),
  );
  await manager.insert(
    CisSectorCommune,
    [...sectors.entries()].map(([communeInsee, cisId]) => ({ communeInsee, cisId })),
  );
  const author = (
    (await manager.query(`SELECT id FROM "user" ORDER BY created_at LIMIT 1`)) as { id: string }[]
  )[0];
  const createdBy = author?.id ?? '00000000-0000-0000-0000-000000000000';
  await manager.insert(FrameworkDocument, [
    {
      kind: 'SDACR',
      title: 'SDACR du Puy-de-Dôme',
      version: '2016',
      approvedOn: '2016-12-15',
      arreteReference: 'Arrêté préfectoral (démo) n° 16-02871',
      revisionDueOn: '2021-12-15',
      notes: 'Version remplacée.',
      alertedState: null,
      createdBy,
    },
    {
      kind: 'SDACR',
      title: 'SDACR du Puy-de-Dôme',
      version: '2022',
      approvedOn: '2022-01-20',
      arreteReference: 'Arrêté préfectoral (démo) n° 22-00114',
      revisionDueOn: '2027-01-20',
      notes: 'Révision à engager avec le CASDIS (avis conforme).',
      alertedState: null,
      createdBy,
    },
    {
      kind: 'RO',
      title: 'Règlement opérationnel du SDIS 63',
      version: '2022-2',
      approvedOn: '2022-09-05',
      arreteReference: 'Arrêté préfectoral (démo) n° 22-01968',
      revisionDueOn: '2027-09-05',
      notes: null,
      alertedState: null,
      createdBy,
    },
    {
      kind: 'COTRRIM',
      title: 'CoTRRiM du Puy-de-Dôme',
      version: '2020',
      approvedOn: '2020-11-30',
      arreteReference: null,
      revisionDueOn: '2025-11-30',
      notes: 'Révision attendue : à inscrire au prochain comité.',
      alertedState: null,
      createdBy,
    },
  ]);
  const thisYear = now.getUTCFullYear();
  const stats = Object.entries(STATS)
    .filter(([year]) => Number(year) < thisYear)
    .flatMap(([year, natures]) =>
      Object.entries(natures).map(([nature, count]) => ({
        year: Number(year),
        nature: nature as StatNature,
        count,
      })),
    );
  await manager.insert(FireStat, stats);
  return saved.length;
}
