import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { RETENTION_SWEEP_WORKFLOW, retentionScheduleId } from '../contract';

/**
 * Creates the daily retention sweep's Schedule unless it exists (every worker calls this at start; the
 * first one wins, the others find it). 03:00 Asia/Shanghai, when nobody works on files; overlap SKIP,
 * so a sweep still running (a large backlog) is never joined by a second. Returns whether it created it.
 */
export async function ensureRetentionSchedule(client: Client, taskQueue: string): Promise<boolean> {
  const scheduleId = retentionScheduleId(taskQueue);
  try {
    await client.schedule.create({
      scheduleId,
      spec: { calendars: [{ hour: 3, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: RETENTION_SWEEP_WORKFLOW, workflowId: scheduleId, taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return true;
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return false;
    throw err;
  }
}
