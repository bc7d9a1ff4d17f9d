import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

jest.setTimeout(120_000);

/**
 * Every recorded history must replay on today's workflow code: candidates live for years, so a
 * change that alters the commands of a running history must sit behind `patched()`.
 */
const dir = join(__dirname, 'histories');
const histories = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, history: historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8'))) }));

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;

describe('replay of recorded candidate histories', () => {
  let current: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    current = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: silent });
  });

  it('has histories to replay, covering completion, rejection and a stopped subsidy', () => {
    expect(histories.map((h) => h.file)).toEqual(expect.arrayContaining([
      expect.stringMatching(/full-with-return/), expect.stringMatching(/rejected/), expect.stringMatching(/subsidy-stopped/),
    ]));
  });

  it.each(histories.map((h) => [h.file, h.history] as const))('replays %s on the current workflow code', async (_file, history) => {
    await expect(Worker.runReplayHistory({ workflowBundle: current }, history)).resolves.toBeUndefined();
  });

  it('catches an unpatched change: the same histories fail on a reordered variant', async () => {
    const workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./variants/reordered.workflow'), logger: silent });
    await expect(Worker.runReplayHistory({ workflowBundle }, histories[0].history)).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
