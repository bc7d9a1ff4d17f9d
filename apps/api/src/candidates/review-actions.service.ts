import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
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
import type { PanelDto, ScoresDto } from './panel.dto';
import { RefusalLog } from './refusal-log';

/** Employers compared as people write them: case, spaces and full-width brackets do not matter. */
export function sameEmployer(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/** The expert panel, withdrawal and disqualification: each a workflow Update, refusals logged. */
@Injectable()
export class ReviewActionsService {
  constructor(
    private readonly access: CandidateAccess,
    private readonly refusals: RefusalLog,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async assignPanel(id: string, dto: PanelDto, claims: TokenClaims): Promise<CandidateStateV2> {
    const row = await this.access.find(id, claims);
    // An expert who works for the candidate's employer is recused (回避) before they see the file.
    const experts = dto.experts.map((e) => ({
      userId: e.userId,
      ...(sameEmployer(e.employer, row.employer) && { recusedBecause: "works for the candidate's employer" }),
    }));
    return this.refusals.attempt(id, 'assignPanel', dto, claims, () =>
      this.temporal.workflow.getHandle(row.workflowId).executeUpdate(assignPanelUpdate, { args: [{ experts, actor: actorOf(claims) }] }),
    );
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

  private async update<T>(id: string, action: string, logged: object, claims: TokenClaims, run: (h: ReturnType<Client['workflow']['getHandle']>) => Promise<T>) {
    const row = await this.access.find(id, claims);
    return this.refusals.attempt(id, action, logged, claims, () => run(this.temporal.workflow.getHandle(row.workflowId)));
  }
}
