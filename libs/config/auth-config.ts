import type { JsonWebKey } from 'node:crypto';
import { isRole, type Role } from '../contract/roles';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, parseJwk, publicJwkOf } from '../security/local-issuer';

/**
 * Who may present tokens, and how they are read. Production verifies a configured OpenID Connect
 * issuer through its JWKS URL; without one (development, tests) the local issuer's public key.
 */
export interface AuthConfig {
  issuer: string;
  audience: string;
  /** `cooldownMs`: the least time between two fetches of the JWKS (a token naming an unknown kid triggers one). */
  keys: { kind: 'jwks'; url: string; cooldownMs: number } | { kind: 'local'; publicJwk: JsonWebKey };
  /** Claim names (or dotted paths) for role and area; `roleMap` maps the issuer's role values to ours. */
  claims: { role: string; area: string; roleMap: Record<string, Role> | null };
  /** Seconds of clock skew allowed on exp and nbf. */
  clockToleranceSec: number;
  /** After `limit` failed authentications from one client address within `windowMs`, it gets 429 for `blockMs`. */
  failures: { limit: number; windowMs: number; blockMs: number };
  /** The local issuer's private key, outside production only: POST /dev/token (the console's development sign-in) signs with it. */
  devSigningKey?: JsonWebKey | null;
  /**
   * The web console's sign-in at the OpenID Connect issuer (authorisation code with PKCE, a public
   * client): null when OIDC_CONSOLE_CLIENT_ID is not set. Endpoints not configured are discovered
   * from the issuer's /.well-known/openid-configuration.
   */
  console?: ConsoleSignIn | null;
}

export interface ConsoleSignIn {
  clientId: string;
  scope: string;
  authorizationUrl: string | null;
  tokenUrl: string | null;
}

type IntReader = (name: string, fallback: number, min?: number, max?: number) => number;
type DurationReader = (name: string, fallback: string) => number;

export function authConfig(env: NodeJS.ProcessEnv, int: IntReader, duration: DurationReader, problems: string[]): AuthConfig {
  const common = {
    claims: { role: env.OIDC_ROLE_CLAIM || 'role', area: env.OIDC_AREA_CLAIM || 'area', roleMap: roleMap(env.OIDC_ROLE_MAP, problems) },
    clockToleranceSec: int('AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 300),
    failures: {
      limit: int('AUTH_FAILURE_LIMIT', 20, 1),
      windowMs: duration('AUTH_FAILURE_WINDOW', '1m'),
      blockMs: duration('AUTH_FAILURE_BLOCK', '5m'),
    },
  };
  if (env.OIDC_ISSUER || env.NODE_ENV === 'production') {
    // Production trusts only its identity provider: the local issuer's keys are for development.
    const need = (name: string) => {
      if (!env[name]) problems.push(`${name} is required${env.NODE_ENV === 'production' ? ' in production' : ' when OIDC_ISSUER is set'}`);
      return env[name] ?? '';
    };
    const issuer = need('OIDC_ISSUER');
    const audience = need('OIDC_AUDIENCE');
    const url = need('OIDC_JWKS_URL');
    if (url && !isHttpUrl(url, env.NODE_ENV === 'production')) {
      problems.push(`OIDC_JWKS_URL must be an ${env.NODE_ENV === 'production' ? 'https' : 'http(s)'} URL (got '${url}')`);
    }
    return { issuer, audience, keys: { kind: 'jwks', url, cooldownMs: duration('OIDC_JWKS_COOLDOWN', '30s') }, ...common, console: consoleSignIn(env, problems) };
  }
  let publicJwk: JsonWebKey | undefined;
  let privateJwk: JsonWebKey | undefined;
  try {
    publicJwk = parseJwk('AUTH_LOCAL_PUBLIC_KEY', env.AUTH_LOCAL_PUBLIC_KEY);
    privateJwk = parseJwk('AUTH_LOCAL_PRIVATE_KEY', env.AUTH_LOCAL_PRIVATE_KEY);
    publicJwk ??= privateJwk && publicJwkOf(privateJwk);
  } catch (err) {
    // The message names the variable, never its content: it may be a private key.
    problems.push((err as Error).message);
    publicJwk = {};
  }
  if (!publicJwk) problems.push('AUTH_LOCAL_PUBLIC_KEY is required when OIDC_ISSUER is not set (npm start keeps one under data/)');
  // The private half signs development tokens only when it matches the key the API verifies with.
  const signs = privateJwk && publicJwk && publicJwkOf(privateJwk).x === publicJwk.x && publicJwkOf(privateJwk).y === publicJwk.y;
  return { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { kind: 'local', publicJwk: publicJwk ?? {} }, ...common, devSigningKey: signs ? privateJwk! : null };
}

function consoleSignIn(env: NodeJS.ProcessEnv, problems: string[]): ConsoleSignIn | null {
  if (!env.OIDC_CONSOLE_CLIENT_ID) return null;
  const url = (name: string): string | null => {
    const raw = env[name];
    if (!raw) return null;
    if (!isHttpUrl(raw, env.NODE_ENV === 'production')) problems.push(`${name} must be an ${env.NODE_ENV === 'production' ? 'https' : 'http(s)'} URL (got '${raw}')`);
    return raw;
  };
  return {
    clientId: env.OIDC_CONSOLE_CLIENT_ID,
    scope: env.OIDC_CONSOLE_SCOPE || 'openid',
    authorizationUrl: url('OIDC_AUTHORIZATION_URL'),
    tokenUrl: url('OIDC_TOKEN_URL'),
  };
}

/** `theirs:ours,…`, e.g. `programme-office:union_office,finance-dept:finance`. */
function roleMap(raw: string | undefined, problems: string[]): Record<string, Role> | null {
  if (!raw) return null;
  const map: Record<string, Role> = Object.create(null);
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const at = entry.lastIndexOf(':');
    const [theirs, ours] = [entry.slice(0, at), entry.slice(at + 1)];
    if (at < 1 || !isRole(ours)) problems.push(`OIDC_ROLE_MAP entries must be <issuer's value>:<role> with a known role (got '${entry}')`);
    else map[theirs] = ours;
  }
  return map;
}

function isHttpUrl(raw: string, httpsOnly: boolean): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:');
  } catch {
    return false;
  }
}
