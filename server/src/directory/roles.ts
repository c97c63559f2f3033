import type { Role } from '../contracts/roles';

/**
 * Who reads the directory of contacts, groups and astreintes. Contacts are personal data:
 * never viewer, press, cabinet_staff or service_liaison.
 */
export const DIRECTORY_READ_ROLES: Role[] = ['admin', 'director', 'sidpc', 'cod_operator'];

/** Who maintains it (the SIDPC). */
export const DIRECTORY_WRITE_ROLES: Role[] = ['admin', 'sidpc'];
