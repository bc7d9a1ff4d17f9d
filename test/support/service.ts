import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { createApi } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { loadConfig, type AppConfig } from '../../libs/config';
import type { Role } from '../../libs/contract';
import { signToken } from '../../libs/security/token';

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

export function token(role: Role, sub = `${role}-${randomUUID().slice(0, 8)}`, config?: AppConfig): string {
  return signToken({ sub, role }, config?.authSecret ?? process.env.AUTH_SECRET!);
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
  };
}

/** A valid nomination body; the ID number's check digit is right. */
export function nomination(overrides: Record<string, unknown> = {}) {
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
    ...overrides,
  };
}

export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
