import type { Role } from '../contracts/roles';

/** Cabinet staff run the calls; the director reads everything (admin always passes). */
export const GRANTS_WRITE_ROLES: Role[] = ['cabinet_staff'];
export const GRANTS_READ_ROLES: Role[] = ['cabinet_staff', 'director'];
