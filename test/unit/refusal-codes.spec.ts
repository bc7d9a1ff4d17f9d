import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../libs/contract';
import { errorAnswer } from '../../apps/api/src/common/errors.filter';
import { REFUSALS, type RefusalCode } from '../../apps/api/src/common/refusal-codes';
import { refuse } from '../../apps/api/src/common/refuse';
import { toHttpError } from '../../apps/api/src/common/temporal-errors';

const codeOf = (err: unknown) => (errorAnswer(err).body as { code: string }).code;

/** Every refusal carries a stable code the console turns into Chinese (apps/api/src/common/refusal-codes.ts). */
describe('refusal codes', () => {
  it('has a status, a Chinese and an English text for every code', () => {
    for (const [code, r] of Object.entries(REFUSALS)) {
      expect([code, r.status >= 400 && r.status < 600, /[\u4e00-\u9fff]/.test(r.zh), r.en.length > 0]).toEqual([code, true, true, true]);
    }
  });

  it("keeps the code a refusal names, and answers with the code's own status", () => {
    const { status, body } = errorAnswer(refuse('vote_duplicate', 'already voted'));
    expect([status, body]).toEqual([409, { statusCode: 409, error: 'Conflict', message: 'already voted', code: 'vote_duplicate' }]);
    expect(errorAnswer(refuse('voting_closed', 'closed', { votingOpensAt: null })).body).toMatchObject({ code: 'voting_closed', votingOpensAt: null });
  });

  it('gives a refusal that names no code the code of its status, and a crash "internal"', () => {
    expect([
      codeOf(new BadRequestException('x')),
      codeOf(new NotFoundException('x')),
      codeOf(new ConflictException('x')),
      codeOf(new HttpException('slow down', 429)),
      codeOf(new Error('boom')),
    ]).toEqual(['invalid_request', 'not_found', 'conflict', 'rate_limited', 'internal']);
  });

  it('names each workflow refusal by its failure type, so the console can say which rule refused', () => {
    const cases: Array<[FailureType, RefusalCode, number]> = [
      [FailureType.WrongStage, 'wrong_stage', 409],
      [FailureType.NotAwaitingDecision, 'not_awaiting_decision', 409],
      [FailureType.CandidateClosed, 'candidate_closed', 409],
      [FailureType.WrongPhase, 'wrong_phase', 409],
      [FailureType.WrongRole, 'wrong_role', 403],
      [FailureType.Unprocessable, 'list_rule', 422],
      [FailureType.InvalidRequest, 'invalid_request', 400],
    ];
    for (const [type, code, status] of cases) {
      const { status: got, body } = errorAnswer(toHttpError(ApplicationFailure.create({ type, message: 'why', nonRetryable: true })));
      expect([type, got, body]).toEqual([type, status, expect.objectContaining({ code, message: 'why' })]);
    }
  });
});

describe('refuse()', () => {
  it("answers with Nest's own exception for the code's status, its message readable as the exception's", () => {
    const conflict = refuse('wrong_stage', "the candidate is at stage 'endorsement'");
    expect([conflict instanceof ConflictException, conflict.getStatus(), conflict.message]).toEqual([true, 409, "the candidate is at stage 'endorsement'"]);
    expect(refuse('voting_closed', 'closed').getStatus()).toBe(403);
    expect(refuse('vote_daily_limit', 'ten today').getStatus()).toBe(429);
  });
});
