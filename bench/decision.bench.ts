import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { createApi } from '../apps/api/src/bootstrap';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { loadConfig } from '../libs/config';
import { assignPanelUpdate, candidateWorkflowId, decideUpdate, STAGE_OWNER, submitScoresUpdate, type DecisionStage } from '../libs/contract';
import { runMigrations } from '../libs/db/data-source';
import { startEmbeddedPostgres } from '../libs/dev/embedded-postgres';
import { startDevServer } from '../libs/dev/temporal-dev-server';
import { signToken } from '../libs/security/token';

/**
 * A stage decision through the API (HTTP → auth → Update → reply) against a bare Temporal Update
 * on the same dev server, interleaved so both see the same machine. Prints p50/p99 and ratios.
 */
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 40);
// Stages that take a decision on the self channel; expert review (scored, not decided) runs unmeasured between.
const STAGES: DecisionStage[] = ['qualification', 'inspection', 'voting', 'leadership'];
const VISIT = { date: '2017-04-18', place: 'workshop', members: ['inspector'], findings: 'in post' };

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const temporal = await startDevServer({ port: 17233 + Math.floor(Math.random() * 1000), quiet: true });
  const pg = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: temporal.address,
    DATABASE_URL: process.env.DATABASE_URL ?? pg!.url,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    PII_KEYS: `b1:${randomBytes(32).toString('base64')}`,
    PII_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  await runMigrations(env.DATABASE_URL);
  const config = loadConfig(env);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await worker.init();
  const api = await createApi(config, { logger: false });
  await api.listen(0, '127.0.0.1');
  const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });

  const tokens = Object.fromEntries(STAGES.map((s) => [s, signToken({ sub: `bench-${s}`, role: STAGE_OWNER[s] }, config.authSecret)]));
  const nominator = signToken({ sub: 'bench-nominator', role: 'nominator' }, config.authSecret);
  const nominate = async () => {
    const res = await fetch(`${base}/nominations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${nominator}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '测试', idNumber: '11010519491231002X', mobile: '13812345678', employer: 'E', industry: 'eyewear',
        trade: 'T', yearsOfWork: 5, skillLevel: 'technician', channel: 'self',
        conditions: [{ kind: 'superb_skill', evidence: 'bench' }],
      }),
    });
    if (res.status !== 201) throw new Error(`nomination failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { candidateId: string }).candidateId;
  };
  const viaApi = async (id: string, stage: DecisionStage) => {
    const res = await fetch(`${base}/candidates/${id}/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[stage]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ stage, outcome: 'approve', reason: 'bench', ...(stage === 'inspection' && { visit: VISIT }) }),
    });
    if (res.status !== 200) throw new Error(`decision failed: ${res.status} ${await res.text()}`);
    await res.json();
  };
  const bare = async (id: string, stage: DecisionStage) => {
    await client.workflow.getHandle(candidateWorkflowId(id)).executeUpdate(decideUpdate, {
      args: [{ stage, outcome: 'approve', reason: 'bench', actor: { userId: `bench-${stage}`, role: STAGE_OWNER[stage] }, ...(stage === 'inspection' && { visit: VISIT }) }],
    });
  };
  const scorePanel = async (id: string) => {
    const handle = client.workflow.getHandle(candidateWorkflowId(id));
    const experts = [1, 2, 3, 4, 5].map((i) => ({ userId: `bench-expert-${i}` }));
    await handle.executeUpdate(assignPanelUpdate, { args: [{ experts, actor: { userId: 'bench-office', role: 'union_office' } }] });
    for (const e of experts) await handle.executeUpdate(submitScoresUpdate, { args: [{ scores: { superb_skill: 80 }, actor: { userId: e.userId, role: 'expert' } }] });
  };

  const timings = { api: [] as number[], bare: [] as number[] };
  const time = async (kind: keyof typeof timings, fn: () => Promise<void>, record: boolean) => {
    const t0 = process.hrtime.bigint();
    await fn();
    if (record) timings[kind].push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  const run = async (n: number, record: boolean) => {
    for (let i = 0; i < n; i++) {
      const [a, b] = [await nominate(), await nominate()];
      for (const stage of STAGES) {
        // Alternate which path goes first so neither always meets a warmer cache.
        const pair: Array<[keyof typeof timings, () => Promise<void>]> = [['api', () => viaApi(a, stage)], ['bare', () => bare(b, stage)]];
        if (i % 2) pair.reverse();
        for (const [kind, fn] of pair) await time(kind, fn, record);
        if (stage === 'inspection') await Promise.all([scorePanel(a), scorePanel(b)]);
      }
    }
  };
  await run(3, false); // warm-up: JIT, connection pools, workflow cache
  await run(CANDIDATES, true);

  const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
  const row = (name: string, xs: number[]) => `${name.padEnd(34)} n=${xs.length}  p50=${pct(xs, 50).toFixed(2)} ms  p99=${pct(xs, 99).toFixed(2)} ms`;
  console.log(`decision latency, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PostgreSQL'}, Temporal dev server ${temporal.address}`);
  console.log(row('bare Temporal Update (baseline)', timings.bare));
  console.log(row('API: HTTP → Update → reply', timings.api));
  console.log(`ratio API/baseline: p50 ${(pct(timings.api, 50) / pct(timings.bare, 50)).toFixed(2)}x  p99 ${(pct(timings.api, 99) / pct(timings.bare, 99)).toFixed(2)}x`);

  await api.close();
  await worker.close();
  await client.connection.close();
  await pg?.stop();
  await temporal.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
