/**
 * Demo data of the gens du voyage module (VIGIE_DEMO): the Puy-de-Dôme's aires (16 aires
 * permanentes d'accueil, aires de grand passage, terrains familiaux) on real communes, the
 * prescriptions of the 2023–2028 schéma per EPCI, a year of monthly occupancy, last summer's and
 * next summer's grands passages, and unlawful-settlement procedures (one ongoing). Group leaders
 * and officials are fictitious. Idempotent: does nothing once an aire exists.
 */
import { EntityManager } from 'typeorm';
import type { AireKind, HarmKind } from '../contracts/travellers';
import { Commune } from '../reference/commune.entity';
import {
  addDays,
  addHours,
  addMonths,
  courtRulingDeadline,
  executionDeadline,
  parisDay,
  reuseWindowEnd,
} from './delays';
import {
  Aire,
  AireClosure,
  AireOccupancy,
  GrandPassage,
  SchemaPrescription,
  UnlawfulSettlement,
  UnlawfulSettlementEvent,
} from './travellers.entity';

interface DemoAire {
  name: string;
  kind: AireKind;
  insee: string;
  capacity: number;
  surfaceHa?: number;
  openedYear: number;
  manager: string;
  address: string;
  /** Offset from the commune's label point, in degrees (keeps markers apart). */
  offset: [number, number];
}

const AGSGV = 'AGSGV 63';
const AIRES: DemoAire[] = [
  {
    name: 'Aire d’accueil des Gravanches',
    kind: 'permanente',
    insee: '63113',
    capacity: 40,
    openedYear: 2006,
    manager: AGSGV,
    address: 'Rue des Gravanches',
    offset: [0.035, 0.012],
  },
  {
    name: 'Aire d’accueil de la Fontaine-du-Bac',
    kind: 'permanente',
    insee: '63113',
    capacity: 24,
    openedYear: 2009,
    manager: AGSGV,
    address: 'Rue de la Fontaine-du-Bac',
    offset: [-0.01, -0.02],
  },
  {
    name: 'Aire d’accueil de Cournon-d’Auvergne',
    kind: 'permanente',
    insee: '63124',
    capacity: 24,
    openedYear: 2008,
    manager: AGSGV,
    address: 'Chemin des Laveuses',
    offset: [0.008, 0.006],
  },
  {
    name: 'Aire d’accueil d’Aubière',
    kind: 'permanente',
    insee: '63014',
    capacity: 20,
    openedYear: 2010,
    manager: AGSGV,
    address: 'Route de Romagnat',
    offset: [0.004, -0.006],
  },
  {
    name: 'Aire d’accueil de Gerzat',
    kind: 'permanente',
    insee: '63164',
    capacity: 20,
    openedYear: 2007,
    manager: AGSGV,
    address: 'Rue du Pré-Comtal',
    offset: [-0.006, 0.004],
  },
  {
    name: 'Aire d’accueil de Lempdes',
    kind: 'permanente',
    insee: '63193',
    capacity: 16,
    openedYear: 2011,
    manager: AGSGV,
    address: 'Avenue de l’Europe',
    offset: [0.006, 0.003],
  },
  {
    name: 'Aire d’accueil de Pont-du-Château',
    kind: 'permanente',
    insee: '63284',
    capacity: 20,
    openedYear: 2012,
    manager: AGSGV,
    address: 'Route de Vertaizon',
    offset: [0.007, -0.004],
  },
  {
    name: 'Aire d’accueil de Beaumont',
    kind: 'permanente',
    insee: '63032',
    capacity: 16,
    openedYear: 2013,
    manager: AGSGV,
    address: 'Rue de l’Artière',
    offset: [-0.004, -0.004],
  },
  {
    name: 'Aire d’accueil de Riom',
    kind: 'permanente',
    insee: '63300',
    capacity: 30,
    openedYear: 2005,
    manager: AGSGV,
    address: 'Route de Marsat',
    offset: [-0.01, -0.006],
  },
  {
    name: 'Aire d’accueil de Châtel-Guyon',
    kind: 'permanente',
    insee: '63103',
    capacity: 16,
    openedYear: 2014,
    manager: AGSGV,
    address: 'Chemin de la Sablière',
    offset: [0.01, -0.004],
  },
  {
    name: 'Aire d’accueil de Thiers',
    kind: 'permanente',
    insee: '63430',
    capacity: 20,
    openedYear: 2009,
    manager: AGSGV,
    address: 'Zone du Felet',
    offset: [-0.02, 0.006],
  },
  {
    name: 'Aire d’accueil de Lezoux',
    kind: 'permanente',
    insee: '63195',
    capacity: 16,
    openedYear: 2012,
    manager: AGSGV,
    address: 'Route de Bulhon',
    offset: [0.006, 0.006],
  },
  {
    name: 'Aire d’accueil d’Issoire',
    kind: 'permanente',
    insee: '63178',
    capacity: 30,
    openedYear: 2007,
    manager: AGSGV,
    address: 'Chemin des Listes',
    offset: [0.01, 0.006],
  },
  {
    name: 'Aire d’accueil d’Ambert',
    kind: 'permanente',
    insee: '63003',
    capacity: 16,
    openedYear: 2010,
    manager: AGSGV,
    address: 'Route d’Arlanc',
    offset: [-0.006, -0.01],
  },
  {
    name: 'Aire d’accueil de Brassac-les-Mines',
    kind: 'permanente',
    insee: '63050',
    capacity: 16,
    openedYear: 2015,
    manager: AGSGV,
    address: 'Rue de la Mine',
    offset: [0.004, 0.004],
  },
  {
    name: 'Aire d’accueil de Saint-Éloy-les-Mines',
    kind: 'permanente',
    insee: '63338',
    capacity: 12,
    openedYear: 2016,
    manager: AGSGV,
    address: 'Route de Montaigut',
    offset: [0.006, -0.006],
  },
  {
    name: 'Aire de grand passage de la Métropole (Aulnat)',
    kind: 'grand_passage',
    insee: '63019',
    capacity: 200,
    surfaceHa: 4.5,
    openedYear: 2015,
    manager: 'Clermont Auvergne Métropole',
    address: 'Route de l’aéroport',
    offset: [0.012, 0.01],
  },
  {
    name: 'Aire de grand passage de Riom-Ménétrol',
    kind: 'grand_passage',
    insee: '63224',
    capacity: 150,
    surfaceHa: 3.5,
    openedYear: 2018,
    manager: 'Riom Limagne et Volcans',
    address: 'Les Charmes',
    offset: [0.01, -0.006],
  },
  {
    name: 'Aire de grand passage d’Issoire',
    kind: 'grand_passage',
    insee: '63178',
    capacity: 120,
    surfaceHa: 3,
    openedYear: 2019,
    manager: 'Agglo Pays d’Issoire',
    address: 'Zone des Listes',
    offset: [0.02, -0.01],
  },
  {
    name: 'Terrains familiaux de Cournon-d’Auvergne',
    kind: 'terrain_familial',
    insee: '63124',
    capacity: 6,
    openedYear: 2021,
    manager: 'Clermont Auvergne Métropole',
    address: 'Rue du Lac',
    offset: [-0.008, -0.006],
  },
  {
    name: 'Terrains familiaux de Thiers',
    kind: 'terrain_familial',
    insee: '63430',
    capacity: 4,
    openedYear: 2022,
    manager: 'Thiers Dore et Montagne',
    address: 'Chemin de Membrun',
    offset: [-0.012, -0.008],
  },
];

