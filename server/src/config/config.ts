/**
 * The one reader of process.env: one zod schema, parsed once at boot, every bad variable
 * reported at once.
 */
import { z } from 'zod';

const boolean = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL (${protocols.join(' or ')})` },
  );

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_SEC: z.coerce.number().int().min(300).default(12 * 3600),
  VIGIE_DEMO: boolean.optional(),
  VIGIE_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  VIGIE_DATA_DIR: z.string().min(1).default('var'),
  /** Run the BullMQ processors inside the API process (single-machine start). */
  VIGIE_INLINE_WORKER: boolean.default(true),
  /** Prefix of every Redis key (BullMQ queues, Socket.IO adapter channels). */
  REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i).default('vigie'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  COOKIE_SECURE: boolean.default(true),
  /** Express `trust proxy`: which proxies may set X-Forwarded-For (client address for rate limits and audit). */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_WINDOW_SEC: z.coerce.number().int().min(1).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Password for `npm run user:create` (else it is read from stdin). */
  VIGIE_USER_PASSWORD: z.string().optional(),
  /** Optional base map tiles (e.g. IGN Plan IGN or OpenStreetMap); the console works without. */
  MAP_TILE_URL: url(['https:', 'http:']).optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).default(''),
  /** Serve the built client from dist/client. */
  SERVE_CLIENT: boolean.default(true),
});

export type RawConfig = z.infer<typeof configSchema>;

/** Config after the infrastructure (database, Redis, secret) has been resolved. */
export interface AppConfig
  extends Omit<RawConfig, 'DATABASE_URL' | 'REDIS_URL' | 'JWT_SECRET' | 'VIGIE_DEMO' | 'VIGIE_DEMO_PASSWORD'> {
  DATABASE_URL: string;
  REDIS_URL: string;
  JWT_SECRET: string;
  VIGIE_DEMO: boolean;
  VIGIE_DEMO_PASSWORD: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseConfig(env: Record<string, string | undefined> = process.env): RawConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
