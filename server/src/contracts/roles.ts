/** Roles of CONTRACT.md. Shared by server and client: no Nest imports here. */
export const ROLES = [
  'admin',
  'director',
  'sidpc',
  'cod_operator',
  'service_liaison',
  'press',
  'cabinet_staff',
  'viewer',
] as const;

export type Role = (typeof ROLES)[number];

/** French labels shown in the console. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur',
  director: 'Directeur de cabinet',
  sidpc: 'Officier de permanence SIDPC',
  cod_operator: 'Opérateur COD',
  service_liaison: 'Officier de liaison',
  press: 'Communication / presse',
  cabinet_staff: 'Agent du Cabinet',
  viewer: 'Lecteur',
};
