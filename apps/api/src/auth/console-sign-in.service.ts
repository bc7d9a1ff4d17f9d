import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { KEYS_UNAVAILABLE, tokenVerifierFor, type TokenVerifier } from '../../../../libs/security/token';
import { refuse } from '../common/refuse';

export type SignInMode = 'dev' | 'oidc' | 'none';

export interface ConsoleSignInView {
  mode: SignInMode;
  authorizationUrl: string | null;
  clientId: string | null;
  scope: string | null;
}

export interface ConsoleTokenView {
  token: string;
  expiresAt: string;
  role: string;
  sub: string;
  area: string | null;
}

interface Endpoints {
  authorizationUrl: string;
  tokenUrl: string;
}

const IDP_TIMEOUT_MS = 10_000;

/**
 * The console's sign-in at the OpenID Connect issuer: authorisation code with PKCE. The browser goes
 * to the issuer and comes back with a code; the API, not the browser, exchanges it at the token
 * endpoint (the console's Content-Security-Policy admits its own origin only, and the issuer needs no
 * CORS), then verifies the access token exactly as every request's token is verified before the
 * console keeps it. The code verifier never leaves the browser's session except in this exchange.
 */
@Injectable()
export class ConsoleSignIn {
  private readonly verify: TokenVerifier;
  private discovered: Promise<Endpoints> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.verify = tokenVerifierFor(config.auth);
  }

  async describe(): Promise<ConsoleSignInView> {
    const none = { authorizationUrl: null, clientId: null, scope: null };
    if (this.config.auth.devSigningKey) return { mode: 'dev', ...none };
    const client = this.config.auth.console;
    if (!client) return { mode: 'none', ...none };
    const { authorizationUrl } = await this.endpoints();
    return { mode: 'oidc', authorizationUrl, clientId: client.clientId, scope: client.scope };
  }

  async exchange(code: string, codeVerifier: string, redirectUri: string): Promise<ConsoleTokenView> {
    const client = this.config.auth.console;
    if (!client) throw new NotFoundException('sign-in through the identity provider is not configured (OIDC_CONSOLE_CLIENT_ID)');
    const { tokenUrl } = await this.endpoints();
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri, client_id: client.clientId });
    const res = await idp(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form });
    const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown };
    if (!res.ok || typeof body.access_token !== 'string') {
      const why = [typeof body.error === 'string' ? body.error : `HTTP ${res.status}`, typeof body.error_description === 'string' ? body.error_description : null];
      throw refuse('unauthenticated', `the identity provider refused the sign-in: ${why.filter(Boolean).join(' — ')}`);
    }
    const claims = await this.verify(body.access_token);
    if (claims === KEYS_UNAVAILABLE) throw new ServiceUnavailableException('tokens cannot be verified just now: the identity provider is unreachable');
    if (typeof claims === 'string') throw refuse('unauthenticated', `the identity provider's token is not accepted by this service: ${claims}`);
    return { token: body.access_token, expiresAt: new Date(claims.exp * 1000).toISOString(), role: claims.role, sub: claims.sub, area: claims.area ?? null };
  }

  /** The configured endpoints, or the issuer's discovery document's (fetched once; again after a failure). */
  private endpoints(): Promise<Endpoints> {
    const { authorizationUrl, tokenUrl } = this.config.auth.console!;
    if (authorizationUrl && tokenUrl) return Promise.resolve({ authorizationUrl, tokenUrl });
    this.discovered ??= discover(this.config.auth.issuer).then(
      (found) => ({ authorizationUrl: authorizationUrl ?? found.authorizationUrl, tokenUrl: tokenUrl ?? found.tokenUrl }),
      (err: unknown) => {
        this.discovered = null;
        throw err;
      },
    );
    return this.discovered;
  }
}

async function discover(issuer: string): Promise<Endpoints> {
  const res = await idp(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
  const doc = (await res.json().catch(() => ({}))) as { authorization_endpoint?: unknown; token_endpoint?: unknown };
  if (!res.ok || typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') {
    throw new ServiceUnavailableException(
      "the identity provider's discovery document names no authorization and token endpoints; set OIDC_AUTHORIZATION_URL and OIDC_TOKEN_URL",
    );
  }
  return { authorizationUrl: doc.authorization_endpoint, tokenUrl: doc.token_endpoint };
}

/** A call to the identity provider; unreachable or slow is a 503 (unavailable), not a 500. */
async function idp(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(IDP_TIMEOUT_MS) });
  } catch {
    throw new ServiceUnavailableException('the identity provider is unreachable just now; try again shortly');
  }
}
