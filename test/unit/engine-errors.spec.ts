import { ServiceUnavailableException } from '@nestjs/common';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError, type WorkflowHandle } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { runUpdate, UpdateUnconfirmed } from '../../apps/api/src/common/engine-update';
import { toHttpError } from '../../apps/api/src/common/temporal-errors';

const ping = defineUpdate<string, [string]>('ping');
const timedOut = () => new WorkflowUpdateRPCTimeoutOrCancelledError('Deadline exceeded');
/** A handle whose Update answers as given; whether the history shows it accepted is the test's to say. */
const handle = (execute: () => Promise<string>) => ({ executeUpdate: execute }) as unknown as WorkflowHandle;
const inHistory = (accepted: boolean) => async () => accepted;
const body = (err: unknown) => (toHttpError(err) as ServiceUnavailableException).getResponse() as { statusCode: number; message: string; accepted?: boolean };

describe('the API when the workflow engine does not answer in time', () => {
  it('says an Update timed out before the workflow took it, and that it may or may not still take effect', async () => {
    const err = await runUpdate(
      handle(() => Promise.reject(timedOut())),
      ping,
      'x',
      inHistory(false),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpdateUnconfirmed);
    expect(body(err)).toMatchObject({ statusCode: 503, accepted: false });
    expect(body(err).message).toContain('may still take effect once a worker is back, or not at all');
  });

  it('says an Update the workflow took but did not finish in time will take effect, and is not to be sent again', async () => {
    const err = await runUpdate(
      handle(() => Promise.reject(timedOut())),
      ping,
      'x',
      inHistory(true),
    ).catch((e: unknown) => e);
    expect(body(err)).toMatchObject({ statusCode: 503, accepted: true });
    expect(body(err).message).toContain('it will take effect');
    expect(body(err).message).toContain('instead of sending the action again');
  });

  it('answers a read that ran out of time with a 503 that names the engine, and passes other failures through', async () => {
    const deadline = Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), { code: 4, details: 'Deadline exceeded', metadata: {} });
    expect(body(new ServiceError('Failed to query Workflow', { cause: deadline }))).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'the workflow engine did not answer in time (is a worker running?); try again shortly',
    });
    const other = new Error('boom');
    await expect(
      runUpdate(
        handle(() => Promise.reject(other)),
        ping,
        'x',
      ),
    ).rejects.toBe(other);
    expect(
      await runUpdate(
        handle(async () => 'pong'),
        ping,
        'x',
      ),
    ).toBe('pong');
    // A history that cannot be read either: the answer asks the caller to check before resending.
    const unreadable = await runUpdate(
      handle(() => Promise.reject(timedOut())),
      ping,
      'x',
      () => Promise.reject(new Error('no history')),
    ).catch((e: unknown) => e);
    expect(body(unreadable)).toMatchObject({ statusCode: 503, accepted: false });
  });
});
