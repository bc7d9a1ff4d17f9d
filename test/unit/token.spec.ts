import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { AuthConfig } from '../../libs/config';
import { generateLocalKeyPair, LOCAL_AUDIENCE, LOCAL_ISSUER, signLocalToken } from '../../libs/security/local-issuer';
import { createTokenVerifier, KEYS_UNAVAILABLE } from '../../libs/security/token';

const keys = generateLocalKeyPair();
const local = (over: Partial<AuthConfig> = {}): AuthConfig => ({
  issuer: LOCAL_ISSUER,
  audience: LOCAL_AUDIENCE,
  keys: { kind: 'local', publicJwk: keys.publicJwk },
  claims: { role: 'role', area: 'area', roleMap: null },
  clockToleranceSec: 30,
  failures: { limit: 20, windowMs: 60_000, blockMs: 300_000 },
  ...over,
});
const verify = createTokenVerifier(local());
const nowS = () => Math.floor(Date.now() / 1000);
const b64json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const good = (claims: Record<string, unknown> = {}) => signLocalToken({ sub: 'u-1', role: 'nominator', ...claims }, keys.privateJwk);

describe('createTokenVerifier (local issuer, ES256)', () => {
  it('gives issuer, subject, role and area of a good token', async () => {
    expect(await verify(good({ role: 'street_union', area: '娄桥街道' }))).toEqual({
      iss: LOCAL_ISSUER,
      sub: 'u-1',
      role: 'street_union',
      area: '娄桥街道',
      exp: expect.any(Number),
    });
  });

  it("refuses alg 'none'", async () => {
    const [, body] = good().split('.');
    expect(await verify(`${b64json({ alg: 'none', typ: 'JWT' })}.${body}.`)).toBe('malformed token');
    expect(await verify(`${b64json({ alg: 'none', typ: 'JWT' })}.${body}.AA`)).toBe('token algorithm not allowed');
  });

  it('refuses HS256 signed with the public key as the HMAC secret (algorithm confusion)', async () => {
    const [, body] = good().split('.');
    const header = b64json({ alg: 'HS256', typ: 'JWT' });
    for (const secret of [JSON.stringify(keys.publicJwk), String(keys.publicJwk.x)]) {
      const sig = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
      expect(await verify(`${header}.${body}.${sig}`)).toBe('token algorithm not allowed');
    }
  });

  it('refuses an expired token, with 30 s of clock skew allowed', async () => {
    expect(await verify(good({ exp: nowS() - 10 }))).toMatchObject({ sub: 'u-1' });
    expect(await verify(good({ exp: nowS() - 60 }))).toBe('token expired');
  });

  it('refuses a token not yet valid, with the same skew', async () => {
    expect(await verify(good({ nbf: nowS() + 10 }))).toMatchObject({ sub: 'u-1' });
    expect(await verify(good({ nbf: nowS() + 120 }))).toBe('token not yet valid');
  });

  it('refuses another audience and another issuer', async () => {
    expect(await verify(good({ aud: 'some-other-api' }))).toBe('token for another audience');
    expect(await verify(good({ iss: 'https://idp.example.org' }))).toBe('token from another issuer');
  });

  it('refuses a bad signature: a changed body, or another key', async () => {
    const [h, , s] = good().split('.');
    expect(await verify(`${h}.${b64json({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'u-1', role: 'admin', exp: nowS() + 60 })}.${s}`)).toBe('bad signature');
    expect(await verify(signLocalToken({ sub: 'u-1', role: 'admin' }, { ...generateLocalKeyPair().privateJwk, kid: keys.privateJwk.kid }))).toBe('bad signature');
  });

  it('refuses an unknown role, none, or two at once, and a token without subject or expiry', async () => {
    expect(await verify(good({ role: 'emperor' }))).toBe('token carries no known role');
    expect(await verify(good({ role: undefined }))).toBe('token carries no known role');
    expect(await verify(good({ role: ['admin', 'nominator'] }))).toBe('token carries no known role');
    expect(await verify(good({ sub: '' }))).toBe('token has no subject');
    expect(await verify(good({ exp: undefined }))).toBe("token claim 'exp' is invalid");
  });

  describe('refuses a signature re-encoded into another spelling of the same bytes', () => {
    const token = good();
    const [h, b, s] = token.split('.');
    it('with padding', async () => expect(await verify(`${h}.${b}.${s}==`)).toBe('malformed token'));
    it("in the '+/' alphabet", async () => {
      // Sign until a signature has a '-' or '_' to respell.
      let t = token;
      while (!/[-_]/.test(t.split('.')[2])) t = good({ jti: String(Math.random()) });
      const [th, tb, ts] = t.split('.');
      expect(await verify(t)).toMatchObject({ sub: 'u-1' });
      expect(await verify(`${th}.${tb}.${ts.replace(/-/g, '+').replace(/_/g, '/')}`)).toBe('malformed token');
    });
    it('with the unused low bits of the last character flipped', async () => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      // 64 signature bytes are 86 characters: the last carries 2 bits, its 4 low bits are padding.
      const flipped = s.slice(0, -1) + alphabet[alphabet.indexOf(s.at(-1)!) ^ 1];
      expect(Buffer.from(flipped, 'base64url').equals(Buffer.from(s, 'base64url'))).toBe(true);
      expect(await verify(`${h}.${b}.${flipped}`)).toBe('malformed token');
    });
  });

  it('refuses what is not a compact JWS', async () => {
    expect(await verify('')).toBe('malformed token');
    expect(await verify('a.b')).toBe('malformed token');
    expect(await verify(`${b64json({ alg: 'ES256' })}.bm90IGpzb24.${good().split('.')[2]}`)).toBe('bad signature');
  });
});

