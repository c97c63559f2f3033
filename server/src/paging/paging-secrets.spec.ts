import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, ConfigError, parseConfig } from '../config/config';
import { deriveAckLinkSecret, resolvePagingSecrets } from './paging-secrets';

const JWT = 'j'.repeat(40);

function config(env: Record<string, string>): AppConfig {
  return { ...parseConfig(env), JWT_SECRET: JWT } as AppConfig;
}

describe('paging secrets', () => {
  it('in production, uses the environment, derives the link key from JWT_SECRET when absent, and disables push without VAPID', () => {
    const secrets = resolvePagingSecrets(config({ NODE_ENV: 'production' }));
    expect(secrets).toMatchObject({ vapid: null, gatewayToken: null, ackLinkSecretDerived: true, ackLinkSecret: deriveAckLinkSecret(JWT) });
    expect(deriveAckLinkSecret(JWT)).not.toContain(JWT);
    expect(deriveAckLinkSecret(JWT)).not.toBe(deriveAckLinkSecret(`${JWT}x`));
    const explicit = resolvePagingSecrets(config({ NODE_ENV: 'production', ACK_LINK_SECRET: 'a'.repeat(32) }));
    expect(explicit).toMatchObject({ ackLinkSecret: 'a'.repeat(32), ackLinkSecretDerived: false });
  });

  it('refuses half a VAPID pair, or a gateway without its token', () => {
    expect(() => resolvePagingSecrets(config({ NODE_ENV: 'production', VAPID_PUBLIC_KEY: 'B'.repeat(87) }))).toThrow(ConfigError);
    expect(() => resolvePagingSecrets(config({ NODE_ENV: 'test', SMS_GATEWAY_URL: 'http://127.0.0.1:9' }))).toThrow(/SMS_GATEWAY_TOKEN/);
  });

  it('in development, generates what is missing once and keeps it in the data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-paging-'));
    const first = resolvePagingSecrets(config({ NODE_ENV: 'development', VIGIE_DATA_DIR: dir }));
    const second = resolvePagingSecrets(config({ NODE_ENV: 'development', VIGIE_DATA_DIR: dir }));
    expect(second).toEqual(first);
    expect(first.vapid!.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const file = join(dir, 'paging-secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ ackLinkSecret: first.ackLinkSecret });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('in tests, generates per process and writes nothing', () => {
    const a = resolvePagingSecrets(config({ NODE_ENV: 'test', VIGIE_DATA_DIR: '/nonexistent/never-written' }));
    expect(a.source).toBe('process');
    expect(a.ackLinkSecret.length).toBeGreaterThanOrEqual(32);
  });
});
