import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../contracts/roles';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'vigie:public';
export const ROLES_KEY = 'vigie:roles';

/** Marks a route as reachable without a token. Every other route requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to users holding at least one of the roles (admin always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser =>
    ctx.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
