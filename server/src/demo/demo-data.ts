import type { Role } from '../contracts/roles';

/** Services of the Puy-de-Dôme the COD works with (demo directory). */
export const DEMO_SERVICES = [
  { code: 'SDIS63', name: "Service départemental d'incendie et de secours (SDIS 63)", kind: 'secours' },
  { code: 'SAMU63', name: 'SAMU 63 – CHU de Clermont-Ferrand', kind: 'sante' },
  { code: 'GGD63', name: 'Groupement de gendarmerie départementale du Puy-de-Dôme', kind: 'securite' },
  { code: 'DIPN63', name: 'Direction interdépartementale de la police nationale', kind: 'securite' },
  { code: 'DDT63', name: 'Direction départementale des territoires (DDT 63)', kind: 'etat' },
  { code: 'ARS63', name: 'Agence régionale de santé – délégation du Puy-de-Dôme', kind: 'sante' },
  { code: 'DSDEN63', name: "Services départementaux de l'Éducation nationale", kind: 'etat' },
  { code: 'CD63', name: 'Conseil départemental du Puy-de-Dôme', kind: 'collectivite' },
  { code: 'DIRMC', name: 'Direction interdépartementale des routes Massif Central', kind: 'etat' },
  { code: 'ENEDIS', name: 'Enedis – direction régionale Auvergne', kind: 'operateur' },
] as const;

export const DEMO_ACCOUNTS: { email: string; displayName: string; roles: Role[]; service?: string }[] = [
  { email: 'admin@vigie.test', displayName: 'Alice Administratrice', roles: ['admin'] },
  { email: 'directeur@vigie.test', displayName: 'Damien Directeur', roles: ['director'] },
  { email: 'sidpc@vigie.test', displayName: 'Sophie Permanence SIDPC', roles: ['sidpc'] },
  { email: 'operateur@vigie.test', displayName: 'Olivier Opérateur COD', roles: ['cod_operator'] },
  { email: 'sdis@vigie.test', displayName: 'Samuel Liaison SDIS', roles: ['service_liaison'], service: 'SDIS63' },
  { email: 'presse@vigie.test', displayName: 'Paula Presse', roles: ['press'] },
  { email: 'cabinet@vigie.test', displayName: 'Camille Cabinet', roles: ['cabinet_staff'] },
  { email: 'lecteur@vigie.test', displayName: 'Léo Lecteur', roles: ['viewer'] },
];
