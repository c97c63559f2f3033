/**
 * The one reader of process.env: one zod schema, parsed once at boot, every bad variable
 * reported at once.
 */
import { z } from 'zod';
import { parseQuietWindow } from '../paging/quiet-hours';

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

  // ---------------------------------------------------------------- paging (alerte et astreinte)
  /** Public base URL of the console, used in the acknowledgement links and gateway callbacks (default http://localhost:PORT). */
  PUBLIC_URL: url(['https:', 'http:']).optional(),
  /** SMTP server for e-mail pages (smtp:// or smtps://, credentials in the URL). Absent outside production: a local sink. */
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  SMTP_FROM: z.string().min(3).default('Vigie – Préfecture du Puy-de-Dôme <vigie@localhost>'),
  /** SMS / voice gateway (generic JSON API: POST <url>/sms and <url>/voice). Absent outside production: a local fake gateway. */
  SMS_GATEWAY_URL: url(['https:', 'http:']).optional(),
  /** Bearer token sent to the gateway, and HMAC key of its signed webhooks. */
  SMS_GATEWAY_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Web push (VAPID) keys, as printed by `npx web-push generate-vapid-keys`; both or neither. */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, 'a base64url P-256 public key').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, 'a base64url P-256 private key').optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'a mailto: or https: URL').default('mailto:sidpc@localhost'),
  /** HMAC key of the signed acknowledgement links (>= 32 chars). Required in production. */
  ACK_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACK_LINK_TTL_SEC: z.coerce.number().int().min(300).max(30 * 86400).default(72 * 3600),
  /** Multiplies every escalation delay (tests use 0.01: 30 s become 0.3 s). */
  PAGING_ESCALATION_SCALE: z.coerce.number().positive().max(1).default(1),
  /** First retry delay of a delivery after a temporary error (then doubled, 5 attempts). */
  PAGING_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  /** Messages per second per channel queue (BullMQ limiter, shared by every worker process). */
  PAGING_RATE_EMAIL: z.coerce.number().int().min(1).default(50),
  PAGING_RATE_SMS: z.coerce.number().int().min(1).default(30),
  PAGING_RATE_VOICE: z.coerce.number().int().min(1).default(5),
  PAGING_RATE_PUSH: z.coerce.number().int().min(1).default(200),
  PAGING_RATE_INAPP: z.coerce.number().int().min(1).default(500),
  /** The reconciler re-enqueues what Redis lost: every N seconds, deliveries queued for longer than the grace. */
  PAGING_RECONCILE_EVERY_SEC: z.coerce.number().int().min(1).max(3600).default(15),
  PAGING_RECONCILE_GRACE_SEC: z.coerce.number().int().min(0).max(3600).default(30),
  /**
   * Heures de silence, Paris time (`22:00-07:00`; empty: none): SMS, calls and push of pages that
   * are not `crise` wait for the end of the window, except for people on duty (astreinte).
   */
  PAGING_QUIET_HOURS: z
    .string()
    .trim()
    .default('')
    .refine((v) => {
      try {
        parseQuietWindow(v);
        return true;
      } catch {
        return false;
      }
    }, 'expected HH:MM-HH:MM (22:00-07:00) or empty'),
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
