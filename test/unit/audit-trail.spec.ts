import { formEdits } from '../../apps/api/src/candidates/history';
import { HttpCode, Logger, ServiceUnavailableException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { firstValueFrom, of } from 'rxjs';
import { AuditTrail } from '../../apps/api/src/audit/audit-trail.interceptor';
import { refusalEntry, writeEntry } from '../../apps/api/src/audit/audit-entry';
import type { AuditEntry, AuditLog } from '../../libs/audit';
import type { Request } from 'express';
import { auditedPath, UnroutedRefusals } from '../../apps/api/src/audit/unrouted-refusals';
import { generateLocalKeyPair, signLocalToken } from '../../libs/security/local-issuer';
import { localIssuerConfig } from '../support/unit-config';

class Handlers {
  @HttpCode(200)
  decide() {}
}

const request = (method = 'POST') =>
  ({
    method,
    route: { path: '/candidates/:id/decisions' },
    params: { id: '5b0e3f55-8d4c-4a43-9d0e-6a1f2b3c4d5e' },
    query: {},
    headers: {},
    body: { stage: 'qualification', outcome: 'approve', reason: '资格审核通过', idNumber: '11010519491231002X' },
    claims: { sub: 'office-1', role: 'union_office', exp: 0 },
  }) as never;

const context = (req: unknown) =>
  ({
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req }),
    getHandler: () => Object.getOwnPropertyDescriptor(Handlers.prototype, 'decide')!.value as () => void,
  }) as unknown as ExecutionContext;
const handler: CallHandler = { handle: () => of({ candidateId: '5b0e3f55-8d4c-4a43-9d0e-6a1f2b3c4d5e', stage: 'inspection' }) };

describe(AuditTrail.name, () => {
  it('answers only once the write is recorded, with the route, the actor, the status and a redacted body', async () => {
    const appended: AuditEntry[] = [];
    const sut = new AuditTrail({ append: async (e: AuditEntry) => void appended.push(e) } as unknown as AuditLog);
    await expect(firstValueFrom(sut.intercept(context(request()), handler))).resolves.toMatchObject({ stage: 'inspection' });
    expect(appended).toEqual([
      expect.objectContaining({
        action: 'POST /candidates/:id/decisions',
        actor: { issuer: 'local', userId: 'office-1', role: 'union_office' },
        objectType: 'candidate',
        candidateId: '5b0e3f55-8d4c-4a43-9d0e-6a1f2b3c4d5e',
        status: 200,
        detail: expect.objectContaining({ body: { stage: 'qualification', outcome: 'approve', reason: '资格审核通过', idNumber: '[redacted]' } }),
      }),
    ]);
  });

  it('answers 503 instead of a success when the audit log cannot be written', async () => {
    Logger.overrideLogger(false);
    const sut = new AuditTrail({ append: () => Promise.reject(new Error('connection refused')) } as unknown as AuditLog);
    await expect(firstValueFrom(sut.intercept(context(request()), handler))).rejects.toBeInstanceOf(ServiceUnavailableException);
  });

  it('leaves reads alone', async () => {
    const append = jest.fn();
    const sut = new AuditTrail({ append } as unknown as AuditLog);
    await firstValueFrom(sut.intercept(context(request('GET')), handler));
    expect(append).not.toHaveBeenCalled();
  });

  it('names a refused caller and the refusal, and a created object by the reply', () => {
    const refused = refusalEntry(request(), 'POST /candidates/:id/decisions', 409, { message: "the candidate is at stage 'endorsement', not 'qualification'" });
    expect(refused).toMatchObject({ action: 'request.refused', status: 409, actor: { userId: 'office-1' }, detail: { message: expect.stringContaining('endorsement') } });
    const created = writeEntry({ ...(request() as object), route: { path: '/rounds' }, params: {} } as never, 'POST /rounds', 201, { roundId: 'r-1' });
    expect(created).toMatchObject({ objectType: 'round', objectId: 'r-1', roundId: 'r-1' });
  });
});

