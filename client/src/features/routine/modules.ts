import type { Role } from '@contracts/roles';

/** The Cabinet's routine modules, as listed on the « Modules du Cabinet » page. */
export interface RoutineModule {
  key: string;
  /** Absolute path of the module's pages (its own routes live under it). */
  path: string;
  title: string;
  description: string;
  /** Who sees the module (the server checks again on every request). */
  roles: readonly Role[];
}

const STAFF: readonly Role[] = ['admin', 'cabinet_staff', 'director'];

export const ROUTINE_MODULES: readonly RoutineModule[] = [
  {
    key: 'honours',
    path: '/cabinet/distinctions',
    title: 'Distinctions honorifiques',
    description: 'Dossiers de médailles, éligibilité, promotions, arrêtés et cérémonies.',
    roles: STAFF,
  },
  {
    key: 'elections',
    path: '/cabinet/elections',
    title: 'Élections',
    description: 'Scrutins, candidatures, participation et centralisation des résultats.',
    roles: STAFF,
  },
  {
    key: 'press',
    path: '/presse',
    title: 'Presse et communication',
    description:
      'Communiqués, contacts presse, demandes des journalistes, visites, publications officielles.',
    roles: ['admin', 'press', 'director', 'cabinet_staff'],
  },
  {
    key: 'interventions',
    path: '/cabinet/interventions',
    title: 'Interventions des élus',
    description:
      'Affaires réservées : réception, instruction par les services, réponses et relances.',
    roles: [...STAFF, 'service_liaison'],
  },
  {
    key: 'prevention',
    path: '/cabinet/prevention',
    title: 'Sécurité publique et prévention',
    description: 'CLSPD / CISPD, appels à projets FIPD et MILDECA, subventions.',
    roles: STAFF,
  },
  {
    key: 'road-safety',
    path: '/cabinet/securite-routiere',
    title: 'Sécurité routière',
    description: 'DGO, PDASR, accidentologie et carte des accidents.',
    roles: STAFF,
  },
  {
    key: 'travellers',
    path: '/cabinet/gens-du-voyage',
    title: 'Accueil des gens du voyage',
    description: 'Schéma départemental, aires, grands passages, stationnements illicites.',
    roles: STAFF,
  },
  {
    key: 'fire-rescue',
    path: '/cabinet/secours',
    title: 'Incendie et secours',
    description:
      'Centres d’incendie et de secours, secteurs de premier appel, SDACR, statistiques.',
    roles: STAFF,
  },
  {
    key: 'territory',
    path: '/cabinet/territoire',
    title: 'Référentiel territorial',
    description: 'Communes, cantons, circonscriptions, EPCI, forces compétentes et élus.',
    roles: [...STAFF, 'sidpc', 'cod_operator', 'press'],
  },
];

export function routineModule(key: string): RoutineModule {
  const found = ROUTINE_MODULES.find((m) => m.key === key);
  if (!found) throw new Error(`unknown routine module ${key}`);
  return found;
}
