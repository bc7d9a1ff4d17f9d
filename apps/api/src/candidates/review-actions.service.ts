import { Inject, Injectable } from '@nestjs/common';
import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  assignPanelUpdate,
  declareConflictUpdate,
  disqualifyUpdate,
  submitScoresUpdate,
  withdrawUpdate,
  type CandidateStateV2,
} from '../../../../libs/contract';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { CandidateAccess } from './candidate-access';
import type { CandidateView } from './candidate-view';
import { CandidateViewer } from './candidate-viewer';
import type { PanelDto, ScoresDto } from './panel.dto';
import { RefusalLog } from './refusal-log';

/** Employers compared as people write them: case, spaces and full-width brackets do not matter. */
export function sameEmployer(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/** The expert panel, withdrawal and disqualification: each a workflow Update, refusals logged, the reply through the candidate view. */
@Injectable()
export class ReviewActionsService {
  constructor(
    private readonly access: CandidateAccess,
    private readonly refusals: RefusalLog,
    private readonly viewer: CandidateViewer,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async assignPanel(id: string, dto: PanelDto, claims: TokenClaims): Promise<CandidateView> {
    return this.update(id, 'assignPanel', dto, claims, (h, row) => {
      // An expert who works for the candidate's employer is recused (回避) before they see the file.
      const experts = dto.experts.map((e) => ({
        userId: e.userId,
        ...(sameEmployer(e.employer, row.employer) && { recusedBecause: "works for the candidate's employer" }),
      }));
      return h.executeUpdate(assignPanelUpdate, { args: [{ experts, actor: actorOf(claims) }] });
    });
  }

  async declareConflict(id: string, reason: string, claims: TokenClaims) {
    return this.update(id, 'declareConflict', { reason }, claims, (h) => h.executeUpdate(declareConflictUpdate, { args: [{ reason, actor: actorOf(claims) }] }));
  }

  async submitScores(id: string, dto: ScoresDto, claims: TokenClaims) {
    return this.update(id, 'submitScores', { conditions: Object.keys(dto.scores) }, claims, (h) =>
      h.executeUpdate(submitScoresUpdate, { args: [{ scores: dto.scores, actor: actorOf(claims) }] }),
    );
  }

  async withdraw(id: string, reason: string, claims: TokenClaims) {
    return this.update(id, 'withdraw', { reason }, claims, (h) => h.executeUpdate(withdrawUpdate, { args: [{ reason, actor: actorOf(claims) }] }));
  }

  async disqualify(id: string, reason: string, claims: TokenClaims) {
    return this.update(id, 'disqualify', { reason }, claims, (h) => h.executeUpdate(disqualifyUpdate, { args: [{ reason, actor: actorOf(claims) }] }));
  }

  /** Runs one Update on a file the caller may see, logs a refusal, and answers with the caller's view of the file. */
  private async update(
    id: string,
    action: string,
    logged: object,
    claims: TokenClaims,
    run: (h: WorkflowHandle, row: Awaited<ReturnType<CandidateAccess['find']>>) => Promise<CandidateStateV2>,
  ): Promise<CandidateView> {
    const row = await this.access.find(id, claims);
    const state = await this.refusals.attempt(id, action, logged, claims, () => run(this.temporal.workflow.getHandle(row.workflowId), row));
    return this.viewer.afterAction(id, state, claims);
  }
}
