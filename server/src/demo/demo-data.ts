import type { Role } from '../contracts/roles';

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
