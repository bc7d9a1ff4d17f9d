import type { WorkflowHandle } from '@temporalio/client';
import {
  assignPanelUpdate,
  decideUpdate,
  STAGE_OWNER,
  stateQuery,
  submitScoresUpdate,
  type CandidateStateV2,
  type DecisionRequestV2,
  type DecisionStage,
  type Outcome,
} from '../../libs/contract';

export const VISIT = { date: '2017-04-18', place: '瓯海眼镜厂车间', members: ['李考察', '陈考察'], findings: '在岗，技艺娴熟' };

/** Takes a decision at the candidate's current stage, as the role that owns it (inspection records a visit). */
export function decide(
  handle: WorkflowHandle,
  stage: DecisionStage,
  outcome: Outcome = 'approve',
  reason = `${stage} ${outcome}`,
  extra: Partial<DecisionRequestV2> = {},
): Promise<CandidateStateV2> {
  const visit = stage === 'inspection' && outcome !== 'return' ? { visit: VISIT } : {};
  return handle.executeUpdate(decideUpdate, {
    args: [{ stage, outcome, reason, actor: { userId: `${STAGE_OWNER[stage]}-1`, role: STAGE_OWNER[stage] }, ...visit, ...extra }],
  });
}

/** Seats a panel of experts and has each score every condition claimed with the given mark. */
export async function scorePanel(handle: WorkflowHandle, marks = [80, 85, 90, 70, 95]): Promise<CandidateStateV2> {
  const experts = marks.map((_, i) => ({ userId: `expert-${i + 1}` }));
  let state = await handle.executeUpdate(assignPanelUpdate, { args: [{ experts, actor: { userId: 'office-1', role: 'union_office' } }] });
  const keys = state.conditions.length ? state.conditions : ['overall'];
  for (const [i, mark] of marks.entries()) {
    state = await handle.executeUpdate(submitScoresUpdate, {
      args: [{ scores: Object.fromEntries(keys.map((k) => [k, mark])), actor: { userId: `expert-${i + 1}`, role: 'expert' } }],
    });
  }
  return state;
}

/** Approves stage after stage (scoring the expert review) until the candidate reaches `until` or the public notice. */
export async function approveUntil(handle: WorkflowHandle, until: CandidateStateV2['stage']): Promise<CandidateStateV2> {
  let state = await handle.query(stateQuery);
  while (state.stage !== until && state.stage !== 'public_notice' && state.stage !== 'payments' && state.stage !== 'closed') {
    if (state.stage === 'expert_review') {
      await scorePanel(handle);
      state = await handle.query(stateQuery);
    } else {
      state = await decide(handle, state.stage as DecisionStage);
    }
  }
  return state;
}

/** Polls until `ok` holds: what a workflow does after a timer or an Update lands a moment later, through activities. */
export async function eventually<T>(probe: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The workflow's state once `ok` holds. */
export function stateWhen(handle: WorkflowHandle, ok: (s: CandidateStateV2) => boolean): Promise<CandidateStateV2> {
  return eventually(() => handle.query(stateQuery), ok);
}