/** Prescribed places of the 2023–2028 schéma per EPCI and kind (demo figures). */
const PRESCRIPTIONS: {
  /** A commune of the EPCI (the EPCI comes from the territorial reference). */
  epci: string;
  kind: AireKind;
  places: number;
  dueYear: number;
  note?: string;
}[] = [
  {
    epci: '63113',
    kind: 'permanente',
    places: 196,
    dueYear: 2026,
    note: 'Dont une aire hospitalière de 16 places à créer',
  },
  { epci: '63113', kind: 'grand_passage', places: 200, dueYear: 2024 },
  { epci: '63113', kind: 'terrain_familial', places: 12, dueYear: 2027 },
  { epci: '63300', kind: 'permanente', places: 46, dueYear: 2024 },
  { epci: '63300', kind: 'grand_passage', places: 150, dueYear: 2024 },
  { epci: '63430', kind: 'permanente', places: 20, dueYear: 2024 },
  { epci: '63430', kind: 'terrain_familial', places: 8, dueYear: 2027 },
  { epci: '63195', kind: 'permanente', places: 16, dueYear: 2024 },
  { epci: '63178', kind: 'permanente', places: 46, dueYear: 2024 },
  {
    epci: '63178',
    kind: 'grand_passage',
    places: 150,
    dueYear: 2026,
    note: 'Extension de l’aire des Listes à 4 ha',
  },
  { epci: '63003', kind: 'permanente', places: 16, dueYear: 2024 },
  { epci: '63338', kind: 'permanente', places: 12, dueYear: 2024 },
  {
    epci: '63457',
    kind: 'permanente',
    places: 16,
    dueYear: 2027,
    note: 'Aire à créer (Vic-le-Comte ou Les Martres-de-Veyre)',
  },
];

