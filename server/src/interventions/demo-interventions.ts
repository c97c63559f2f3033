/**
 * Demo register of interventions (VIGIE_DEMO): about thirty requests of the demo mayors (and
 * of the deputies, senators and departmental councillors when the directory has them), on
 * every theme, at every stage, some overdue, so reminders, escalation, the weekly list and the
 * fiche élu show something. Fictitious beneficiaries. Idempotent: seeds only an empty register.
 */
import { EntityManager, In } from 'typeorm';
import { addDays, parisDate } from '../common/workflow/calendar';
import type { InterventionStatus, InterventionTheme } from '../contracts/interventions';
import { OFFICIAL_FUNCTIONS } from '../contracts/territory';
import { Contact } from '../directory/contact.entity';
import { demoPerson } from '../directory/demo-directory';
import { ensureServices } from '../directory/directory.service';
import { Service } from '../directory/service.entity';
import { User } from '../users/user.entity';
import {
  Intervention,
  InterventionLetter,
  InterventionReminder,
  InterventionTransition,
} from './intervention.entity';

/** Prefecture bureaus that instruct interventions, besides the State services of the directory. */
export const INSTRUCTING_SERVICES = [
  {
    code: 'PREF-DIMI',
    name: "Préfecture – direction de l'immigration et de l'intégration",
    kind: 'etat',
  },
  {
    code: 'PREF-DCL',
    name: 'Préfecture – direction de la citoyenneté et de la légalité',
    kind: 'etat',
  },
] as const;

/** Mayors of these communes make the demo interventions (Clermont, Riom, Thiers, Issoire, Ambert…). */
const DEMO_COMMUNES = [
  '63113',
  '63300',
  '63430',
  '63178',
  '63003',
  '63124',
  '63284',
  '63032',
  '63014',
  '63075',
];

interface DemoCase {
  theme: InterventionTheme;
  subject: string;
  service: string;
  beneficiary: 'personne' | 'organisation';
  organisation?: string;
  /** Days before today it was received. */
  receivedAgo: number;
  status: InterventionStatus;
  /** Due date relative to today (for routed ones). */
  dueIn?: number;
  outcome?: 'favorable' | 'defavorable' | 'information';
}