describe('createTokenVerifier: tokens already verified', () => {
  // Keys that count how often a signature is checked, and a clock the test moves.
  const counted = () => {
    let checks = 0;
    let clock = Date.now();
    const inner = createLocalJWKSet({ keys: [keys.publicJwk as never] });
    const verifier = createTokenVerifier(
      local(),
      async (...args) => (checks++, inner(...args)),
      () => clock,
    );
    return { verifier, checks: () => checks, advance: (ms: number) => (clock += ms) };
  };

  it('admits the same token again without checking its signature, and checks every other token', async () => {
    const { verifier, checks } = counted();
    const token = good({ role: 'union_office' });
    expect(await verifier(token)).toMatchObject({ role: 'union_office' });
    expect(await verifier(token)).toMatchObject({ role: 'union_office' });
    expect(checks()).toBe(1);
    // One character more or less is another string, checked (and refused) in full.
    expect(await verifier(`${token}A`)).toBe('bad signature');
    expect(await verifier(good({ role: 'union_office', jti: 'other' }))).toMatchObject({ role: 'union_office' });
    expect(checks()).toBe(3);
  });

  it('refuses a remembered token once it expires', async () => {
    const { verifier, advance } = counted();
    const token = good({ exp: nowS() + 60 });
    expect(await verifier(token)).toMatchObject({ sub: 'u-1' });
    advance(60_000 + 31_000); // past expiry and the 30 s of skew
    expect(await verifier(token)).toBe('token expired');
  });

  it('checks a long-lived token again after five minutes, so a withdrawn key stops admitting it', async () => {
    const { verifier, checks, advance } = counted();
    const token = good({ exp: nowS() + 3600 });
    await verifier(token);
    advance(4 * 60_000);
    await verifier(token);
    expect(checks()).toBe(1);
    advance(2 * 60_000);
    expect(await verifier(token)).toMatchObject({ sub: 'u-1' });
    expect(checks()).toBe(2);
  });
});

describe('createTokenVerifier (OpenID Connect issuer through its JWKS URL)', () => {
  const ISSUER = 'https://idp.test/realms/ouhai';
  let server: Server;
  let served: object[] = [];
  let fetches = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise((r) => server.close(r)));
  const config = (over: Partial<AuthConfig['claims']> = {}): AuthConfig =>
    local({
      issuer: ISSUER,
      audience: 'ouhai-api',
      // jose re-fetches on an unknown kid at most once per cooldown (30 s by default); none here, so the test need not wait.
      keys: { kind: 'jwks', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`, cooldownMs: 0 },
      claims: { role: 'role', area: 'area', roleMap: null, ...over },
    });
  async function rsaKey(kid: string) {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    return { privateKey, kid, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
  }
  const sign = (key: { privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; kid: string }, claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(ISSUER)
      .setAudience('ouhai-api')
      .setSubject('idp-user-7')
      .setExpirationTime('5m')
      .sign(key.privateKey);

  it('verifies RS256 tokens with the served keys and follows a rotation to a new kid', async () => {
    const first = await rsaKey('2026-01');
    served = [first.publicJwk];
    const verifier = createTokenVerifier(config());
    const old = await sign(first, { role: 'finance' });
    expect(await verifier(old)).toMatchObject({ iss: ISSUER, sub: 'idp-user-7', role: 'finance' });
    expect(await verifier(old)).toMatchObject({ role: 'finance' }); // remembered

    // The issuer rotates: the new key is published and signs from now on; the old one is withdrawn.
    const second = await rsaKey('2026-02');
    served = [second.publicJwk];
    const before = fetches;
    expect(await verifier(await sign(second, { role: 'auditor' }))).toMatchObject({ role: 'auditor' });
    expect(fetches).toBe(before + 1);
    // The withdrawn key's token, though remembered, is refused once the new set is known.
    expect(await verifier(old)).toMatch(/unknown key|no applicable key|bad signature/);
    // A token under a kid the issuer never published is refused.
    expect(await verifier(await sign(await rsaKey('forged'), { role: 'admin' }))).toMatch(/unknown key|bad signature/);
  });

  it('maps claims by configuration: a nested role claim, role values, the area claim', async () => {
    const key = await rsaKey('map-1');
    served = [key.publicJwk];
    const verifier = createTokenVerifier(config({ role: 'realm_access.roles', area: 'district', roleMap: { 'programme-office': 'union_office' } }));
    expect(await verifier(await sign(key, { realm_access: { roles: ['offline_access', 'programme-office'] }, district: '娄桥街道' }))).toMatchObject({
      role: 'union_office',
      area: '娄桥街道',
    });
    // Only mapped values count: our own role names are not accepted as-is once a mapping is configured.
    expect(await verifier(await sign(key, { realm_access: { roles: ['admin'] } }))).toBe('token carries no known role');
  });

  it('refuses the local issuer’s tokens, and says so when the JWKS cannot be reached', async () => {
    const key = await rsaKey('x');
    served = [key.publicJwk];
    expect(await createTokenVerifier(config())(good())).toMatch(/another issuer|unknown key|bad signature|algorithm/);
    const down = createTokenVerifier({ ...config(), keys: { kind: 'jwks', url: 'http://127.0.0.1:9/jwks', cooldownMs: 0 } });
    expect(await down(await sign(key, { role: 'finance' }))).toBe(KEYS_UNAVAILABLE);
  });
});
