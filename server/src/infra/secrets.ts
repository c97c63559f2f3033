import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets generated on first start of a development install and kept under the data
 * directory (never in the repository). Production sets them through the environment.
 */
export interface LocalSecrets {
  jwtSecret: string;
  postgresPassword: string;
  demoPassword: string;
}

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (parsed.jwtSecret && parsed.postgresPassword && parsed.demoPassword) return parsed as LocalSecrets;
  } catch {
    // first start: created below
  }
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    postgresPassword: randomBytes(24).toString('base64url'),
    demoPassword: `vigie-${randomBytes(6).toString('hex')}`,
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
