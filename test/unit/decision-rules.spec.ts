import { refuseDecision, refuseRole } from '../../libs/contract/decision-rules';
import { FailureType } from '../../libs/contract/failures';
import { initialCandidateState, type CandidateStateV1, type CandidateStatus, type DecisionRequestV1 } from '../../libs/contract';
import { ROLES, type Role } from '../../libs/contract/roles';
import { DECISION_STAGES, STAGE_OWNER, type DecisionStage, type Stage } from '../../libs/contract/stages';

function stateAt(stage: CandidateStateV1['stage'], status: CandidateStatus = 'awaiting_decision'): CandidateStateV1 {
  const input = {
    candidateId: 'c-0001',
    roundId: null,
    channel: 'organisational' as const,
    submittedBy: { userId: 'u', role: 'nominator' as const },
    settings: SETTINGS,
  };
  return { ...initialCandidateState(input, '2017-04-16T01:00:00.000Z'), stage, status };
}

const SETTINGS = { publicNoticeMs: 7 * 864e5, bonusFen: 2_000_000, subsidyMonthlyFen: 80_000, subsidyMonths: 24 };

function request(stage: DecisionStage, role: Role = STAGE_OWNER[stage], over: Partial<DecisionRequestV1> = {}): DecisionRequestV1 {
  return { stage, outcome: 'approve', reason: 'meets condition 2 (superb skill)', actor: { userId: `${role}-1`, role }, ...over };
}

