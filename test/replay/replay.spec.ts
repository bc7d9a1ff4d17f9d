import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

jest.setTimeout(120_000);

/**
 * Every recorded history must replay on today's workflow code: candidates live for years, so a
 * change that alters the commands of a running history must sit behind `patched()` or go to a new
 * workflow type. Histories are named by type: `candidate-*` (the frozen skeleton type),
 * `candidate-file-*` (a nomination's file), `payment-schedule-*` (the runs it continues as) and
 * `round-*` (an annual round).
 */
const dir = join(__dirname, 'histories');
const histories = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, history: historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8'))) }));

const TYPES = ['candidate', 'candidate-file', 'payment-schedule', 'round'];
let variant: Promise<WorkflowBundleWithSourceMap> | undefined;

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;

describe('replay of recorded candidate histories', () => {
  let current: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    current = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: silent });
  });

  it('has histories of every workflow type to replay, covering completion, rejection and a stopped subsidy', () => {
    for (const type of TYPES) expect(histories.some((h) => h.file.startsWith(`${type}-v`))).toBe(true);
    for (const type of ['candidate', 'candidate-file', 'payment-schedule']) {
      const files = histories.filter((h) => h.file.startsWith(`${type}-v`)).map((h) => h.file);
      expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/full-with-return/), expect.stringMatching(/subsidy-stopped/)]));
    }
    expect(histories.filter((h) => /rejected/.test(h.file)).length).toBeGreaterThanOrEqual(2);
  });

  it.each(histories.map((h) => [h.file, h.history] as const))('replays %s on the current workflow code', async (_file, history) => {
    await expect(Worker.runReplayHistory({ workflowBundle: current }, history)).resolves.toBeUndefined();
  });

  it.each(TYPES)('catches an unpatched change: a %s history fails on a reordered variant', async (type) => {
    variant ??= bundleWorkflowCode({ workflowsPath: require.resolve('./variants/reordered.workflow'), logger: silent });
    const sample = histories.find((h) => h.file.startsWith(`${type}-v`))!;
    await expect(Worker.runReplayHistory({ workflowBundle: await variant }, sample.history)).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
