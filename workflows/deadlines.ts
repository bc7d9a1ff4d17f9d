import { condition } from '@temporalio/workflow';
import type { ReviewPlanV1, Stage, StageAlert } from '../libs/contract';

export interface DeadlineWait {
  stage: Stage;
  plan: ReviewPlanV1 | null;
  alerts: StageAlert[];
  done: () => boolean;
  raise: (alert: { stage: Stage; kind: StageAlert['kind']; dueAt: string }) => Promise<void>;
}

/**
 * Waits until `done()`, raising the stage's reminder (two days before it is due, or at once if it
 * is entered later than that) and its escalation (when it is overdue). Durable timers, not cron:
 * each alert fires once per stage, however often the file is returned and resubmitted.
 */
export async function awaitWithDeadlines(w: DeadlineWait): Promise<void> {
  const due = w.plan?.deadlines[w.stage];
  if (!due) return void (await condition(w.done));
  const dueMs = Date.parse(due);
  const fired = (kind: StageAlert['kind']) => w.alerts.some((a) => a.stage === w.stage && a.kind === kind);
  for (;;) {
    if (w.done()) return;
    const next =
      !fired('reminder') && Date.now() < dueMs
        ? { kind: 'reminder' as const, at: dueMs - w.plan!.reminderLeadMs }
        : !fired('escalation')
          ? { kind: 'escalation' as const, at: dueMs }
          : null;
    if (!next) return void (await condition(w.done));
    const wait = next.at - Date.now();
    if (wait > 0 && (await condition(w.done, wait))) return;
    await w.raise({ stage: w.stage, kind: next.kind, dueAt: due });
  }
}
