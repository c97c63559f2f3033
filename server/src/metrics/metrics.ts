import { Controller, Get, Header, Injectable, Module, NestMiddleware } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { Public } from '../common/decorators';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'vigie_' });

const httpDuration = new Histogram({
  name: 'vigie_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const socketConnections = new Counter({
  name: 'vigie_socket_connections_total',
  help: 'Socket.IO connections accepted',
  registers: [registry],
});

@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}

/** Prometheus scrape endpoint (no personal data: counters and timings only). */
@ApiExcludeController()
@Controller()
export class MetricsController {
  @Public()
  @Get('/metrics')
  @Header('Content-Type', registry.contentType)
  metrics(): Promise<string> {
    return registry.metrics();
  }
}

@Module({ controllers: [MetricsController], providers: [MetricsMiddleware] })
export class MetricsModule {}
