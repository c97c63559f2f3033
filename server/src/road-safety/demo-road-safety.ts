/**
 * Demo data of road safety (VIGIE_DEMO): the DGO 2023-2027 and its stakes, PDASR calls with
 * actions, and three years of synthetic accidents in the real BAAC format, imported through the
 * same reader as the files users upload. Idempotent: does nothing once its accidents are imported.
 */
import { EntityManager } from 'typeorm';
import {
  DEMO_ACTOR,
  writeDemoAxes,
  writeDemoCall,
  type DemoApplication,
} from '../grants/demo-grants';
import { AccidentImport, RoadSafetyDgo } from './accident.entity';
import { importBaacIn } from './accident-import.service';
import { synthesizeBaac } from './synthetic-baac';

const STAKES = [
  { code: 'ALCOOL_STUP', label: 'Alcool et stupéfiants' },
  { code: 'VITESSE', label: 'Vitesse' },
  { code: 'JEUNES', label: 'Jeunes (18-24 ans)' },
  { code: 'SENIORS', label: 'Seniors' },
  { code: 'DEUX_ROUES', label: 'Deux-roues motorisés' },
  { code: 'RISQUE_PRO', label: 'Risque routier professionnel' },
];

const CRITERIA = [
  { code: 'DGO', label: 'Adéquation avec les enjeux du DGO', maxPoints: 10 },
  { code: 'INNOVATION', label: 'Caractère innovant', maxPoints: 5 },
  { code: 'PUBLIC', label: 'Nombre de bénéficiaires', maxPoints: 5 },
  { code: 'QUALITE', label: 'Qualité du projet', maxPoints: 5 },
];

function actions(done: boolean): DemoApplication[] {
  const finished = done ? 'closed' : 'granted';
  return [
    {
      applicantName: 'Prévention Routière — comité du Puy-de-Dôme',
      applicantKind: 'association',
      communeInsee: '63113',
      title: 'Ateliers « conduite et alcool » dans les lycées agricoles',
      programmeCode: 'PDASR',
      axisCodes: ['ALCOOL_STUP', 'JEUNES'],
      targetPublic: 'Lycéens',
      totalCost: 9000,
      share: 1,
      status: finished,
      scores: { DGO: 9, INNOVATION: 3, PUBLIC: 4, QUALITE: 4 },
      paidShare: 1,
      report: done,
    },
    {
      applicantName: 'Commune d’Issoire',
      applicantKind: 'commune',
      communeInsee: '63178',
      title: 'Remise à niveau du code pour les seniors',
      programmeCode: 'PDASR',
      axisCodes: ['SENIORS'],
      targetPublic: 'Plus de 65 ans',
      totalCost: 4000,
      share: 1,
      status: finished,
      scores: { DGO: 8, INNOVATION: 2, PUBLIC: 3, QUALITE: 4 },
      paidShare: 1,
      report: done,
    },
    {
      applicantName: 'Moto Club des Volcans',
      applicantKind: 'association',
      communeInsee: '63470',
      title: 'Journées de perfectionnement à la conduite des deux-roues',
      programmeCode: 'PDASR',
      axisCodes: ['DEUX_ROUES'],
      targetPublic: 'Motards',
      totalCost: 7000,
      share: 0.9,
      status: finished,
      scores: { DGO: 9, INNOVATION: 3, PUBLIC: 3, QUALITE: 4 },
      paidShare: done ? 1 : 0.5,
      report: done,
    },
    {
      applicantName: 'Commune de Thiers',
      applicantKind: 'commune',
      communeInsee: '63430',
      title: 'Radar pédagogique et campagne vitesse en traversée de bourg',
      programmeCode: 'PDASR',
      axisCodes: ['VITESSE'],
      totalCost: 6000,
      share: 0.8,
      status: done ? 'closed' : 'admissible',
      scores: { DGO: 7, INNOVATION: 2, PUBLIC: 2, QUALITE: 3 },
      paidShare: 1,
      report: done,
    },
    {
      applicantName: 'Association des entreprises de Riom Limagne',
      applicantKind: 'association',
      communeInsee: '63300',
      title: 'Plan de prévention du risque routier en entreprise',
      programmeCode: 'PDASR',
      axisCodes: ['RISQUE_PRO'],
      targetPublic: 'Salariés',
      totalCost: 8000,
      share: 1,
      status: done ? 'rejected' : 'submitted',
    },
  ];
}

export async function seedDemoRoadSafety(m: EntityManager, now: Date): Promise<number> {
  if (await m.existsBy(AccidentImport, { importedBy: DEMO_ACTOR.id })) return 0;
  const year = Number(now.toISOString().slice(0, 4));
  const dgo = await m
    .createQueryBuilder(RoadSafetyDgo, 'd')
    .where('d.start_year <= 2027 AND d.end_year >= 2023')
    .getOne();
  if (!dgo)
    await m.insert(RoadSafetyDgo, {
      startYear: 2023,
      endYear: 2027,
      title: 'Document général d’orientations 2023-2027 du Puy-de-Dôme',
      orientations:
        'Réduire la mortalité des jeunes et des usagers de deux-roues motorisés ; lutter contre l’alcool et les stupéfiants au volant ; maîtriser les vitesses sur le réseau départemental.',
      adoptedOn: '2023-03-15',
      targetKilledPerYear: 30,
    });
  await writeDemoAxes(m, 'pdasr', 2023, 2027, STAKES);
  await writeDemoCall(m, {
    fund: 'pdasr',
    year: year - 1,
    title: `PDASR ${year - 1}`,
    programmeCodes: ['PDASR'],
    opensOn: `${year - 1}-01-15`,
    closesAt: new Date(`${year - 1}-03-01T17:00:00Z`),
    envelope: 40000,
    criteria: CRITERIA,
    adopted: new Date(`${year - 1}-04-10T10:00:00Z`),
    applications: actions(true),
  });
  await writeDemoCall(m, {
    fund: 'pdasr',
    year,
    title: `PDASR ${year}`,
    programmeCodes: ['PDASR'],
    opensOn: new Date(now.getTime() - 45 * 86400_000).toISOString().slice(0, 10),
    closesAt: new Date(now.getTime() + 20 * 86400_000),
    envelope: 42000,
    criteria: CRITERIA,
    applications: actions(false),
  });

  const communes = (
    (await m.query(
      'SELECT insee, population, label_lon AS lon, label_lat AS lat FROM commune',
    )) as {
      insee: string;
      population: number;
      lon: number;
      lat: number;
    }[]
  ).sort((a, b) => a.insee.localeCompare(b.insee));
  let imported = 0;
  for (const y of [year - 3, year - 2, year - 1]) {
    const files = synthesizeBaac(communes, {
      year: y,
      count: 110 + (y % 3) * 15,
      seed: 630000 + y,
    });
    const report = await importBaacIn(
      m,
      files,
      'all_or_nothing',
      { id: DEMO_ACTOR.id, displayName: DEMO_ACTOR.name },
      {
        caracteristiques: `caracteristiques-${y}.csv (démonstration)`,
      },
    );
    imported += report.accidentsImported;
  }
  return imported;
}
