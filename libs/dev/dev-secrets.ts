import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateLocalKeyPair, publicJwkOf } from '../security/local-issuer';

type DevSecrets = Record<'AUTH_LOCAL_PRIVATE_KEY' | 'AUTH_LOCAL_PUBLIC_KEY' | 'PII_KEYS' | 'PII_ACTIVE_KEY_ID' | 'PII_INDEX_KEY', string>;

/**
 * For local runs only: secrets generated once and kept under data/ (mode 0600, never committed), so
 * tokens and encrypted data stay valid across restarts. A file from an older version gains what it
 * lacks (the local issuer's key pair). Production sets PII_KEYS and PII_INDEX_KEY itself and
 * verifies tokens of its OpenID Connect issuer.
 */
export function devSecrets(file: string): DevSecrets {
  const kept: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const missing = (['AUTH_LOCAL_PRIVATE_KEY', 'AUTH_LOCAL_PUBLIC_KEY', 'PII_KEYS', 'PII_ACTIVE_KEY_ID', 'PII_INDEX_KEY'] as const).filter((k) => !kept[k]);
  if (!missing.length) return kept as DevSecrets;
  const keyPair = kept.AUTH_LOCAL_PRIVATE_KEY
    ? { privateJwk: JSON.parse(kept.AUTH_LOCAL_PRIVATE_KEY), publicJwk: publicJwkOf(JSON.parse(kept.AUTH_LOCAL_PRIVATE_KEY)) }
    : generateLocalKeyPair();
  const secrets: DevSecrets = {
    AUTH_LOCAL_PRIVATE_KEY: JSON.stringify(keyPair.privateJwk),
    AUTH_LOCAL_PUBLIC_KEY: JSON.stringify(keyPair.publicJwk),
    PII_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'dev1',
    PII_INDEX_KEY: randomBytes(32).toString('base64'),
    ...kept,
  } as DevSecrets;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600); // a file written by an older version keeps its mode otherwise
  return secrets;
}

/** Fills only what the environment leaves unset. */
export function withDevSecrets(env: NodeJS.ProcessEnv, file: string): NodeJS.ProcessEnv {
  const secrets = devSecrets(file);
  const out = { ...env };
  for (const [k, v] of Object.entries(secrets)) if (!out[k]) out[k] = v;
  return out;
}
