import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import {
  CANDIDATE_FILE_WORKFLOW,
  assignPanelUpdate,
  candidateWorkflowId,
  decideUpdate,
  STAGE_OWNER,
  submitScoresUpdate,
  type CandidateStateV2,
  type DecisionStage,
} from '../libs/contract';
import { encryptingDataConverter, FAILURE_CONVERTER_PATH } from '../libs/temporal/encryption-codec';
import { CandidateAccess } from '../apps/api/src/candidates/candidate-access';
import { CandidateViewer } from '../apps/api/src/candidates/candidate-viewer';
import { CandidatesService } from '../apps/api/src/candidates/candidates.service';
import { RefusalLog } from '../apps/api/src/candidates/refusal-log';
import { AuthGuard } from '../apps/api/src/auth/auth.guard';
import { AuditLog } from '../libs/audit';
import { floorWorkflow, pingUpdate, stopSignal } from './floor.workflow';
import { pct, runMain, startStack, timed, type Stack } from './harness';

/**
 * A stage decision four ways, interleaved so all see the same machine:
 * - floor: an Update on a trivial workflow whose handler only returns (bench/floor.workflow.ts),
 *   on its own task queue and worker, same dev server;
 * - bare: the candidate file's `decide` Update through a Temporal client;
 * - API: the same decision through HTTP → auth → Update → the masked view, the API running in its
 *   own process as deployed (docker-compose's `api` beside its `worker`);
 * - API in-process: the same again with the API inside this process (beside the worker and the
 *   benchmark's own clients), where its steps can be timed one by one.
 * Prints p50/p99 of each and the ratios to the floor (target: API/floor ≤ 1.5 at p50).
 *
 * The files are nominated while no round exists, so they join none (no round workflow): every stage
 * measured here is decided file by file, as for files outside a round. In a round, voting and
 * leadership are decided by the round (bench/cohort.bench.ts measures that).
 */
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 40);
// Stages that take a decision on the self channel; expert review (scored, not decided) runs unmeasured between.
const STAGES: DecisionStage[] = ['qualification', 'inspection', 'voting', 'leadership'];
// Where each approval moves the file: checked on every reply, so the benchmark fails loudly if it drives the file wrong.
const NEXT: Record<string, string> = { qualification: 'inspection', inspection: 'expert_review', voting: 'leadership', leadership: 'public_notice' };
const VISIT = { date: '2017-04-18', place: 'workshop', members: ['inspector'], findings: 'in post' };
const FLOOR_QUEUE = 'bench-floor';

type Kind = 'floor' | 'bare' | 'api' | 'inproc';

async function main(): Promise<void> {
  const stack = await startStack({ api: true, apiProcess: true });
  try {
    await measure(stack);
  } finally {
    await stack.close();
  }
}

