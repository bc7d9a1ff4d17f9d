import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_SCHEDULE_PATCH } from '../../libs/contract';
import { encryptingDataConverter, FAILURE_CONVERTER_PATH } from '../../libs/temporal/encryption-codec';

jest.setTimeout(120_000);

/**
 * Every recorded history must replay on today's workflow code: candidates live for years, so a
 * change that alters the commands of a running history must sit behind `patched()` or go to a new
 * workflow type. Histories are named by type: `candidate-*` (the frozen skeleton type),
 * `candidate-file-*` (a nomination's file), `payment-schedule-*` (the runs it continues as: the
 * frozen v1 type, and from `payment-schedule-v2-*` on the v2 type, one run per instalment, `-1`,
 * `-2`… in a chain), `round-*` (an annual round) and `studio-*` (a demonstration studio). The type of each is read from its first event.
 */
const dir = join(__dirname, 'histories');
const histories = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, history: historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8'))) }));
const typeOf = (h: (typeof histories)[number]) => h.history.events![0].workflowExecutionStartedEventAttributes!.workflowType!.name!;
const named = (pattern: RegExp) => histories.filter((h) => pattern.test(h.file));
/** The ids of the patches a history's markers record. */
const patchIds = (history: (typeof histories)[number]['history']) =>
  history
    .events!.flatMap((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads ?? [])
    .map((p) => JSON.parse(Buffer.from(p.data!).toString()).id as string);

/** Every type the worker registers (workflows/index.ts). */
const TYPES = ['candidateWorkflow', 'candidateFileWorkflow', 'paymentScheduleWorkflow', 'paymentScheduleV2Workflow', 'roundWorkflow', 'studioWorkflow'];
const variants = new Map<string, Promise<WorkflowBundleWithSourceMap>>();
const variant = (name: string) => {
  if (!variants.has(name))
    variants.set(
      name,
      bundleWorkflowCode({ workflowsPath: require.resolve(`./variants/${name}.workflow`), failureConverterPath: FAILURE_CONVERTER_PATH, logger: silent }),
    );
  return variants.get(name)!;
};

/**
 * Replays run with the payload codec the worker runs with: the recorded histories are plaintext, as
 * are histories written before payloads were encrypted, and the codec passes them through.
 */
const dataConverter = encryptingDataConverter({ keys: new Map([['replay', randomBytes(32)]]), activeKeyId: 'replay', suite: 'sm4' });

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;

describe('replay of recorded candidate histories', () => {
  let current: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    current = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), failureConverterPath: FAILURE_CONVERTER_PATH, logger: silent });
  });

  it('has histories of every workflow type and lifecycle point to replay', () => {
    expect(new Set(histories.map(typeOf))).toEqual(new Set(TYPES));
    for (const type of ['candidate', 'candidate-file', 'payment-schedule']) {
      const files = histories.filter((h) => h.file.startsWith(`${type}-v`)).map((h) => h.file);
      expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/full-with-return/), expect.stringMatching(/subsidy-stopped/)]));
    }
    expect(histories.filter((h) => /rejected/.test(h.file)).length).toBeGreaterThanOrEqual(2);
    // The v2 schedule: a run started by continue-as-new mid-subsidy, parked after a departure, with
    // corrections, a v1 run that handed over to it, and a master imported from paper records.
    for (const point of [/v2-mid-subsidy-[23]/, /v2-after-departure/, /v2-after-correction/, /v2-hand-over/, /v2-after-import/]) {
      expect(named(point).some((h) => typeOf(h) === 'paymentScheduleV2Workflow')).toBe(true);
    }
    expect(named(/v2-hand-over/).map(typeOf)).toContain('paymentScheduleWorkflow');
    // A studio named with its grant, and one closed each way.
    for (const end of [/studio-v1-named/, /studio-v1-not-approved/, /studio-v1-rejected/, /studio-v1-withdrawn/])
      expect(named(end).map(typeOf)).toEqual(['studioWorkflow']);
    // The v2 schedule recording itself for the forecast (patch record-schedule): runs with a departure,
    // its correction and the finish, beside the older v2 histories without the patch, which must still replay.
    const patchedRuns = named(/v2-record-schedule/).filter((h) => patchIds(h.history).includes(RECORD_SCHEDULE_PATCH));
    expect(patchedRuns.length).toBeGreaterThanOrEqual(2);
    expect(patchedRuns.map((h) => h.file)).toEqual(expect.arrayContaining([expect.stringMatching(/-3\.json$/), expect.stringMatching(/-4\.json$/)]));
  });

  it.each(histories.map((h) => [h.file, h.history] as const))('replays %s on the current workflow code', async (_file, history) => {
    await expect(Worker.runReplayHistory({ workflowBundle: current, dataConverter }, history)).resolves.toBeUndefined();
  });

  it.each(TYPES)('catches an unpatched change: a %s history fails on a reordered variant', async (type) => {
    const sample = histories.find((h) => typeOf(h) === type)!;
    await expect(Worker.runReplayHistory({ workflowBundle: await variant('reordered') }, sample.history)).rejects.toBeInstanceOf(DeterminismViolationError);
  });

  it.each(['payment-schedule-v2-mid-subsidy-2.json', 'payment-schedule-v2-after-correction-4.json'])(
    'catches a cadence changed without a new type: %s fails when the schedule continues every two instalments',
    async (file) => {
      const { history } = histories.find((h) => h.file === file)!;
      await expect(Worker.runReplayHistory({ workflowBundle: await variant('cadence') }, history)).rejects.toBeInstanceOf(DeterminismViolationError);
    },
  );
});
