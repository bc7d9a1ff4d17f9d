import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { createApi } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { loadConfig } from '../../libs/config';
import type { Role } from '../../libs/contract';
import { birthDateOf, sexOf } from '../../libs/domain';
import { signLocalToken } from '../../libs/security/local-issuer';

/** The API in this process on a free port, configured from the environment global-setup prepared. */
export async function startApi(overrides: NodeJS.ProcessEnv = {}) {
  const config = loadConfig({ ...process.env, ...overrides });
  const app = await createApi(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, config, url: url.replace('[::1]', '127.0.0.1'), close: () => app.close() };
}

/** The worker (its Nest module, as in production) in this process, polling a given task queue. */
export async function startWorker(overrides: NodeJS.ProcessEnv = {}): Promise<INestApplicationContext> {
  const config = loadConfig({ ...process.env, ...overrides });
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await ctx.init();
  return ctx;
}

/** A bearer token of the local issuer whose key pair global-setup made for this run (synchronous: used inline everywhere). */
export function token(role: Role, sub = `${role}-${randomUUID().slice(0, 8)}`): string {
  return signLocalToken({ sub, role }, process.env.AUTH_LOCAL_PRIVATE_KEY!);
}

/** A small JSON client: returns status and parsed body. */
export function client(base: string) {
  const call = async (method: string, path: string, opts: { token?: string; body?: unknown } = {}) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(opts.token && { authorization: `Bearer ${opts.token}` }),
        ...(opts.body !== undefined && { 'content-type': 'application/json' }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    get: (path: string, token?: string) => call('GET', path, { token }),
    post: (path: string, body: unknown, token?: string) => call('POST', path, { body, token }),
    patch: (path: string, body: unknown, token?: string) => call('PATCH', path, { body, token }),
    put: (path: string, body: unknown, token?: string) => call('PUT', path, { body, token }),
  };
}

/** The walking skeleton's nomination body: the fields it required, nothing more. */
export function skeletonNomination(overrides: Record<string, unknown> = {}) {
  return {
    name: '王建国',
    idNumber: '11010519491231002X',
    mobile: '13812345678',
    employer: '温州瓯海眼镜有限公司',
    industry: 'eyewear',
    trade: '眼镜装配',
    yearsOfWork: 12,
    skillLevel: 'technician',
    channel: 'organisational',
    consent: { signedOn: '2017-04-08', attestedBy: '瓯海眼镜厂工会 李明' },
    ...overrides,
  };
}

/** A whole application form (附件2) that passes every pre-check; the ID number's check digit is right. */
export function nomination(overrides: Record<string, unknown> = {}) {
  const id = (overrides.idNumber as string | undefined) ?? '11010519491231002X';
  return skeletonNomination({
    sex: sexOf(id),
    birthDate: birthDateOf(id),
    ethnicity: '汉族',
    education: '高中',
    politicalAffiliation: '群众',
    position: '装配班组长',
    homeAddress: '浙江省温州市瓯海区娄桥街道古岸头村12号',
    honours: ['2015年瓯海区技术能手'],
    achievements: '改进镜架铰链装配工装，良品率提高8%',
    deeds: '从事眼镜装配三十余年，带徒二十余人。',
    conditions: [
      { kind: 'superb_skill', evidence: '区技能竞赛一等奖' },
      { kind: 'leading_role', evidence: '带徒二十余人，名师带徒' },
    ],
    nominatorOpinion: { text: '同意推荐', sealed: true, date: '2017-04-08' },
    ...overrides,
  });
}

export const VISIT = { date: '2017-04-18', place: '车间', members: ['李考察', '陈考察'], findings: '在岗，技艺娴熟' };

/** Takes the expert review through the API: five experts seated, each scoring every condition claimed. */
export async function scoreThroughApi(http: ReturnType<typeof client>, candidateId: string, marks = [80, 85, 90, 70, 95]) {
  const experts = marks.map((_, i) => ({ userId: `expert-${candidateId.slice(0, 8)}-${i}`, employer: `评审单位${i}` }));
  const seated = await http.post(`/candidates/${candidateId}/panel`, { experts }, token('union_office'));
  if (seated.status !== 200) throw new Error(`panel: ${seated.status} ${JSON.stringify(seated.body)}`);
  let last = seated;
  for (const [i, mark] of marks.entries()) {
    const scores = Object.fromEntries((seated.body.conditions.length ? seated.body.conditions : ['overall']).map((c: string) => [c, mark]));
    last = await http.post(`/candidates/${candidateId}/scores`, { scores }, token('expert', experts[i].userId));
    if (last.status !== 200) throw new Error(`scores: ${last.status} ${JSON.stringify(last.body)}`);
  }
  return last.body;
}

export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
