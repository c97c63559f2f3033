import { randomUUID } from 'node:crypto';
import { join, sep } from 'node:path';
import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { createZodValidationPipe } from 'nestjs-zod';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClientConfigController } from './client-config/client-config.controller';
import { CodModule } from './cod/cod.module';
import { CrisesModule } from './crises/crises.module';
import { IncidentsModule } from './incidents/incidents.module';
import { LogbookModule } from './logbook/logbook.module';
import { MapFeaturesModule } from './map-features/map-features.module';
import { PagingModule } from './paging/paging.module';
import { PressModule } from './press/press.module';
import { GrantsModule } from './grants/grants.module';
import { PreventionModule } from './prevention/prevention.module';
import { RoadSafetyModule } from './road-safety/road-safety.module';
import { SummaryModule } from './summary/summary.module';
import { TasksModule } from './tasks/tasks.module';
import { InterventionsModule } from './interventions/interventions.module';
import { FireRescueModule } from './fire-rescue/fire-rescue.module';
import { TravellersModule } from './travellers/travellers.module';
import { AppError } from './common/app-error';
import { redactUrl } from './common/redact';
import { GlobalErrorFilter } from './common/error.filter';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DirectionModule } from './direction/direction.module';
import { DirectoryModule } from './directory/directory.module';
import { ElectionsModule } from './elections/elections.module';
import { HealthController } from './health/health.controller';
import { HonoursModule } from './honours/honours.module';
import { RedisModule } from './infra/redis.module';
import { MetricsMiddleware, MetricsModule } from './metrics/metrics';
import { QueueModule } from './queue/queue.module';
import { RealtimeModule } from './realtime/realtime.module';
import { ReferenceModule } from './reference/reference.module';
import { UsersModule } from './users/users.module';

const ValidationPipe = createZodValidationPipe({
  createValidationException: (error) => AppError.validation(error),
});

export function loggerModule(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id =
          typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.params.token',
        'res.headers["set-cookie"]',
      ],
      serializers: {
        req: (req: { url: string }) => ({ ...req, url: redactUrl(req.url) }),
      },
      autoLogging: { ignore: (req) => req.url === '/metrics' || req.url === '/api/health' },
    },
  });
}

/** The built client: dist/client, from dist/server (built) or server/src (tests). */
function clientDir(): string {
  return __dirname.includes(`${sep}dist${sep}`)
    ? join(__dirname, '..', 'client')
    : join(__dirname, '..', '..', 'dist', 'client');
}

/** The HTTP + Socket.IO application. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(config),
        DatabaseModule,
        RedisModule,
        QueueModule.forRoot({ runWorkers: config.VIGIE_INLINE_WORKER }),
        AuthModule,
        UsersModule,
        AuditModule,
        RealtimeModule,
        DirectoryModule,
        ReferenceModule,
        CrisesModule,
        LogbookModule,
        CodModule,
        IncidentsModule,
        TasksModule,
        MapFeaturesModule,
        SummaryModule,
        PagingModule,
        DirectionModule,
        HonoursModule,
        ElectionsModule,
        PressModule,
        InterventionsModule,
        FireRescueModule,
        GrantsModule,
        PreventionModule,
        RoadSafetyModule,
        TravellersModule,
        MetricsModule,
        DemoModule,
        ...(config.SERVE_CLIENT
          ? [
              ServeStaticModule.forRoot({
                rootPath: clientDir(),
                exclude: ['/api/{*path}', '/metrics', '/socket.io/{*path}'],
              }),
            ]
          : []),
      ],
      controllers: [HealthController, ClientConfigController],
      providers: [
        { provide: APP_PIPE, useClass: ValidationPipe },
        { provide: APP_FILTER, useClass: GlobalErrorFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsMiddleware).forRoutes('{*path}');
  }
}
