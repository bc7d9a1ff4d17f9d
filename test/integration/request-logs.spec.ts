import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createApi } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../libs/config';
import { createRound, idNumber, mobileNumber } from '../support/review-helpers';
import { client, nomination, startWorker, token } from '../support/service';

jest.setTimeout(60_000);

/** The API's JSON log lines, read back from the stream pino writes them to. */
function capture() {
  const raw: string[] = [];
  return {
    stream: { write: (chunk: string) => void raw.push(chunk) },
    text: () => raw.join(''),
    lines: () =>
      raw
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('request logs (API in-process, its pino output captured)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-logs-${randomUUID()}` };
  const logs = capture();
  let worker: INestApplicationContext;
  let api: Awaited<ReturnType<typeof createApi>>;
  let base: string;

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await createApi(loadConfig({ ...process.env, ...env }), { logStream: logs.stream });
    await api.listen(0, '127.0.0.1');
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  const send = (method: string, path: string, opts: { token?: string; body?: unknown; requestId?: string } = {}) =>
    fetch(base + path, {
      method,
      headers: {
        ...(opts.token && { authorization: `Bearer ${opts.token}` }),
        ...(opts.body !== undefined && { 'content-type': 'application/json' }),
        ...(opts.requestId && { 'x-request-id': opts.requestId }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });

  it("logs a nomination as one JSON line with the caller's request id, role and user id, and nothing personal", async () => {
    const office = token('union_office', 'office-logs');
    const { roundId } = await createRound(client(base), undefined, office);
    const person = { idNumber: idNumber(), mobile: mobileNumber(), name: '欧阳翠花', homeAddress: '浙江省温州市瓯海区潘桥街道丽塘村77号' };
    const requestId = `it-logs-${randomUUID()}`;
    const res = await send('POST', '/nominations', { body: nomination({ roundId, ...person }), token: token('nominator', 'nominator-logs'), requestId });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe(requestId);

    const mine = logs.lines().filter((l) => l.requestId === requestId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ service: 'api', method: 'POST', route: '/nominations', status: 201, role: 'nominator', userId: 'nominator-logs' });
    expect(typeof mine[0].durationMs).toBe('number');
    expect(typeof mine[0].time).toBe('string');
    const all = logs.text();
    for (const value of Object.values(person)) expect(all).not.toContain(value);
    expect(all).not.toContain('Bearer');
  });

  it('replaces a malformed request id with a fresh one, echoed back, and logs refusals with no caller', async () => {
    const res = await send('GET', '/candidates', { requestId: 'not ok {"injected":1}' });
    expect(res.status).toBe(401);
    const echoed = res.headers.get('x-request-id')!;
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    const mine = logs.lines().filter((l) => l.requestId === echoed);
    // The request line, and the guard's own warning written inside the request: both carry its id.
    expect(mine.find((l) => l.status === 401)).toMatchObject({ method: 'GET', route: '/candidates', role: null, userId: null, level: 40 });
    expect(mine.some((l) => String(l.msg).includes('auth_failure') && l.context === 'Auth')).toBe(true);
    expect(logs.text()).not.toContain('injected');
  });

  it('keeps successful health polls out of the info level', async () => {
    const res = await send('GET', '/health');
    expect(res.status).toBe(200);
    expect(logs.lines().filter((l) => l.requestId === res.headers.get('x-request-id'))).toEqual([]);
  });
});