const CASES: DemoCase[] = [
  {
    theme: 'sejour',
    subject: 'Renouvellement de titre de séjour en attente depuis quatre mois',
    service: 'PREF-DIMI',
    beneficiary: 'personne',
    receivedAgo: 20,
    status: 'transmise',
    dueIn: -3,
  },
  {
    theme: 'naturalisation',
    subject: 'Demande de naturalisation : état d’avancement du dossier',
    service: 'PREF-DIMI',
    beneficiary: 'personne',
    receivedAgo: 12,
    status: 'transmise',
    dueIn: 2,
  },
  {
    theme: 'permis_conduire',
    subject: 'Suspension de permis : demande de réexamen de la mesure',
    service: 'PREF-DCL',
    beneficiary: 'personne',
    receivedAgo: 9,
    status: 'transmise',
    dueIn: 0,
  },
  {
    theme: 'icpe_environnement',
    subject: 'Nuisances olfactives d’une unité de méthanisation',
    service: 'DDT63',
    beneficiary: 'organisation',
    organisation: 'Association des riverains du Bédat',
    receivedAgo: 30,
    status: 'elements_recus',
    dueIn: -10,
  },
  {
    theme: 'subvention',
    subject: 'Dossier DETR 2026 : rénovation de l’école communale',
    service: 'DDT63',
    beneficiary: 'organisation',
    organisation: 'Commune',
    receivedAgo: 6,
    status: 'transmise',
    dueIn: 9,
  },
  {
    theme: 'logement',
    subject: 'Demande de logement social prioritaire (DALO)',
    service: 'DDETS63',
    beneficiary: 'personne',
    receivedAgo: 25,
    status: 'transmise',
    dueIn: -1,
  },
  {
    theme: 'emploi_social',
    subject: 'Activité partielle refusée à une PME de sous-traitance',
    service: 'DDETS63',
    beneficiary: 'organisation',
    organisation: 'SARL Mécanique des Combrailles',
    receivedAgo: 40,
    status: 'repondue',
    outcome: 'favorable',
  },
  {
    theme: 'securite',
    subject: 'Rodéos motorisés répétés dans un quartier',
    service: 'DIPN63',
    beneficiary: 'organisation',
    organisation: 'Conseil de quartier',
    receivedAgo: 15,
    status: 'transmise',
    dueIn: 5,
  },
  {
    theme: 'securite',
    subject: 'Cambriolages en série dans des hameaux isolés',
    service: 'GGD63',
    beneficiary: 'organisation',
    organisation: 'Commune',
    receivedAgo: 18,
    status: 'elements_recus',
    dueIn: -4,
  },
  {
    theme: 'secours',
    subject: 'Délais d’intervention des secours sur le plateau',
    service: 'SDIS63',
    beneficiary: 'organisation',
    organisation: 'Commune',
    receivedAgo: 11,
    status: 'transmise',
    dueIn: 3,
  },
  {
    theme: 'secours',
    subject: 'Maintien du centre de première intervention communal',
    service: 'SDIS63',
    beneficiary: 'organisation',
    organisation: 'Amicale des sapeurs-pompiers',
    receivedAgo: 60,
    status: 'repondue',
    outcome: 'information',
  },
  {
    theme: 'sante',
    subject: 'Fermeture estivale des urgences de l’hôpital local',
    service: 'ARS63',
    beneficiary: 'organisation',
    organisation: 'Collectif de défense de l’hôpital',
    receivedAgo: 22,
    status: 'transmise',
    dueIn: -6,
  },
  {
    theme: 'urbanisme',
    subject: 'Refus de permis de construire d’un bâtiment agricole',
    service: 'DDT63',
    beneficiary: 'personne',
    receivedAgo: 50,
    status: 'repondue',
    outcome: 'defavorable',
  },
  {
    theme: 'sejour',
    subject: 'Regroupement familial : délai de rendez-vous',
    service: 'PREF-DIMI',
    beneficiary: 'personne',
    receivedAgo: 3,
    status: 'enregistree',
  },
  {
    theme: 'autre',
    subject: 'Demande d’audience au sujet d’un conflit de voisinage',
    service: 'PREF-DCL',
    beneficiary: 'personne',
    receivedAgo: 35,
    status: 'classee',
  },
  {
    theme: 'subvention',
    subject: 'DSIL : aménagement d’une maison de santé',
    service: 'DDT63',
    beneficiary: 'organisation',
    organisation: 'Communauté de communes',
    receivedAgo: 14,
    status: 'transmise',
    dueIn: 6,
  },
  {
    theme: 'permis_conduire',
    subject: 'Échange de permis étranger bloqué',
    service: 'PREF-DCL',
    beneficiary: 'personne',
    receivedAgo: 2,
    status: 'enregistree',
  },
  {
    theme: 'emploi_social',
    subject: 'Licenciements annoncés sur un site industriel',
    service: 'DDETS63',
    beneficiary: 'organisation',
    organisation: 'Intersyndicale du site',
    receivedAgo: 8,
    status: 'transmise',
    dueIn: 1,
  },
  {
    theme: 'naturalisation',
    subject: 'Cérémonie d’accueil dans la citoyenneté : date',
    service: 'PREF-DIMI',
    beneficiary: 'personne',
    receivedAgo: 70,
    status: 'repondue',
    outcome: 'favorable',
  },
  {
    theme: 'icpe_environnement',
    subject: 'Extension d’une carrière : inquiétudes des habitants',
    service: 'DDT63',
    beneficiary: 'organisation',
    organisation: 'Association Vivre en Livradois',
    receivedAgo: 28,
    status: 'transmise',
    dueIn: -2,
  },
  {
    theme: 'logement',
    subject: 'Habitat indigne : arrêté de mise en sécurité attendu',
    service: 'DDT63',
    beneficiary: 'personne',
    receivedAgo: 5,
    status: 'transmise',
    dueIn: 12,
  },
  {
    theme: 'securite',
    subject: 'Vidéoprotection : avis sur le projet communal',
    service: 'GGD63',
    beneficiary: 'organisation',
    organisation: 'Commune',
    receivedAgo: 45,
    status: 'repondue',
    outcome: 'favorable',
  },
];