describe('refuseDecision', () => {
  it('knows an owner for every decision stage', () => {
    expect(Object.keys(STAGE_OWNER).sort()).toEqual([...DECISION_STAGES].sort());
  });

  it.each(DECISION_STAGES.map((s) => [s, STAGE_OWNER[s]]))('accepts %s decided by its owner %s', (stage, role) => {
    for (const outcome of ['approve', 'reject', 'return'] as const) {
      expect(refuseDecision(stateAt(stage as DecisionStage), request(stage as DecisionStage, role as Role, { outcome }))).toBeNull();
    }
  });

  it.each(DECISION_STAGES.map((s) => [s]))('refuses every other role at %s with WrongRole', (stage) => {
    const s = stage as DecisionStage;
    for (const role of ROLES.filter((r) => r !== STAGE_OWNER[s])) {
      const refusal = refuseDecision(stateAt(s), request(s, role));
      expect(refusal?.type).toBe(FailureType.WrongRole);
      expect(refusal?.message).toContain(role);
      expect(refusal?.message).toContain(STAGE_OWNER[s]);
    }
  });

  it('refuses a request without an actor role with WrongRole', () => {
    const req = { ...request('qualification'), actor: undefined } as unknown as DecisionRequestV1;
    expect(refuseDecision(stateAt('qualification'), req)?.type).toBe(FailureType.WrongRole);
    const forged = request('qualification', 'emperor' as Role);
    expect(refuseDecision(stateAt('qualification'), forged)?.type).toBe(FailureType.WrongRole);
  });

  it('refuses a decision for another stage with WrongStage, naming both stages', () => {
    const refusal = refuseDecision(stateAt('qualification'), request('inspection'));
    expect(refusal?.type).toBe(FailureType.WrongStage);
    expect(refusal?.message).toContain("'qualification'");
    expect(refusal?.message).toContain("'inspection'");
  });

  it('refuses a same-role decision for a later stage (union office owns qualification, voting and commendation)', () => {
    const refusal = refuseDecision(stateAt('qualification'), request('voting'));
    expect(refusal?.type).toBe(FailureType.WrongStage);
    expect(refusal?.message).toMatch(/'qualification'.*'voting'/);
  });

  it('refuses a decision while the candidate is in public notice with WrongStage', () => {
    const refusal = refuseDecision(stateAt('public_notice', 'in_public_notice'), request('government_approval'));
    expect(refusal?.type).toBe(FailureType.WrongStage);
    expect(refusal?.message).toContain('public_notice');
  });

  it('refuses a decision on a file returned for more material with NotAwaitingDecision', () => {
    const refusal = refuseDecision(stateAt('expert_review', 'returned'), request('expert_review'));
    expect(refusal?.type).toBe(FailureType.NotAwaitingDecision);
    expect(refusal?.message).toContain('expert_review');
  });

  it.each([
    ['rejected', 'inspection'],
    ['completed', 'closed'],
    ['subsidy_stopped', 'closed'],
  ] as Array<[CandidateStatus, CandidateStateV1['stage']]>)('refuses any decision on a %s candidacy with CandidateClosed', (status, stage) => {
    const refusal = refuseDecision(stateAt(stage, status), request(stage === 'closed' ? 'commendation' : (stage as DecisionStage)));
    expect(refusal?.type).toBe(FailureType.CandidateClosed);
    expect(refusal?.message).toContain(status);
  });

  it.each([[''], ['   '], ['\n\t']])('refuses an empty reason %j with InvalidRequest', (reason) => {
    const refusal = refuseDecision(stateAt('qualification'), request('qualification', 'union_office', { reason }));
    expect(refusal?.type).toBe(FailureType.InvalidRequest);
    expect(refusal?.message).toMatch(/reason/);
  });

  it('refuses a missing reason with InvalidRequest', () => {
    const req = { ...request('qualification'), reason: undefined } as unknown as DecisionRequestV1;
    expect(refuseDecision(stateAt('qualification'), req)?.type).toBe(FailureType.InvalidRequest);
  });

  it('refuses an unknown outcome with InvalidRequest, listing the allowed ones', () => {
    const req = request('qualification', 'union_office', { outcome: 'maybe' as never });
    const refusal = refuseDecision(stateAt('qualification'), req);
    expect(refusal?.type).toBe(FailureType.InvalidRequest);
    expect(refusal?.message).toContain('approve, reject, return');
  });

  it('refuses a decision on the public notice stage (it passes by its timer) with InvalidRequest', () => {
    const req = request('qualification', 'union_office', { stage: 'public_notice' as DecisionStage });
    const refusal = refuseDecision(stateAt('public_notice', 'in_public_notice'), req);
    expect(refusal?.type).toBe(FailureType.InvalidRequest);
    expect(refusal?.message).toContain("'public_notice'");
  });

  it('refuses an unknown stage with InvalidRequest', () => {
    const req = request('qualification', 'union_office', { stage: 'lottery' as DecisionStage });
    expect(refuseDecision(stateAt('qualification'), req)?.type).toBe(FailureType.InvalidRequest);
  });
});

describe('refuseRole', () => {
  it.each(DECISION_STAGES.map((s) => [s, STAGE_OWNER[s]]))('lets %s be decided by %s', (stage, role) => {
    expect(refuseRole(stage, role)).toBeNull();
  });

  it('refuses a role that does not own the stage, naming the owner', () => {
    const refusal = refuseRole('expert_review', 'finance');
    expect(refusal).toEqual({ type: FailureType.WrongRole, message: expect.stringContaining("'expert'") });
    expect(refusal?.message).toContain("'finance'");
  });

  it('refuses a non-role', () => {
    expect(refuseRole('qualification', undefined)?.type).toBe(FailureType.WrongRole);
    expect(refuseRole('qualification', 'UNION_OFFICE')?.type).toBe(FailureType.WrongRole);
  });

  it('lets nobody decide the public notice', () => {
    for (const role of ROLES) {
      const refusal = refuseRole('public_notice' satisfies Stage, role);
      expect(refusal?.type).toBe(FailureType.WrongRole);
      expect(refusal?.message).toContain('nobody');
    }
  });

  it('is the same rule the full check applies', () => {
    expect(refuseRole('leadership', 'government')).toEqual(refuseDecision(stateAt('leadership'), request('leadership', 'government')));
  });
});
