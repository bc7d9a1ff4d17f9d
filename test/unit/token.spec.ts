import { createHmac } from 'node:crypto';
import { signToken, verifyToken, type TokenClaims } from '../../libs/security/token';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const NOW_MS = Date.UTC(2017, 3, 20, 2, 0, 0);
const nowS = Math.floor(NOW_MS / 1000);

const b64json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** Signs an arbitrary body with the token's own header, as someone holding the secret could. */
function signRaw(body: string, secret = SECRET): string {
  const header = signToken({ sub: 'x', role: 'admin', exp: nowS + 60 }, secret).split('.')[0];
  const sig = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${sig}`;
}

describe('signToken / verifyToken', () => {
  it('round-trips subject, role and area', () => {
    const token = signToken({ sub: 'u-42', role: 'street_union', area: '娄桥街道', exp: nowS + 3600 }, SECRET);
    expect(verifyToken(token, SECRET, NOW_MS)).toEqual({ sub: 'u-42', role: 'street_union', area: '娄桥街道', exp: nowS + 3600 });
  });

  it('is a three-part compact JWT declaring HS256', () => {
    const [header, body, sig] = signToken({ sub: 'u-1', role: 'expert' }, SECRET).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(body, 'base64url').toString())).toMatchObject({ sub: 'u-1', role: 'expert' });
    expect(Buffer.from(sig, 'base64url')).toHaveLength(32);
  });

  it('expires after 12 hours by default', () => {
    const before = Math.floor(Date.now() / 1000);
    const claims = verifyToken(signToken({ sub: 'u-1', role: 'finance' }, SECRET), SECRET) as TokenClaims;
    expect(typeof claims).toBe('object');
    expect(claims.exp).toBeGreaterThanOrEqual(before + 12 * 3600);
    expect(claims.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 12 * 3600);
  });

  it('honours a custom time to live', () => {
    const token = signToken({ sub: 'u-1', role: 'finance' }, SECRET, 60);
    const { exp } = verifyToken(token, SECRET) as TokenClaims;
    expect(verifyToken(token, SECRET, exp * 1000 - 1)).toMatchObject({ sub: 'u-1' });
    expect(verifyToken(token, SECRET, exp * 1000 + 1)).toBe('token expired');
  });

  it('refuses a tampered payload (role escalated to admin)', () => {
    const [h, body, s] = signToken({ sub: 'u-1', role: 'nominator', exp: nowS + 3600 }, SECRET).split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${h}.${b64json({ ...claims, role: 'admin' })}.${s}`;
    expect(verifyToken(forged, SECRET, NOW_MS)).toBe('bad signature');
  });

  it('refuses a tampered expiry', () => {
    const [h, body, s] = signToken({ sub: 'u-1', role: 'expert', exp: nowS - 10 }, SECRET).split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    expect(verifyToken(`${h}.${b64json({ ...claims, exp: nowS + 99999 })}.${s}`, SECRET, NOW_MS)).toBe('bad signature');
  });

  it('refuses a tampered signature', () => {
    const [h, b, s] = signToken({ sub: 'u-1', role: 'expert', exp: nowS + 3600 }, SECRET).split('.');
    const sig = Buffer.from(s, 'base64url');
    sig[0] ^= 1;
    expect(verifyToken(`${h}.${b}.${sig.toString('base64url')}`, SECRET, NOW_MS)).toBe('bad signature');
    expect(verifyToken(`${h}.${b}.`, SECRET, NOW_MS)).toBe('bad signature');
  });

  it("refuses an 'alg: none' header swap", () => {
    const [, b] = signToken({ sub: 'u-1', role: 'admin', exp: nowS + 3600 }, SECRET).split('.');
    expect(verifyToken(`${b64json({ alg: 'none', typ: 'JWT' })}.${b}.`, SECRET, NOW_MS)).toBe('bad signature');
  });

  it('refuses a token signed with another secret', () => {
    const token = signToken({ sub: 'u-1', role: 'admin', exp: nowS + 3600 }, 'another-secret-that-is-also-long-enough!!');
    expect(verifyToken(token, SECRET, NOW_MS)).toBe('bad signature');
  });

  it('refuses an expired token, including at the exact second of expiry', () => {
    const token = signToken({ sub: 'u-1', role: 'expert', exp: nowS }, SECRET);
    expect(verifyToken(token, SECRET, NOW_MS - 1000)).toMatchObject({ sub: 'u-1' });
    expect(verifyToken(token, SECRET, NOW_MS)).toBe('token expired');
    expect(verifyToken(token, SECRET, NOW_MS + 86_400_000)).toBe('token expired');
  });

  it('refuses an unknown role', () => {
    const token = signToken({ sub: 'u-1', role: 'emperor' as never, exp: nowS + 3600 }, SECRET);
    expect(verifyToken(token, SECRET, NOW_MS)).toBe('token carries no known role');
  });

  it('refuses a token without a role', () => {
    expect(verifyToken(signRaw(b64json({ sub: 'u-1', exp: nowS + 3600 })), SECRET, NOW_MS)).toBe('token carries no known role');
  });

  it('refuses a token without a subject', () => {
    const token = signToken({ sub: '', role: 'expert', exp: nowS + 3600 }, SECRET);
    expect(verifyToken(token, SECRET, NOW_MS)).toBe('token has no subject');
  });

  it('refuses a token without a numeric expiry', () => {
    expect(verifyToken(signRaw(b64json({ sub: 'u-1', role: 'expert', exp: 'never' })), SECRET, NOW_MS)).toBe('token expired');
  });

  it.each([[''], ['abc'], ['a.b'], ['a.b.c.d']])('refuses malformed token %j', (token) => {
    expect(verifyToken(token, SECRET, NOW_MS)).toBe('malformed token');
  });

  it('refuses a correctly signed body that is not JSON', () => {
    expect(verifyToken(signRaw(Buffer.from('not json').toString('base64url')), SECRET, NOW_MS)).toBe('malformed token');
    expect(verifyToken(signRaw(Buffer.from('null').toString('base64url')), SECRET, NOW_MS)).toBe('malformed token');
    expect(verifyToken(signRaw(Buffer.from('42').toString('base64url')), SECRET, NOW_MS)).toBe('malformed token');
  });
});
