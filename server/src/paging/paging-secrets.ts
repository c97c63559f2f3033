import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateVAPIDKeys } from 'web-push';
import { type AppConfig, ConfigError } from '../config/config';

export interface PagingSecrets {
  ackLinkSecret: string;
  /** Null: web push is not configured (production without VAPID keys). */
  vapid: { publicKey: string; privateKey: string } | null;
  /** Token of the gateway: the configured one, or the local fake gateway's. */
  gatewayToken: string | null;
  /** Where the secrets come from, for the boot log. */
  source: 'environment' | 'data-dir' | 'process';
  /** Production without ACK_LINK_SECRET: the link key is derived from JWT_SECRET. */
  ackLinkSecretDerived: boolean;
}

/** A key of its own for the acknowledgement links, derived from JWT_SECRET (HKDF-SHA256, domain-separated). */
export function deriveAckLinkSecret(jwtSecret: string): string {
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'vigie', 'vigie/paging/ack-links/v1', 32)).toString('base64url');
}

interface StoredSecrets {
  ackLinkSecret?: string;
  vapidPublicKey?: string;
  vapidPrivateKey?: string;
  devGatewayToken?: string;
}

/**
 * Paging secrets. Production: every process must sign and check the same links, so the key is
 * `ACK_LINK_SECRET`, or when it is absent a key derived from `JWT_SECRET` (which production
 * requires and shares) — with a warning at boot, since rotating JWT_SECRET then voids the
 * links in flight; VAPID keys are both set or web push is off; `SMS_GATEWAY_TOKEN` comes with
 * `SMS_GATEWAY_URL`. Development: what the environment lacks is generated once and kept in
 * `<VIGIE_DATA_DIR>/paging-secrets.json` (like secrets.json), so the API and a separate worker
 * agree and browser push subscriptions survive restarts. Tests: generated per process, nothing
 * written.
 */
export function resolvePagingSecrets(config: AppConfig): PagingSecrets {
  const problems: string[] = [];
  if (!!config.VAPID_PUBLIC_KEY !== !!config.VAPID_PRIVATE_KEY)
    problems.push('VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY: set both or neither');
  if (config.SMS_GATEWAY_URL && !config.SMS_GATEWAY_TOKEN) problems.push('SMS_GATEWAY_TOKEN: required with SMS_GATEWAY_URL');
  if (problems.length) throw new ConfigError(problems);

  const fromEnv = {
    ackLinkSecret: config.ACK_LINK_SECRET,
    vapidPublicKey: config.VAPID_PUBLIC_KEY,
    vapidPrivateKey: config.VAPID_PRIVATE_KEY,
    devGatewayToken: config.SMS_GATEWAY_TOKEN,
  };
  if (config.NODE_ENV === 'production') {
    return {
      ackLinkSecret: fromEnv.ackLinkSecret ?? deriveAckLinkSecret(config.JWT_SECRET),
      vapid: fromEnv.vapidPublicKey ? { publicKey: fromEnv.vapidPublicKey, privateKey: fromEnv.vapidPrivateKey! } : null,
      gatewayToken: fromEnv.devGatewayToken ?? null,
      source: 'environment',
      ackLinkSecretDerived: !fromEnv.ackLinkSecret,
    };
  }
  const generated = config.NODE_ENV === 'test' ? generate({}) : loadOrCreate(resolve(config.VIGIE_DATA_DIR));
  const vapidFromEnv = fromEnv.vapidPublicKey !== undefined;
  return {
    ackLinkSecret: fromEnv.ackLinkSecret ?? generated.ackLinkSecret!,
    vapid: vapidFromEnv
      ? { publicKey: fromEnv.vapidPublicKey!, privateKey: fromEnv.vapidPrivateKey! }
      : { publicKey: generated.vapidPublicKey!, privateKey: generated.vapidPrivateKey! },
    gatewayToken: fromEnv.devGatewayToken ?? generated.devGatewayToken!,
    source: config.NODE_ENV === 'test' ? 'process' : 'data-dir',
    ackLinkSecretDerived: false,
  };
}

function generate(existing: StoredSecrets): Required<StoredSecrets> {
  const vapid = existing.vapidPublicKey && existing.vapidPrivateKey ? null : generateVAPIDKeys();
  return {
    ackLinkSecret: existing.ackLinkSecret ?? randomBytes(32).toString('base64url'),
    vapidPublicKey: existing.vapidPublicKey ?? vapid!.publicKey,
    vapidPrivateKey: existing.vapidPrivateKey ?? vapid!.privateKey,
    devGatewayToken: existing.devGatewayToken ?? randomBytes(24).toString('base64url'),
  };
}

function loadOrCreate(dataDir: string): Required<StoredSecrets> {
  const file = join(dataDir, 'paging-secrets.json');
  let stored: StoredSecrets = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  } catch {
    // first start: created below
  }
  const complete = generate(stored);
  const keys = ['ackLinkSecret', 'vapidPublicKey', 'vapidPrivateKey', 'devGatewayToken'] as const;
  if (keys.some((k) => !stored[k])) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(complete, null, 2), { mode: 0o600 });
  }
  return complete;
}
