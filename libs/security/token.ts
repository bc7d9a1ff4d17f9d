import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../config/auth-config';
import { isRole, type Role } from '../contract/roles';

/**
 * What a verified bearer token says. An identity is the issuer, the subject and the role together:
 * the same `sub` from another issuer, or with another role, is somebody else.
 */
export interface TokenClaims {
  iss: string;
  sub: string;
  role: Role;
  area?: string;
  exp: number; // seconds since epoch
}

/** Asymmetric only: no `none`, no HS* (so a public key can never serve as an HMAC secret). */
export const TOKEN_ALGORITHMS = ['ES256', 'RS256'];

export const KEYS_UNAVAILABLE = "the issuer's keys are unavailable";

/** Returns the claims, or a reason the token is refused (safe to show: it never quotes the token). */
export type TokenVerifier = (token: string) => Promise<TokenClaims | string>;

/**
 * The keys of the configured issuer: its JWKS URL (fetched, cached, re-fetched when a token names an
 * unknown kid — the issuer rotated — at most once per cooldown) or the local public key.
 */
export function issuerKeys(auth: AuthConfig): JWTVerifyGetKey {
  return auth.keys.kind === 'jwks'
    ? createRemoteJWKSet(new URL(auth.keys.url), { timeoutDuration: 5000, cooldownDuration: auth.keys.cooldownMs })
    : createLocalJWKSet({ keys: [auth.keys.publicJwk as never] });
}

export function createTokenVerifier(auth: AuthConfig, keys: JWTVerifyGetKey = issuerKeys(auth), now: () => number = Date.now): TokenVerifier {
  const verified = new VerifiedTokens(now, stillPublished(keys));
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    if (!isCanonicalCompactJws(token)) return 'malformed token';
    let payload: JWTPayload;
    let kid: string | undefined;
    try {
      ({
        payload,
        protectedHeader: { kid },
      } = await jwtVerify(token, keys, {
        algorithms: TOKEN_ALGORITHMS,
        issuer: auth.issuer,
        audience: auth.audience,
        clockTolerance: auth.clockToleranceSec,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now()),
      }));
    } catch (err) {
      return reasonOf(err);
    }
    const claims = claimsOf(payload, auth.claims);
    if (typeof claims !== 'string') verified.add(token, claims, kid);
    return claims;
  };
}

const verifiers = new WeakMap<AuthConfig, TokenVerifier>();

/**
 * The one verifier of an API's configuration: the guard and the audit of unrouted refusals share its
 * issuer keys (one JWKS fetched and cached) and the tokens it has verified.
 */
export function tokenVerifierFor(auth: AuthConfig): TokenVerifier {
  let verifier = verifiers.get(auth);
  if (!verifier) verifiers.set(auth, (verifier = createTokenVerifier(auth)));
  return verifier;
}

/**
 * Whether the key a token named is still in the issuer's set as last fetched: a JWKS URL's set (jose
 * re-fetches it when a token names an unknown kid, so a rotation is seen at the new key's first token).
 * The local key never changes while the process runs.
 */
function stillPublished(keys: JWTVerifyGetKey): (kid: string | undefined) => boolean {
  const current = (keys as { jwks?: () => { keys: Array<{ kid?: string }> } | undefined }).jwks;
  if (typeof current !== 'function') return () => true;
  return (kid) => kid !== undefined && !!current()?.keys.some((k) => k.kid === kid);
}

/**
 * Tokens already verified, so a client's next request skips the signature check (about a millisecond
 * of a decision's latency). An entry lasts until the token expires, at most five minutes, and only
 * while the issuer still publishes the key that signed it: a withdrawn key stops admitting its tokens
 * as soon as the service has seen the new set. Only the exact token string hits.
 */
class VerifiedTokens {
  private static readonly MAX_ENTRIES = 10_000;
  private static readonly MAX_AGE_MS = 5 * 60_000;
  private readonly entries = new Map<string, { claims: TokenClaims; until: number; kid: string | undefined }>();

  constructor(
    private readonly now: () => number,
    private readonly published: (kid: string | undefined) => boolean,
  ) {}

  get(token: string): TokenClaims | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (this.now() < entry.until && this.published(entry.kid)) return entry.claims;
    this.entries.delete(token);
    return null;
  }

  add(token: string, claims: TokenClaims, kid: string | undefined): void {
    // The oldest entry makes room (a Map iterates in insertion order).
    if (this.entries.size >= VerifiedTokens.MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { claims, kid, until: Math.min(claims.exp * 1000, this.now() + VerifiedTokens.MAX_AGE_MS) });
  }
}

/** Maps the issuer's claims to ours by configuration: role and area claim names, and optionally the role values. */
export function claimsOf(payload: JWTPayload, mapping: AuthConfig['claims']): TokenClaims | string {
  const { iss, sub, exp } = payload;
  if (typeof sub !== 'string' || !sub) return 'token has no subject';
  const role = roleOf(claimAt(payload, mapping.role), mapping.roleMap);
  if (!role) return 'token carries no known role';
  const area = claimAt(payload, mapping.area);
  if (area !== undefined && typeof area !== 'string') return 'token area is not a string';
  return { iss: iss!, sub, role, ...(area && { area }), exp: exp! };
}

function roleOf(value: unknown, roleMap: Record<string, Role> | null): Role | null {
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  const roles = new Set(values.map((v) => (roleMap ? roleMap[v] : v)).filter(isRole));
  // Two roles at once would make every check ambiguous: the issuer must say which one this token is for.
  return roles.size === 1 ? [...roles][0] : null;
}

/** A claim by name, or by a dotted path into nested claims (e.g. `realm_access.roles`). */
function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined), payload);
}

/**
 * Three base64url segments, each in its one canonical spelling. Node's base64 decoders (which jose
 * uses on Node 20) forgive padding and stray low bits, so a re-encoded signature would still verify.
 */
function isCanonicalCompactJws(token: string): boolean {
  const parts = token.split('.');
  return parts.length === 3 && parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p) && Buffer.from(p, 'base64url').toString('base64url') === p);
}

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf') return 'token not yet valid';
    if (err.claim === 'iss') return 'token from another issuer';
    if (err.claim === 'aud') return 'token for another audience';
    return `token claim '${err.claim}' is invalid`;
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not allowed';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (err instanceof errors.JWKSNoMatchingKey) return 'token signed with an unknown key';
  // The issuer's JWKS endpoint could not be reached or answered nonsense: no fault of the caller's.
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || !(err instanceof errors.JOSEError)) return KEYS_UNAVAILABLE;
  return 'malformed token';
}