/** A stable pseudo-random number in [0, 1) for a key (demo figures that do not move on restart). */
function unit(key: string): number {
  let h = 2166136261;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** Seasonal occupancy of an aire d'accueil: fuller in winter, emptier in summer (groups travel). */
const SEASON = [0.92, 0.9, 0.85, 0.75, 0.6, 0.5, 0.45, 0.45, 0.6, 0.75, 0.85, 0.9];

/** The EPCI of each commune, from the territorial reference. */
async function epcisOf(
  manager: EntityManager,
  insees: string[],
): Promise<Map<string, { siren: string; name: string }>> {
  const rows = (await manager.query(
    `SELECT c.insee, e.siren, e.name FROM commune c JOIN epci e ON e.siren = c.epci_siren WHERE c.insee = ANY($1)`,
    [insees],
  )) as { insee: string; siren: string; name: string }[];
  const out = new Map(rows.map((r) => [r.insee, { siren: r.siren, name: r.name }]));
  const missing = insees.filter((i) => !out.has(i));
  if (missing.length)
    throw new Error(
      `seed the territorial reference before the travellers demo (${missing.join(', ')})`,
    );
  return out;
}

export async function seedDemoTravellers(
  manager: EntityManager,
  now: Date,
): Promise<{ aires: number }> {
  if (await manager.existsBy(Aire, {})) return { aires: 0 };
  const insees = [...new Set([...AIRES.map((a) => a.insee), '63457'])];
  const communes = new Map((await manager.findBy(Commune, {})).map((c) => [c.insee, c]));
  if (!insees.every((i) => communes.has(i)))
    throw new Error('seed the reference communes before the travellers demo');
  const epcis = await epcisOf(manager, insees);
  const [author] = (await manager.query(
    `SELECT id, display_name FROM "user" WHERE email = 'cabinet@vigie.test'`,
  )) as {
    id: string;
    display_name: string;
  }[];
  const by = author?.id ?? '00000000-0000-4000-8000-000000000000';
  const byName = author?.display_name ?? 'Vigie (données de démonstration)';

  // ---- aires
  const saved = new Map<string, Aire>();
  for (const a of AIRES) {
    const c = communes.get(a.insee)!;
    const aire = await manager.save(
      manager.create(Aire, {
        name: a.name,
        kind: a.kind,
        communeInsee: a.insee,
        epciSiren: epcis.get(a.insee)!.siren,
        address: a.address,
        lon: Math.round((c.labelLon + a.offset[0]) * 1e5) / 1e5,
        lat: Math.round((c.labelLat + a.offset[1]) * 1e5) / 1e5,
        capacity: a.capacity,
        surfaceHa: a.surfaceHa ?? null,
        manager: a.manager,
        status: 'en_service',
        openedYear: a.openedYear,
      }),
    );
    saved.set(a.name, aire);
  }
  const aire = (prefix: string) => [...saved.values()].find((a) => a.name.startsWith(prefix))!;

  // ---- schéma
  for (const p of PRESCRIPTIONS) {
    const epci = epcis.get(p.epci)!;
    await manager.insert(SchemaPrescription, {
      epciSiren: epci.siren,
      epciName: epci.name,
      kind: p.kind,
      placesPrescribed: p.places,
      dueYear: p.dueYear,
      note: p.note ?? null,
    });
  }

  // ---- closures: works at Saint-Éloy now, mowing of the metropolitan AGP before the season
  const today = parisDay(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const pastSeason = month >= 10 ? year : year - 1;
  await manager.insert(AireClosure, [
    {
      aireId: aire('Aire d’accueil de Saint-Éloy').id,
      start: addDays(today, -10),
      end: addDays(today, 20),
      reason: 'Travaux de réfection des blocs sanitaires',
    },
    {
      aireId: aire('Aire de grand passage de la Métropole').id,
      start: `${pastSeason + 1}-04-20`,
      end: `${pastSeason + 1}-04-30`,
      reason: 'Fauchage et remise en état avant la saison',
    },
  ]);

  // ---- occupancy over the last 12 months (aires d'accueil and terrains familiaux)
  const rows: Partial<AireOccupancy>[] = [];
  for (const a of saved.values()) {
    if (a.kind === 'grand_passage') continue;
    for (let i = 1; i <= 12; i++) {
      const m = addMonths(`${today.slice(0, 7)}-01`, -i);
      const base = a.kind === 'terrain_familial' ? 1 : SEASON[Number(m.slice(5, 7)) - 1];
      const rate = Math.min(1, Math.max(0.2, base + (unit(`${a.name}:${m}`) - 0.5) * 0.2));
      const occupied = Math.round(a.capacity * rate * 10) / 10;
      rows.push({
        aireId: a.id,
        month: m,
        occupiedPlaces: occupied,
        households: Math.max(1, Math.round(occupied * 0.6)),
        averageStayDays: Math.round(20 + unit(`stay:${a.name}:${m}`) * 60),
      });
    }
  }
  await manager.insert(AireOccupancy, rows);

  // ---- grands passages: last summer (done) and next summer (planned)
  const metro = aire('Aire de grand passage de la Métropole');
  const riom = aire('Aire de grand passage de Riom');
  const issoire = aire('Aire de grand passage d’Issoire');
  const groups = [
    ['Mission évangélique Vie et Lumière', 'M. Joseph Reinhardt', 190],
    ['Mission tzigane de France — groupe Centre', 'M. Manuel Winterstein', 160],
    ['Groupe familial Lagrené', 'M. Tony Lagrené', 80],
    ['Mission évangélique — convoi Auvergne', 'M. Django Weiss', 175],
    ['Groupe familial Bauer', 'Mme Sonia Bauer', 60],
    ['Convention régionale Vie et Lumière', 'M. Samuel Hoffmann', 210],
  ] as const;
  const passage = (
    season: number,
    i: number,
    aireId: string,
    arrival: string,
    nights: number,
    extra: Partial<GrandPassage>,
  ): Partial<GrandPassage> => {
    const [groupName, leaderName, caravans] = groups[i % groups.length];
    const noticeWanted = addMonths(arrival, -4);
    const mayorWanted = addMonths(arrival, -(2 + (i % 2)));
    const done = season === pastSeason;
    return {
      groupName,
      mission: groupName.startsWith('Groupe familial') ? 'Familiale' : 'Religieuse',
      leaderName,
      leaderPhone: `06 ${String(10 + i)} ${String(20 + i * 3).padStart(2, '0')} 4${i} 1${i}`,
      caravansAnnounced: caravans,
      caravansObserved: done ? Math.round(caravans * (0.8 + unit(`${season}:${i}`) * 0.3)) : null,
      arrival,
      departure: addDays(arrival, nights),
      aireId,
      noticeReceivedOn: noticeWanted < today ? noticeWanted : today,
      mayorInformedOn: mayorWanted <= today ? mayorWanted : null,
      conventionSigned: done,
      status: done ? 'termine' : 'prevu',
      notes: null,
      ...extra,
    };
  };
  const sundays = (season: number) => {
    // Sundays from early May to September
    const first = new Date(Date.UTC(season, 4, 1));
    const offset = (7 - first.getUTCDay()) % 7;
    return Array.from({ length: 21 }, (_, k) => addDays(`${season}-05-01`, offset + 7 * k));
  };
  const plan: Partial<GrandPassage>[] = [];
  for (const season of [pastSeason, pastSeason + 1]) {
    const s = sundays(season);
    plan.push(
      passage(season, 0, metro.id, s[1], 14, {}),
      passage(season, 1, metro.id, s[3], 14, {}),
      passage(season, 3, metro.id, s[7], 7, {}),
      passage(season, 5, metro.id, s[10], 14, {}),
      passage(season, 1, riom.id, s[5], 14, {}),
      passage(season, 0, riom.id, s[9], 7, {}),
      passage(season, 2, issoire.id, s[6], 14, {}),
      passage(season, 4, issoire.id, s[12], 14, {}),
    );
  }
  // one late notice last summer: received 6 weeks before arrival
  const late = plan[2];
  late.noticeReceivedOn = addDays(late.arrival!, -42);
  late.mayorInformedOn = addDays(late.arrival!, -35);
  late.notes = 'Préavis tardif : arrivée annoncée par Action Grand Passage le mois précédent';
  for (const p of plan) await manager.insert(GrandPassage, p);

  // ---- unlawful settlements: one ongoing (mise en demeure running), one evicted last summer
  const ongoingObserved = addHours(now, -20);
  const notified = addHours(now, -6);
  const ongoing = await manager.save(
    manager.create(UnlawfulSettlement, {
      reference: `GDV-${parisDay(ongoingObserved).slice(0, 4)}-001`,
      communeInsee: '63284',
      place: 'Stade municipal, rue du Pont (parking et pelouse)',
      lon: communes.get('63284')!.labelLon + 0.004,
      lat: communes.get('63284')!.labelLat - 0.003,
      landKind: 'public',
      landOwner: null,
      caravans: 28,
      groupName: 'Groupe familial Lagrené',
      observedAt: ongoingObserved,
      status: 'mise_en_demeure',
      banOrderNumber: 'AM-2023-041',
      banOrderDate: '2023-06-12',
      compliance: 'conforme',
      complianceNote:
        'Clermont Auvergne Métropole : aire d’accueil de Pont-du-Château (20 places) en service',
      harmKinds: ['salubrite', 'tranquillite'] as HarmKind[],
      harmFacts:
        'Branchements sur les bornes électriques du stade, dépôts de déchets, entraînement des clubs empêché',
      requester: 'maire',
      requesterName: 'Mme la maire de Pont-du-Château',
      requestReceivedAt: addHours(now, -16),
      noticeNumber: `MD-63-${parisDay(notified).slice(0, 4)}-014`,
      notifiedAt: notified,
      delayHours: 24,
      postedAtMairie: true,
      postedOnSite: true,
      ownerNotified: false,
      executionDeadline: executionDeadline(notified, 24),
      reuseUntil: reuseWindowEnd(notified, 7),
      createdBy: by,
    }),
  );
  const closedObserved = new Date(`${pastSeason}-07-18T06:30:00Z`);
  const closedNotified = addHours(closedObserved, 9);
  const appeal = addHours(closedNotified, 20);
  const closed = await manager.save(
    manager.create(UnlawfulSettlement, {
      reference: `GDV-${pastSeason}-007`,
      communeInsee: '63178',
      place: 'Zone industrielle des Listes, terrain de la société Auvergne Logistique',
      lon: communes.get('63178')!.labelLon + 0.015,
      lat: communes.get('63178')!.labelLat + 0.004,
      landKind: 'prive',
      landOwner: 'Auvergne Logistique SAS',
      caravans: 45,
      groupName: null,
      observedAt: closedObserved,
      status: 'clos',
      banOrderNumber: 'AM-2021-210',
      banOrderDate: '2021-09-03',
      compliance: 'conforme',
      complianceNote: 'Agglo Pays d’Issoire : aire d’accueil d’Issoire (30 places) en service',
      harmKinds: ['securite'] as HarmKind[],
      harmFacts: 'Stationnement sur les voies d’accès des poids lourds et des secours',
      requester: 'proprietaire',
      requesterName: 'Auvergne Logistique SAS',
      requestReceivedAt: addHours(closedObserved, 3),
      noticeNumber: `MD-63-${pastSeason}-009`,
      notifiedAt: closedNotified,
      delayHours: 24,
      postedAtMairie: true,
      postedOnSite: true,
      ownerNotified: true,
      executionDeadline: executionDeadline(closedNotified, 24),
      reuseUntil: reuseWindowEnd(closedNotified, 7),
      appealFiledAt: appeal,
      appealCourt: 'Tribunal administratif de Clermont-Ferrand',
      appealRulingDeadline: courtRulingDeadline(appeal, 48),
      appealOutcome: 'rejete',
      appealDecidedAt: addHours(appeal, 40),
      evictedAt: addHours(appeal, 46),
      evictionMeans: 'Compagnie de gendarmerie d’Issoire, deux pelotons',
      closedAt: addHours(appeal, 50),
      closeReason: 'evacuation_terminee',
      createdBy: by,
    }),
  );
  const history = (id: string, steps: [string, string | null, string, Date][]) =>
    manager.insert(
      UnlawfulSettlementEvent,
      steps.map(([action, from, to, at]) => ({
        settlementId: id,
        action,
        from,
        to,
        at,
        by,
        byName,
        note: null,
      })) as Partial<UnlawfulSettlementEvent>[],
    );
  await history(ongoing.id, [
    ['created', null, 'constate', ongoingObserved],
    ['record_request', 'constate', 'demande_recue', addHours(now, -16)],
    ['issue_formal_notice', 'demande_recue', 'mise_en_demeure', notified],
  ]);
  await history(closed.id, [
    ['created', null, 'constate', closedObserved],
    ['record_request', 'constate', 'demande_recue', addHours(closedObserved, 3)],
    ['issue_formal_notice', 'demande_recue', 'mise_en_demeure', closedNotified],
    ['file_appeal', 'mise_en_demeure', 'recours_pendant', appeal],
    ['record_ruling', 'recours_pendant', 'mise_en_demeure', addHours(appeal, 40)],
    ['evict', 'mise_en_demeure', 'evacue', addHours(appeal, 46)],
    ['close', 'evacue', 'clos', addHours(appeal, 50)],
  ]);
  return { aires: saved.size };
}
