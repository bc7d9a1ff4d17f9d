import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** What production must configure for tokens (an OpenID Connect issuer); its JWKS is fetched only when a token arrives. */
export const TEST_OIDC = { OIDC_ISSUER: 'https://idp.test/realms/ouhai', OIDC_AUDIENCE: 'ouhai-masters-api', OIDC_JWKS_URL: 'https://idp.test/realms/ouhai/jwks' };

/** The console's client at the stand-in issuer. */
export const CONSOLE_CLIENT_ID = 'ouhai-console';

type Signer = (sub: string, claims: Record<string, unknown>) => Promise<string>;

interface PendingCode {
  challenge: string;
  redirectUri: string;
  sub: string;
  claims: Record<string, unknown>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => resolve(body));
  });

/**
 * A stand-in identity provider on 127.0.0.1: its signing keys as a JWKS, a discovery document, and
 * the authorisation code flow with PKCE for the console's public client (`signInAs` says who the
 * next visitor to /authorize is: the stand-in signs them in without a form). `rotate` publishes a new
 * key (new kid) in place of the current ones. `issuer`: its own address when not given.
 */
export async function startTestIssuer(issuer: string | null, audience: string) {
  let jwks: object[] = [];
  let sign: Signer | null = null;
  let user: { sub: string; claims: Record<string, unknown> } | null = null;
  const codes = new Map<string, PendingCode>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, { issuer: iss, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, jwks_uri: `${base}/jwks` });
    }
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const back = new URL(q.get('redirect_uri') ?? '');
      if (q.get('client_id') !== CONSOLE_CLIENT_ID || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !user) {
        back.searchParams.set('error', 'invalid_request');
        back.searchParams.set('error_description', !user ? 'nobody is signed in at the stand-in' : 'not a PKCE code request of the console');
      } else {
        const code = randomUUID();
        codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: back.toString(), ...user });
        back.searchParams.set('code', code);
      }
      back.searchParams.set('state', q.get('state') ?? '');
      return res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      return void readBody(req).then(async (raw) => {
        const form = new URLSearchParams(raw);
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? ''); // a code is good once
        const verifier = form.get('code_verifier') ?? '';
        const proof = createHash('sha256').update(verifier).digest('base64url');
        if (!pending || form.get('grant_type') !== 'authorization_code' || form.get('client_id') !== CONSOLE_CLIENT_ID) {
          return json(400, { error: 'invalid_grant', error_description: 'unknown or used code' });
        }
        if (form.get('redirect_uri') !== pending.redirectUri) return json(400, { error: 'invalid_grant', error_description: 'redirect_uri differs' });
        if (proof !== pending.challenge) return json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
        return json(200, { access_token: await sign!(pending.sub, pending.claims), token_type: 'Bearer', expires_in: 300 });
      });
    }
    return json(200, { keys: jwks });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const iss = issuer ?? base;
  const rotate = async (alg: 'RS256' | 'ES256', kid: string): Promise<Signer> => {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    jwks = [{ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }];
    sign = (sub, claims) =>
      new SignJWT(claims).setProtectedHeader({ alg, kid }).setIssuer(iss).setAudience(audience).setSubject(sub).setExpirationTime('5m').sign(privateKey);
    return sign;
  };
  return {
    url: base,
    env: {
      OIDC_ISSUER: iss,
      OIDC_AUDIENCE: audience,
      OIDC_JWKS_URL: `${base}/jwks`,
      // No wait between JWKS fetches, so a rotation is seen at once.
      OIDC_JWKS_COOLDOWN: '1ms',
    },
    rotate,
    signInAs: (sub: string, claims: Record<string, unknown>) => void (user = { sub, claims }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
