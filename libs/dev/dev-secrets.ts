import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * For local runs only: secrets generated once and kept under data/, so tokens and encrypted data
 * stay valid across restarts. Production sets AUTH_SECRET, PII_KEYS and PII_INDEX_KEY itself.
 */
export function devSecrets(file: string): Record<'AUTH_SECRET' | 'PII_KEYS' | 'PII_ACTIVE_KEY_ID' | 'PII_INDEX_KEY', string> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    PII_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'dev1',
    PII_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Fills only what the environment leaves unset. */
export function withDevSecrets(env: NodeJS.ProcessEnv, file: string): NodeJS.ProcessEnv {
  const secrets = devSecrets(file);
  const out = { ...env };
  for (const [k, v] of Object.entries(secrets)) if (!out[k]) out[k] = v;
  return out;
}
