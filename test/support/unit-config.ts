import { loadConfig, type AppConfig } from '../../libs/config';

/** The configuration a unit test needs to verify tokens of a local issuer: fixed keys, nothing reachable. */
export function localIssuerConfig(publicJwk: object, overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({
    DATABASE_URL: 'postgres://x@db/x',
    TEMPORAL_ADDRESS: 'temporal:7233',
    PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    PII_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
    AUTH_LOCAL_PUBLIC_KEY: JSON.stringify(publicJwk),
    ...overrides,
  });
}
