/**
 * Account administration from the command line:
 *   npm run user:create -- --email a@b.fr --name "Nom" --roles admin[,sidpc] [--service SDIS63]
 *                          (password from VIGIE_USER_PASSWORD or typed on stdin)
 *   npm run user -- set-roles --email a@b.fr --roles director
 *   npm run user -- disable --email a@b.fr      npm run user -- enable --email a@b.fr
 *   npm run user -- list
 * Uses DATABASE_URL, or the embedded database under ./var (shared if the console runs).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { AuditModule } from '../audit/audit.module';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/config';
import { ConfigModule } from '../config/config.module';
import { ROLES, Role } from '../contracts/roles';
import { DatabaseModule } from '../database/database.module';
import { runMigrations } from '../database/migrate';
import { DirectoryModule } from '../directory/directory.module';
import { DirectoryService } from '../directory/directory.service';
import { resolveInfrastructure } from '../infra/infrastructure';
import { UsersModule } from '../users/users.module';
import { toPublicUser, UsersService } from '../users/users.service';

@Module({})
class CliModule {
  static forRoot(config: AppConfig) {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, UsersModule, DirectoryModule, AuditModule],
    };
  }
}

function parseRoles(value: string | undefined): Role[] {
  const roles = (value ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!roles.length || bad.length) throw new Error(`--roles must list roles among: ${ROLES.join(', ')}`);
  return roles as Role[];
}

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  const line = await rl.question('Mot de passe (12 caractères minimum) : ');
  rl.close();
  return line.trim();
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      service: { type: 'string' },
    },
  });
  const command = positionals[0];
  const infra = await resolveInfrastructure(() => undefined);
  await runMigrations(infra.config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(infra.config), { logger: ['error'] });
  try {
    const users = app.get(UsersService);
    const audit = app.get(AuditService);
    const find = async () => {
      const user = values.email ? await users.findByEmail(values.email) : null;
      if (!user) throw new Error(`no user with email ${values.email ?? '(missing --email)'}`);
      return user;
    };
    let result: unknown;
    switch (command) {
      case 'create': {
        let serviceId: string | null = null;
        if (values.service) {
          const service = (await app.get(DirectoryService).list()).find((s) => s.code === values.service);
          if (!service) throw new Error(`unknown service code ${values.service}`);
          serviceId = service.id;
        }
        result = toPublicUser(
          await users.create({
            email: values.email ?? '',
            displayName: values.name ?? '',
            roles: parseRoles(values.roles),
            serviceId,
            password: await readPassword(infra.config.VIGIE_USER_PASSWORD),
          }),
        );
        break;
      }
      case 'set-roles':
        result = toPublicUser(await users.update((await find()).id, { roles: parseRoles(values.roles) }));
        break;
      case 'disable':
      case 'enable':
        result = toPublicUser(await users.update((await find()).id, { disabled: command === 'disable' }));
        break;
      case 'list':
        result = (await users.list()).map(toPublicUser);
        break;
      default:
        throw new Error('usage: user <create|set-roles|disable|enable|list> [--email] [--name] [--roles] [--service]');
    }
    if (command !== 'list') {
      await audit.record({
        actorId: null,
        actorEmail: `cli:${userInfo().username}`,
        action: `cli user ${command}`,
        target: values.email ?? null,
        outcome: 'success',
        status: null,
        requestId: null,
        ip: null,
        details: values.roles ? { roles: values.roles } : null,
      });
    }
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.close();
    await infra.stop();
  }
}

main().catch((e: unknown) => {
  const message =
    e instanceof AppError ? `${e.message}${e.details ? `: ${e.details.map((d) => `${d.path} ${d.message}`).join(', ')}` : ''}` : e instanceof Error ? e.message : String(e);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
