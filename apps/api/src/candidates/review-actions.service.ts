import { Inject, Injectable } from '@nestjs/common';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { assignPanelUpdate, declareConflictUpdate, disqualifyUpdate, submitScoresUpdate, withdrawUpdate, type CandidateStateV2 } from '../../../../libs/contract';
import type { PanelEmployerCheckEntity } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import { runUpdate } from '../common/engine-update';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { CandidateAccess } from './candidate-access';
import type { CandidateView } from './candidate-view';
import { CandidateViewer } from './candidate-viewer';
import { PanelEmployerCheckRepository } from './panel-employer-check.repository';
import { screenPanel } from './panel-screening';
import type { PanelDto, ScoresDto } from './panel.dto';
import { RefusalLog } from './refusal-log';

/** The expert panel, withdrawal and disqualification: each a workflow Update, refusals logged, the reply through the candidate view. */
@Injectable()
export class ReviewActionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CandidateAccess,
    private readonly refusals: RefusalLog,
    private readonly viewer: CandidateViewer,
    private readonly employerChecks: PanelEmployerCheckRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /**
   * Seats experts. Their employers are screened first (see screenPanel); the record of each recusal
   * and confirmation is written with the seating, and undone if the workflow refuses it.
   */
  async assignPanel(id: string, dto: PanelDto, claims: TokenClaims): Promise<CandidateView> {
    return this.update(id, 'assignPanel', dto, claims, (h, row) => {
      const { experts, checks } = screenPanel(row.employer, dto.experts);
      return this.ds.transaction(async (tx) => {
        await this.employerChecks.recordChecks(tx, id, claims.sub, checks);
        return runUpdate(h, assignPanelUpdate, { experts, actor: actorOf(claims) });
      });
    });
  }

  async employerChecksOf(id: string, claims: TokenClaims): Promise<PanelEmployerCheckEntity[]> {
    await this.access.find(id, claims);
    return this.employerChecks.listForCandidate(id);
  }

  async declareConflict(id: string, reason: string, claims: TokenClaims) {
    return this.update(id, 'declareConflict', { reason }, claims, (h) => runUpdate(h, declareConflictUpdate, { reason, actor: actorOf(claims) }));
  }

  async submitScores(id: string, dto: ScoresDto, claims: TokenClaims) {
    return this.update(id, 'submitScores', { conditions: Object.keys(dto.scores) }, claims, (h) =>
      runUpdate(h, submitScoresUpdate, { scores: dto.scores, actor: actorOf(claims) }),
    );
  }

  async withdraw(id: string, reason: string, claims: TokenClaims) {
    return this.update(id, 'withdraw', { reason }, claims, (h) => runUpdate(h, withdrawUpdate, { reason, actor: actorOf(claims) }));
  }

  async disqualify(id: string, reason: string, claims: TokenClaims) {
    return this.update(id, 'disqualify', { reason }, claims, (h) => runUpdate(h, disqualifyUpdate, { reason, actor: actorOf(claims) }));
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
