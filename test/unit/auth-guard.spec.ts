import { Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthFailures } from '../../apps/api/src/auth/auth-failures';
import { AuthGuard } from '../../apps/api/src/auth/auth.guard';
import { ROLES_KEY } from '../../apps/api/src/auth/roles.decorator';
import { generateLocalKeyPair, signLocalToken } from '../../libs/security/local-issuer';
import { localIssuerConfig } from '../support/unit-config';

const keys = generateLocalKeyPair();
const config = localIssuerConfig(keys.publicJwk, { AUTH_FAILURE_LIMIT: '3' });

function handler() {}
const reflector = new Reflector();
Reflect.defineMetadata(ROLES_KEY, ['union_office'], handler);

function context(authorization: string | undefined, ip = '198.51.100.4') {
  const req = { headers: { authorization }, ip, method: 'GET', path: '/candidates', socket: {} };
  const res = { headers: {} as Record<string, string>, setHeader: (k: string, v: string) => void (res.headers[k] = v) };
  const ctx = { getHandler: () => handler, getClass: () => class {}, switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) };
  return { ctx: ctx as unknown as ExecutionContext, req, res };
}

describe(AuthGuard.name, () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((m: unknown) => void warnings.push(String(m)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('admits a good token and records issuer, subject and role on the request', async () => {
    const { ctx, req } = context(`Bearer ${signLocalToken({ sub: 'office-1', role: 'union_office' }, keys.privateJwk)}`);
    await expect(new AuthGuard(reflector, config).canActivate(ctx)).resolves.toBe(true);
    expect((req as unknown as { claims: object }).claims).toMatchObject({ iss: 'urn:ouhai-masters:local', sub: 'office-1', role: 'union_office' });
    expect(warnings).toEqual([]);
  });

  it('logs each failure as one JSON line with the reason and address, never the token', async () => {
    const forged = signLocalToken({ sub: 'office-1', role: 'union_office' }, generateLocalKeyPair().privateJwk);
    const sut = new AuthGuard(reflector, config);
    await expect(sut.canActivate(context(`Bearer ${forged}`).ctx)).rejects.toMatchObject({ status: 401 });
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0])).toEqual({
      event: 'auth_failure',
      reason: 'token signed with an unknown key',
      address: '198.51.100.4',
      method: 'GET',
      path: '/candidates',
    });
    for (const part of forged.split('.')) expect(warnings[0]).not.toContain(part);
  });

  it('blocks the address once the limit is reached, with Retry-After, and says so in the log', async () => {
    const sut = new AuthGuard(reflector, config);
    for (let i = 0; i < 3; i++) await expect(sut.canActivate(context('Bearer a.b.c').ctx)).rejects.toMatchObject({ status: 401 });
    expect(JSON.parse(warnings[2])).toMatchObject({ reason: 'malformed token', blocked: true });
    const good = `Bearer ${signLocalToken({ sub: 'office-1', role: 'union_office' }, keys.privateJwk)}`;
    const { ctx, res } = context(good);
    await expect(sut.canActivate(ctx)).rejects.toMatchObject({ status: 429 });
    expect(Number(res.headers['Retry-After'])).toBeGreaterThan(0);
    await expect(sut.canActivate(context(good, '198.51.100.5').ctx)).resolves.toBe(true);
  });
});

describe(AuthFailures.name, () => {
  const sut = () => new AuthFailures({ limit: 3, windowMs: 60_000, blockMs: 300_000 });

  it('counts failures within a window only', () => {
    const f = sut();
    expect([f.record('a', 0), f.record('a', 1000), f.record('a', 61_000), f.record('a', 62_000)]).toEqual([false, false, false, false]);
    expect(f.record('a', 63_000)).toBe(true);
    expect(f.blockedFor('a', 63_000)).toBe(300_000);
    expect(f.blockedFor('a', 363_000)).toBe(0);
    expect(f.blockedFor('b', 63_000)).toBe(0);
  });
});
