import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { AuthUser, hasRole } from '../common/auth-user';
import { IS_PUBLIC, ROLES_KEY } from '../common/decorators';
import type { Role } from '../contracts/roles';
import { AuthService } from './auth.service';

export type AuthenticatedRequest = Request & { user?: AuthUser & { sessionId: string } };

/** Global guard: every HTTP route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate at handshake
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const user = await this.auth.authenticate(token);
    if (!user) throw new AppError('unauthenticated', 'Authentication required');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasRole(user, roles)) {
      throw new AppError('forbidden', 'Your role does not allow this action');
    }
    return true;
  }
}
