/**
 * Demo data of public security & prevention (VIGIE_DEMO): CLSPD and CISPD of real Puy-de-Dôme
 * communes with fictitious chairs and coordinators, their meetings, and FIPD and MILDECA calls
 * with applications at every step. Idempotent: does nothing once its bodies exist.
 */
import { EntityManager } from 'typeorm';
import { demoPerson } from '../directory/demo-directory';
import {
  DEMO_ACTOR,
  writeDemoAxes,
  writeDemoCall,
  type DemoApplication,
} from '../grants/demo-grants';
import { PreventionBody, PreventionMeeting } from './prevention.entity';

const BODIES: {
  kind: 'CLSPD' | 'CISPD';
  name: string;
  communes: string[];
  createdOn: string;
  coordinator: boolean;
}[] = [
  {
    kind: 'CLSPD',
    name: 'CLSPD de Clermont-Ferrand',
    communes: ['63113'],
    createdOn: '2003-06-12',
    coordinator: true,
  },
  {
    kind: 'CLSPD',
    name: 'CLSPD de Cournon-d’Auvergne',
    communes: ['63124'],
    createdOn: '2008-02-04',
    coordinator: true,
  },
  {
    kind: 'CLSPD',
    name: 'CLSPD de Chamalières',
    communes: ['63075'],
    createdOn: '2010-09-21',
    coordinator: true,
  },
  {
    kind: 'CLSPD',
    name: 'CLSPD de Riom',
    communes: ['63300'],
    createdOn: '2007-11-15',
    coordinator: false,
  },
  {
    kind: 'CLSPD',
    name: 'CLSPD d’Issoire',
    communes: ['63178'],
    createdOn: '2009-05-07',
    coordinator: true,
  },
  {
    kind: 'CLSPD',
    name: 'CLSPD de Thiers',
    communes: ['63430'],
    createdOn: '2006-03-30',
    coordinator: false,
  },
  {
    kind: 'CLSPD',
    name: 'CLSPD de Pont-du-Château',
    communes: ['63284'],
    createdOn: '2022-01-18',
    coordinator: false,
  },
  {
    kind: 'CLSPD',
    name: 'CLSPD de Beaumont',
    communes: ['63032'],
    createdOn: '2021-10-05',
    coordinator: false,
  },
  {
    kind: 'CISPD',
    name: 'CISPD Mond’Arverne Communauté',
    communes: ['63457', '63455', '63214'],
    createdOn: '2019-04-11',
    coordinator: true,
  },
  {
    kind: 'CISPD',
    name: 'CISPD Ambert Livradois Forez',
    communes: ['63003', '63010', '63211'],
    createdOn: '2018-06-26',
    coordinator: false,
  },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (now: Date, days: number) => iso(new Date(now.getTime() - days * 86400_000));

const FIPD_CRITERIA = [
  {
    code: 'STRATEGIE',
    label: 'Cohérence avec la stratégie nationale et le plan départemental',
    maxPoints: 10,
  },
  { code: 'PARTENARIAT', label: 'Partenariat et inscription dans le CLSPD / CISPD', maxPoints: 5 },
  { code: 'EVALUATION', label: 'Indicateurs d’évaluation', maxPoints: 5 },
];

function fipdApplications(renewal: boolean): DemoApplication[] {
  const closedOrGranted = renewal ? 'closed' : 'granted';
  return [
    {
      applicantName: 'Association Médiation Clermont Nord',
      applicantKind: 'association',
      communeInsee: '63113',
      title: 'Médiation sociale de soirée aux Vergnes et à la Gauthière',
      programmeCode: 'D',
      targetPublic: 'Jeunes de 12 à 25 ans',
      totalCost: 48000,
      share: 0.9,
      status: closedOrGranted,
      grantShare: 0.9,
      scores: { STRATEGIE: 9, PARTENARIAT: 5, EVALUATION: 4 },
      paidShare: 1,
      report: renewal,
    },
    {
      applicantName: 'Commune de Thiers',
      applicantKind: 'commune',
      communeInsee: '63430',
      title: 'Extension de la vidéoprotection du centre ancien',
      programmeCode: 'S',
      totalCost: 62000,
      share: 1,
      status: closedOrGranted,
      coFunding: [{ funder: 'DETR', amount: 12000, state: true }],
      scores: { STRATEGIE: 7, PARTENARIAT: 4, EVALUATION: 3 },
      paidShare: renewal ? 1 : 0.5,
      report: renewal,
    },
    {
      applicantName: 'CIDFF du Puy-de-Dôme',
      applicantKind: 'association',
      communeInsee: '63113',
      title: 'Permanences d’aide aux victimes de violences intrafamiliales',
      programmeCode: 'D',
      targetPublic: 'Victimes de violences conjugales',
      totalCost: 30000,
      share: 1,
      status: closedOrGranted,
      scores: { STRATEGIE: 10, PARTENARIAT: 5, EVALUATION: 4 },
      paidShare: 1,
      report: renewal,
    },
    {
      applicantName: 'Commune de Cournon-d’Auvergne',
      applicantKind: 'commune',
      communeInsee: '63124',
      title: 'Équipement de la police municipale (caméras-piétons)',
      programmeCode: 'K',
      totalCost: 14000,
      share: 1,
      status: 'granted',
      scores: { STRATEGIE: 6, PARTENARIAT: 4, EVALUATION: 3 },
    },
    {
      applicantName: 'Association Prévention Spécialisée 63',
      applicantKind: 'association',
      communeInsee: '63300',
      title: 'Chantiers éducatifs d’été à Riom',
      programmeCode: 'D',
      targetPublic: 'Jeunes de 16 à 21 ans',
      totalCost: 22000,
      share: 0.8,
      status: 'rejected',
      scores: { STRATEGIE: 4, PARTENARIAT: 2, EVALUATION: 1 },
    },
    {
      applicantName: 'Association Réseau Citoyen Issoire',
      applicantKind: 'association',
      communeInsee: '63178',
      title: 'Prévention de la radicalisation : ateliers esprit critique',
      programmeCode: 'R',
      totalCost: 16000,
      share: 0.8,
      status: 'admissible',
      scores: { STRATEGIE: 7, PARTENARIAT: 3 },
    },
    {
      applicantName: 'Commune de Beaumont',
      applicantKind: 'commune',
      communeInsee: '63032',
      title: 'Sécurisation des abords des écoles',
      programmeCode: 'S',
      totalCost: 28000,
      share: 0.9,
      status: 'submitted',
    },
  ];
}

const MILDECA_AXES = [
  {
    code: 'PREV_JEUNES',
    label: 'Prévenir les conduites addictives chez les jeunes (milieu scolaire et universitaire)',
  },
  { code: 'FESTIF', label: 'Réduire les risques en milieu festif' },
  { code: 'VULNERABLES', label: 'Accompagner les publics vulnérables' },
  { code: 'LOI', label: 'Faire appliquer la loi (interdiction de vente aux mineurs)' },
];

/** Seeds the demo bodies, meetings, FIPD and MILDECA calls; returns how many bodies were written. */
export async function seedDemoPrevention(m: EntityManager, now: Date): Promise<number> {
  if (await m.existsBy(PreventionBody, { createdBy: DEMO_ACTOR.id })) return 0;
  const year = Number(iso(now).slice(0, 4));
  for (const [i, b] of BODIES.entries()) {
    const chair = demoPerson(`prevention-chair-${b.communes[0]}`).name;
    const body = await m.save(
      m.create(PreventionBody, {
        kind: b.kind,
        name: b.name,
        communes: b.communes,
        epciSiren: null,
        chairName: b.kind === 'CLSPD' ? `${chair}, maire` : `${chair}, président de l’EPCI`,
        coordinatorName: b.coordinator
          ? demoPerson(`prevention-coordinator-${b.communes[0]}`).name
          : null,
        createdOn: b.createdOn,
        dissolvedOn: null,
        notes: null,
        createdBy: DEMO_ACTOR.id,
      }),
    );
    // the last two CLSPD have not met for more than a year: shown as dormant
    const lastMeeting = i === 6 || i === 7 ? 420 + i * 10 : 20 + i * 17;
    const meetings = [
      {
        heldOn: daysBefore(now, lastMeeting),
        kind: 'pleniere' as const,
        title: 'Séance plénière annuelle',
      },
      {
        heldOn: daysBefore(now, lastMeeting + 120),
        kind: 'restreinte' as const,
        title: 'Formation restreinte — suivi des situations',
      },
      {
        heldOn: daysBefore(now, lastMeeting + 250),
        kind: 'gpo' as const,
        title: 'Groupe de partenariat opérationnel — tranquillité publique',
      },
    ];
    for (const meeting of meetings)
      await m.insert(PreventionMeeting, {
        bodyId: body.id,
        ...meeting,
        minutes:
          meeting.kind === 'pleniere'
            ? 'Présentation du bilan de la délinquance par les forces de sécurité, point sur les actions financées par le FIPD, priorités de l’année.'
            : null,
        minutesReceivedOn: meeting.kind === 'pleniere' ? daysBefore(now, lastMeeting - 15) : null,
        prefectRepresented: meeting.kind === 'pleniere',
        createdBy: DEMO_ACTOR.id,
      });
  }

  await writeDemoCall(m, {
    fund: 'fipd',
    year: year - 1,
    title: `Appel à projets FIPD ${year - 1}`,
    programmeCodes: ['D', 'R', 'S', 'K'],
    opensOn: `${year - 1}-01-10`,
    closesAt: new Date(`${year - 1}-02-14T17:00:00Z`),
    envelope: 180000,
    criteria: FIPD_CRITERIA,
    adopted: new Date(`${year - 1}-04-02T10:00:00Z`),
    applications: fipdApplications(true).filter(
      (a) => a.status !== 'admissible' && a.status !== 'submitted',
    ),
  });
  await writeDemoCall(m, {
    fund: 'fipd',
    year,
    title: `Appel à projets FIPD ${year}`,
    programmeCodes: ['D', 'R', 'S', 'K'],
    opensOn: daysBefore(now, 40),
    closesAt: new Date(now.getTime() + 30 * 86400_000),
    envelope: 165000,
    criteria: FIPD_CRITERIA,
    applications: fipdApplications(false),
  });

  await writeDemoAxes(m, 'mildeca', 2023, 2027, MILDECA_AXES);
  await writeDemoCall(m, {
    fund: 'mildeca',
    year,
    title: `Appel à projets MILDECA ${year}`,
    programmeCodes: ['MILDECA'],
    opensOn: daysBefore(now, 60),
    closesAt: new Date(now.getTime() - 10 * 86400_000),
    envelope: 60000,
    criteria: [{ code: 'PLAN', label: 'Inscription dans le plan départemental', maxPoints: 10 }],
    applications: [
      {
        applicantName: 'ANPAA 63',
        applicantKind: 'association',
        communeInsee: '63113',
        title: 'Prévention par les pairs dans les lycées',
        programmeCode: 'MILDECA',
        axisCodes: ['PREV_JEUNES'],
        targetPublic: 'Lycéens',
        totalCost: 24000,
        share: 1,
        status: 'granted',
        scores: { PLAN: 9 },
      },
      {
        applicantName: 'Association Fêtes Sûres Auvergne',
        applicantKind: 'association',
        communeInsee: '63113',
        title: 'Stands de réduction des risques en soirée étudiante',
        programmeCode: 'MILDECA',
        axisCodes: ['FESTIF'],
        targetPublic: 'Étudiants',
        totalCost: 15000,
        share: 0.9,
        status: 'granted',
        scores: { PLAN: 8 },
      },
      {
        applicantName: 'CSAPA Issoire',
        applicantKind: 'etablissement_public',
        communeInsee: '63178',
        title: 'Consultations jeunes consommateurs itinérantes',
        programmeCode: 'MILDECA',
        axisCodes: ['VULNERABLES', 'PREV_JEUNES'],
        targetPublic: 'Jeunes en milieu rural',
        totalCost: 20000,
        share: 0.8,
        status: 'admissible',
        scores: { PLAN: 7 },
      },
      {
        applicantName: 'Commune de Riom',
        applicantKind: 'commune',
        communeInsee: '63300',
        title: 'Contrôles de la vente d’alcool aux mineurs',
        programmeCode: 'MILDECA',
        axisCodes: ['LOI'],
        totalCost: 6000,
        share: 1,
        status: 'submitted',
      },
    ],
  });
  return BODIES.length;
}