/** Seeds the demo register once; returns how many interventions it created. */
export async function seedDemoInterventions(manager: EntityManager, now: Date): Promise<number> {
  await ensureServices(manager, INSTRUCTING_SERVICES);
  if ((await manager.count(Intervention)) > 0) return 0;
  const officials = await manager.find(Contact, {
    where: [
      { function: In(['depute', 'senateur', 'conseiller_departemental']), active: true },
      { function: 'maire', communeInsee: In(DEMO_COMMUNES), active: true },
    ],
    order: { function: 'ASC', communeInsee: 'ASC' },
  });
  const eligible = officials.filter((o) =>
    (OFFICIAL_FUNCTIONS as readonly string[]).includes(o.function),
  );
  if (eligible.length === 0) return 0; // the demo directory comes first
  const services = new Map((await manager.find(Service)).map((s) => [s.code, s]));
  const author =
    (await manager.findOneBy(User, { email: 'cabinet@vigie.test' })) ??
    (await manager.findOne(User, { where: {} }));
  if (!author) return 0;
  const today = parisDate(now);
  const byYear = new Map<string, number>();
  let created = 0;
  for (const [n, c] of CASES.entries()) {
    const service = services.get(c.service);
    if (!service) continue;
    const official = eligible[(n * 7) % eligible.length];
    const receivedOn = addDays(today, -c.receivedAgo);
    const year = receivedOn.slice(0, 4);
    const number = (byYear.get(year) ?? 0) + 1;
    byYear.set(year, number);
    const person = demoPerson(`intervention:${n}`);
    const routed = c.status !== 'enregistree' && !(c.status === 'classee');
    const transmittedOn = routed ? addDays(receivedOn, 2) : null;
    const dueDate = routed
      ? c.dueIn !== undefined
        ? addDays(today, c.dueIn)
        : addDays(receivedOn, 17)
      : null;
    const closed = c.status === 'repondue' || c.status === 'classee';
    const closedOn = closed ? addDays(receivedOn, Math.min(c.receivedAgo - 1, 21)) : null;
    const at = (day: string) => new Date(`${day}T09:30:00Z`);
    const item = await manager.save(
      manager.create(Intervention, {
        reference: `INT-${year}-${String(number).padStart(4, '0')}`,
        receivedOn,
        channel: (['courrier', 'courriel', 'telephone', 'audience'] as const)[n % 4],
        officialId: official.id,
        beneficiaryKind: c.beneficiary,
        beneficiaryName:
          c.beneficiary === 'personne'
            ? `${person.feminine ? 'Mme' : 'M.'} ${person.name}`
            : c.organisation === 'Commune'
              ? (official.title ?? 'Commune').replace(/^Maire /, 'Commune ')
              : c.organisation!,
        beneficiaryCommuneInsee: official.communeInsee,
        theme: c.theme,
        subject: c.subject,
        caseReference:
          c.theme === 'sejour' || c.theme === 'naturalisation'
            ? `6300${String(4210 + n * 37)}`
            : null,
        serviceId: routed || closed ? service.id : null,
        transmittedOn,
        dueDate,
        elementsReceivedOn:
          c.status === 'elements_recus' || c.status === 'repondue'
            ? addDays(receivedOn, Math.min(c.receivedAgo - 1, 12))
            : null,
        signatory: official.function === 'maire' ? 'directeur_cabinet' : 'prefet',
        status: c.status,
        ackSentOn: c.status === 'enregistree' && c.receivedAgo < 3 ? null : addDays(receivedOn, 1),
        holdingReplySentOn:
          c.receivedAgo > 20 && c.status !== 'classee' ? addDays(receivedOn, 15) : null,
        finalReplySentOn: c.status === 'repondue' ? closedOn : null,
        outcome: c.outcome ?? null,
        confidentiality: n % 5 === 0 ? 'restreinte' : 'normale',
        escalatedAt:
          c.status === 'transmise' && c.dueIn !== undefined && c.dueIn < 0
            ? at(addDays(today, c.dueIn + 1))
            : null,
        closedAt: closedOn ? at(closedOn) : null,
        createdBy: author.id,
      }),
    );
    const history: Partial<InterventionTransition>[] = [
      { from: null, to: 'enregistree', at: at(receivedOn), note: null, serviceName: null },
    ];
    if (transmittedOn)
      history.push({
        from: 'enregistree',
        to: 'transmise',
        at: at(transmittedOn),
        note: null,
        serviceName: service.name,
      });
    if (item.elementsReceivedOn)
      history.push({
        from: 'transmise',
        to: 'elements_recus',
        at: at(item.elementsReceivedOn),
        note: 'Éléments de réponse transmis par le service.',
        serviceName: null,
      });
    if (c.status === 'repondue')
      history.push({
        from: 'elements_recus',
        to: 'repondue',
        at: at(closedOn!),
        note: null,
        serviceName: null,
      });
    if (c.status === 'classee')
      history.push({
        from: 'enregistree',
        to: 'classee',
        at: at(closedOn!),
        note: 'Demande retirée par l’élu.',
        serviceName: null,
      });
    await manager.insert(
      InterventionTransition,
      history.map((h) => ({
        ...h,
        interventionId: item.id,
        by: author.id,
        byName: author.displayName,
      })),
    );
    const letters: Partial<InterventionLetter>[] = [];
    if (item.ackSentOn) letters.push({ kind: 'accuse_reception', body: null });
    if (item.holdingReplySentOn) letters.push({ kind: 'reponse_attente', body: null });
    if (c.status === 'repondue')
      letters.push({
        kind: 'reponse_definitive',
        body: 'Le service instructeur a réexaminé la situation au vu des éléments transmis.',
      });
    if (letters.length)
      await manager.insert(
        InterventionLetter,
        letters.map((l) => ({
          ...l,
          interventionId: item.id,
          createdBy: author.id,
          createdByName: author.displayName,
        })),
      );
    if (item.escalatedAt && dueDate) {
      await manager.insert(InterventionReminder, [
        { interventionId: item.id, kind: 'before:3', dueDate, sentAt: at(addDays(dueDate, -3)) },
        { interventionId: item.id, kind: 'due', dueDate, sentAt: at(dueDate) },
        { interventionId: item.id, kind: 'overdue', dueDate, sentAt: item.escalatedAt },
      ]);
    }
    created++;
  }
  return created;
}
