import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { redactUrl } from '../common/redact';
import { AuditService } from './audit.service';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every mutating HTTP request once the response is sent: who, what, target, when,
 * outcome, including requests refused by the guard or by validation.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly audit: AuditService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (READ_METHODS.has(req.method)) return next();
    res.on('finish', () => {
      const request = req as AuthenticatedRequest & { id?: string | number };
      const route = (req.route as { path?: string } | undefined)?.path;
      const status = res.statusCode;
      const body = req.body as { email?: unknown } | undefined;
      const attemptedEmail =
        route === '/api/auth/login' && typeof body?.email === 'string' ? body.email : null;
      void this.audit.record({
        actorId: request.user?.id ?? null,
        actorEmail: request.user?.email ?? attemptedEmail,
        action: `${req.method} ${route ?? req.path}`,
        target: redactUrl(req.originalUrl.split('?')[0]),
        outcome:
          status < 400
            ? 'success'
            : status === 401 || status === 403 || status === 429
              ? 'denied'
              : 'failure',
        status,
        requestId: request.id !== undefined ? String(request.id) : null,
        ip: req.ip ?? null,
        details: null,
      });
    });
    next();
  }
}