describe('the form edits in the auditor history', () => {
  const at = (s: string) => new Date(s);
  it('shows public fields old → new and personal fields only as changed', () => {
    const versions = [
      { version: 2, form: { deeds: 'b', yearsOfWork: 15, sealed: { mobile: 'S2', idNumber: 'I1' } }, note: 'fix', createdBy: 'u', createdAt: at('2031-01-02T00:00:00Z') },
      { version: 1, form: { deeds: 'a', yearsOfWork: 15, sealed: { mobile: 'S1', idNumber: 'I1b' } }, note: null, createdBy: 'u', createdAt: at('2031-01-01T00:00:00Z') },
    ];
    const clear: Record<string, string> = { S1: '13800000000', S2: '13900000000', I1: 'X', I1b: 'X' };
    const edits = formEdits(versions, (s) => clear[s]);
    expect(edits).toEqual([
      {
        at: '2031-01-02T00:00:00.000Z',
        type: 'form_edited',
        version: 2,
        userId: 'u',
        note: 'fix',
        changes: [
          { field: 'deeds', from: 'a', to: 'b' },
          { field: 'mobile', changed: true },
        ],
      },
    ]);
    expect(JSON.stringify(edits)).not.toContain('139');
  });
});

describe('refusals before a route matched (UnroutedRefusals)', () => {
  const keys = generateLocalKeyPair();
  const config = localIssuerConfig(keys.publicJwk, { AUTH_FAILURE_LIMIT: '3' });
  const unrouted = (url: string, authorization?: string, ip = '198.51.100.7') =>
    ({ method: 'GET', originalUrl: url, url, ip, headers: { authorization }, socket: {} }) as unknown as Request;

  it('keeps the method and the path alone: no query string, and no segment that is not a plain id or word', async () => {
    const entry = await new UnroutedRefusals(config).entry(unrouted('/candidates/13812345678/%E7%8E%8B%E5%BB%BA%E5%9B%BD/x?idNumber=11010519491231002X'), 404);
    expect(entry).toEqual({
      actor: { issuer: null, userId: null, role: null },
      action: 'request.refused',
      route: null,
      status: 404,
      detail: { method: 'GET', path: '/candidates/[redacted]/[redacted]/x', reason: 'no route matches the path', bearer: 'none' },
    });
    expect(auditedPath(`/${Array.from({ length: 15 }, (_, i) => `s${i}`).join('/')}`)).toBe('/s0/s1/s2/s3/s4/s5/s6/s7/s8/s9/s10/s11/…[3 more segments]');
  });

  it('names the caller from a verified token only, and never keeps the token', async () => {
    const good = signLocalToken({ sub: 'office-1', role: 'union_office' }, keys.privateJwk);
    const forged = signLocalToken({ sub: 'office-1', role: 'union_office' }, generateLocalKeyPair().privateJwk);
    const sut = new UnroutedRefusals(config);
    expect(await sut.entry(unrouted('/nope', `Bearer ${good}`), 404)).toMatchObject({
      actor: { issuer: 'urn:ouhai-masters:local', userId: 'office-1', role: 'union_office' },
      detail: { bearer: 'verified' },
    });
    const refused = await sut.entry(unrouted('/nope', `Bearer ${forged}`), 413);
    expect(refused).toMatchObject({ actor: { userId: null }, status: 413, detail: { reason: 'the body is over its limit', bearer: 'unverified' } });
    expect(JSON.stringify(refused)).not.toContain(forged.split('.')[2]);
  });

  it('stops auditing an address past AUTH_FAILURE_LIMIT in the window, saying so on the row that reaches it', async () => {
    const sut = new UnroutedRefusals(config);
    const rows = [];
    for (let i = 0; i < 5; i++) rows.push(await sut.entry(unrouted(`/scan/${i}`), 404));
    expect(rows.map((r) => r && (r.detail!.suppressing ? 'last' : 'row'))).toEqual(['row', 'row', 'last', null, null]);
    expect(await sut.entry(unrouted('/scan/x', undefined, '203.0.113.9'), 404)).not.toBeNull(); // another address
  });
});
