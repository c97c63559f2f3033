import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { AppConfig } from './config/config';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

/** `https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example` for the CSP. */
function tileOrigin(template: string): string {
  const url = new URL(template.replace(/\{s\}/g, 'subdomain').replace(/\{[^}]+\}/g, '0'));
  const host = url.host.startsWith('subdomain.') ? `*.${url.host.slice('subdomain.'.length)}` : url.host;
  return `${url.protocol}//${host}`;
}

/** Builds the API application (shared by main.ts and the tests); does not listen. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '1mb' });
  app.set('trust proxy', /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY.split(',').map((s) => s.trim()));
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          // the configured tile server, if any, is the only outside origin the console loads
          'img-src': ["'self'", 'data:', 'blob:', ...(config.MAP_TILE_URL ? [tileOrigin(config.MAP_TILE_URL)] : [])],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(cookieParser());
  app.enableCors({ origin: config.CORS_ORIGINS, credentials: true });
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigie API')
      .setDescription('Console opérationnelle du Cabinet du préfet du Puy-de-Dôme')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