async function measure(stack: Stack): Promise<void> {
  const { client, config, base } = stack;

  // The floor's own worker: same process, same dev server, its own task queue and bundle.
  const floorConnection = await NativeConnection.connect({ address: stack.temporal.address });
  const floorWorker = await Worker.create({
    connection: floorConnection,
    taskQueue: FLOOR_QUEUE,
    // The floor pays for payload encryption as the service does, and its client (the harness's) encrypts.
    dataConverter: encryptingDataConverter(config.pii),
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./floor.workflow'), failureConverterPath: FAILURE_CONVERTER_PATH, logger: quietLogger }),
  });
  const floorRunning = floorWorker.run();

  const tokens = Object.fromEntries(STAGES.map((s) => [s, stack.token(STAGE_OWNER[s], `bench-${s}`)]));
  const nominator = stack.token('nominator', 'bench-nominator');
  const nominate = async () => {
    const res = await fetch(`${base}/nominations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${nominator}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '测试',
        idNumber: '11010519491231002X',
        mobile: '13812345678',
        employer: 'E',
        industry: 'eyewear',
        trade: 'T',
        yearsOfWork: 5,
        skillLevel: 'technician',
        channel: 'self',
        conditions: [{ kind: 'superb_skill', evidence: 'bench' }],
        consent: { signedOn: '2017-04-08', attestedBy: 'bench' },
      }),
    });
    if (res.status !== 201) throw new Error(`nomination failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { candidateId: string; roundId: string | null };
    if (body.roundId !== null) throw new Error('the benchmark files must join no round (a round decides voting and leadership)');
    const { type } = await client.workflow.getHandle(candidateWorkflowId(body.candidateId)).describe();
    if (type !== CANDIDATE_FILE_WORKFLOW) throw new Error(`nominations started '${type}', the benchmark drives '${CANDIDATE_FILE_WORKFLOW}'`);
    return body.candidateId;
  };
  const expectStage = (path: string, stage: DecisionStage, got: unknown) => {
    if (got !== NEXT[stage]) throw new Error(`${path} ${stage}: the file moved to '${String(got)}', expected '${NEXT[stage]}'`);
  };
  const replyBytes = { api: [] as number[], bare: [] as number[] };
  const viaApi = async (id: string, stage: DecisionStage, at = stack.processBase) => {
    const res = await fetch(`${at}/candidates/${id}/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[stage]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ stage, outcome: 'approve', reason: 'bench', ...(stage === 'inspection' && { visit: VISIT }) }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`decision failed: ${res.status} ${text}`);
    replyBytes.api.push(Buffer.byteLength(text));
    expectStage('API', stage, (JSON.parse(text) as { stage: string }).stage);
  };
  const bare = async (id: string, stage: DecisionStage) => {
    const state: CandidateStateV2 = await client.workflow.getHandle(candidateWorkflowId(id)).executeUpdate(decideUpdate, {
      args: [
        { stage, outcome: 'approve', reason: 'bench', actor: { userId: `bench-${stage}`, role: STAGE_OWNER[stage] }, ...(stage === 'inspection' && { visit: VISIT }) },
      ],
    });
    replyBytes.bare.push(Buffer.byteLength(JSON.stringify(state)));
    expectStage('bare', stage, state.stage);
  };
  const floor = async (workflowId: string, stage: DecisionStage) => {
    const reply = await client.workflow.getHandle(workflowId).executeUpdate(pingUpdate, { args: [stage] });
    if (reply !== stage) throw new Error(`floor replied '${reply}'`);
  };
  const scorePanel = async (id: string) => {
    const handle = client.workflow.getHandle(candidateWorkflowId(id));
    const experts = Array.from({ length: config.review.minPanelSize }, (_, i) => ({ userId: `bench-expert-${i}` }));
    await handle.executeUpdate(assignPanelUpdate, { args: [{ experts, actor: { userId: 'bench-office', role: 'union_office' } }] });
    for (const e of experts) await handle.executeUpdate(submitScoresUpdate, { args: [{ scores: { superb_skill: 80 }, actor: { userId: e.userId, role: 'expert' } }] });
  };

  const timings: Record<Kind, number[]> = { floor: [], bare: [], api: [], inproc: [] };
  // The same by stage: a stage whose owner's right depends on the file (leadership) reads it before the Update.
  const byStage: Record<string, number[]> = {};
  const parts = breakdown();
  const run = async (n: number, record: boolean) => {
    for (let i = 0; i < n; i++) {
      const [a, b, c] = [await nominate(), await nominate(), await nominate()];
      const trivial = await client.workflow.start(floorWorkflow, { workflowId: `bench-floor-${i}-${record ? 'm' : 'w'}-${Date.now()}`, taskQueue: FLOOR_QUEUE });
      for (const stage of STAGES) {
        const paths: Array<[Kind, () => Promise<void>]> = [
          ['floor', () => floor(trivial.workflowId, stage)],
          ['bare', () => bare(b, stage)],
          ['api', () => viaApi(a, stage)],
          ['inproc', () => viaApi(c, stage, base)],
        ];
        // Rotate which path goes first so none always meets a warmer cache or a busier worker.
        const order = [...paths.slice(i % paths.length), ...paths.slice(0, i % paths.length)];
        for (const [kind, fn] of order) {
          const [, ms] = await timed(fn);
          if (record) timings[kind].push(ms);
          if (record) (byStage[`${kind}:${stage}`] ??= []).push(ms);
        }
        if (stage === 'inspection') await Promise.all([scorePanel(a), scorePanel(b), scorePanel(c)]);
      }
      await trivial.signal(stopSignal);
    }
  };
  await run(3, false); // warm-up: JIT, connection pools, workflow cache
  parts.reset();
  await run(CANDIDATES, true);

  const p = (k: Kind, q: number) => pct(timings[k], q);
  const row = (name: string, k: Kind) =>
    `${name.padEnd(40)} n=${String(timings[k].length).padEnd(5)} p50=${p(k, 50).toFixed(2).padStart(7)} ms  p99=${p(k, 99).toFixed(2).padStart(7)} ms`;
  const ratio = (k: Kind) => `p50 ${(p(k, 50) / p('floor', 50)).toFixed(2)}x  p99 ${(p(k, 99) / p('floor', 99)).toFixed(2)}x`;
  const avg = (xs: number[]) => Math.round(xs.reduce((x, y) => x + y, 0) / Math.max(1, xs.length));
  console.log(`\n== stage decision latency: ${stack.dbLabel}, Temporal dev server ${stack.temporal.address}, ${CANDIDATES} files × ${STAGES.length} decisions`);
  console.log(row('floor: trivial Update (returns at once)', 'floor'));
  console.log(row('bare: candidate decision Update', 'bare'));
  console.log(row('API: HTTP → auth → Update → view', 'api'));
  console.log(row('API in this process (beside the worker)', 'inproc'));
  console.log(`ratio bare/floor: ${ratio('bare')}`);
  console.log(`ratio API/floor:  ${ratio('api')}   (target ≤ 1.50x at p50: ${p('api', 50) / p('floor', 50) <= 1.5 ? 'met' : 'MISSED'})`);
  console.log(`ratio API in this process/floor: ${ratio('inproc')}`);
  console.log(`where the in-process API's time goes (p50 of each part; the Update is inside 'decide'):`);
  for (const [name, xs] of Object.entries(parts.samples).filter(([, xs]) => xs.length))
    console.log(`  ${name.padEnd(38)} p50=${pct(xs, 50).toFixed(2).padStart(7)} ms  p99=${pct(xs, 99).toFixed(2).padStart(7)} ms`);
  console.log(
    `  ${'HTTP, auth, validation, JSON (rest)'.padEnd(38)} p50=${(p('inproc', 50) - pct(parts.samples['CandidatesService.decide (whole)'], 50)).toFixed(2).padStart(7)} ms`,
  );
  console.log(`p50 by stage (ms):        ${STAGES.map((s) => s.padStart(14)).join('')}`);
  for (const k of ['bare', 'api'] as const) console.log(`  ${k.padEnd(24)}${STAGES.map((s) => pct(byStage[`${k}:${s}`], 50).toFixed(2).padStart(14)).join('')}`);
  console.log(`reply size: bare Update ${avg(replyBytes.bare)} B (workflow state), API ${avg(replyBytes.api)} B (view) on average`);

  floorWorker.shutdown();
  await floorRunning;
  await floorConnection.close();
}

/**
 * Times the API's own steps of a decision by wrapping the services' methods in this process: the
 * file's row and access check, the Update (with the refusal log around it), the reply's view.
 */
function breakdown() {
  const samples: Record<string, number[]> = {
    'CandidatesService.decide (whole)': [],
    'CandidateAccess.find (row, scope)': [],
    'RefusalLog.attempt (the Update)': [],
    'CandidateViewer.show (view, pii.read append)': [],
    'AuditLog.append (each append)': [],
    'AuthGuard.canActivate (token)': [],
  };
  const wrap = (proto: object, method: string, name: string) => {
    const target = proto as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = target[method];
    target[method] = async function (this: unknown, ...args: unknown[]) {
      const [out, ms] = await timed(() => original.apply(this, args));
      samples[name].push(ms);
      return out;
    };
  };
  wrap(CandidatesService.prototype, 'decide', 'CandidatesService.decide (whole)');
  wrap(CandidateAccess.prototype, 'find', 'CandidateAccess.find (row, scope)');
  wrap(RefusalLog.prototype, 'attempt', 'RefusalLog.attempt (the Update)');
  wrap(CandidateViewer.prototype, 'show', 'CandidateViewer.show (view, pii.read append)');
  wrap(AuditLog.prototype, 'append', 'AuditLog.append (each append)');
  wrap(AuthGuard.prototype, 'canActivate', 'AuthGuard.canActivate (token)');
  return { samples, reset: () => Object.values(samples).forEach((xs) => (xs.length = 0)) };
}

const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never;

runMain(main);
