import { formEdits } from '../../apps/api/src/candidates/history';
import { HttpCode, Logger, ServiceUnavailableException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { firstValueFrom, of } from 'rxjs';
import { AuditTrail } from '../../apps/api/src/audit/audit-trail.interceptor';
import { refusalEntry, writeEntry } from '../../apps/api/src/audit/audit-entry';
import type { AuditEntry, AuditLog } from '../../libs/audit';

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
