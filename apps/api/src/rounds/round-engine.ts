import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { ROUND_WORKFLOW, roundSummaryQuery, roundWorkflowId, type RoundInputV1, type RoundSummaryV1 } from '../../../../libs/contract';
import { RoundEntity } from '../../../../libs/db';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { runUpdate } from '../common/engine-update';
import { engine, toHttpError, workflowFinished } from '../common/temporal-errors';

/**
 * The API's side of the round workflow (`round-<year>`): starts it, sends it Updates, reads its
 * state. A round created before rounds ran as workflows gets its workflow on its first action.
 */
@Injectable()
export class RoundEngine {
  constructor(
    private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts the round's workflow; "already started" is fine for this round (a retry, or a second API
   * instance), and a 409 when the running `round-<year>` belongs to another round (its memo says which).
   */
  async start(round: RoundEntity): Promise<string> {
    const workflowId = roundWorkflowId(round.year);
    const input: RoundInputV1 = {
      roundId: round.id,
      year: round.year,
      quota: round.quota,
      nominationOpensAt: round.nominationOpensAt.toISOString(),
      nominationClosesAt: round.nominationClosesAt.toISOString(),
      reviewClosesAt: round.reviewClosesAt.toISOString(),
      votingDays: round.votingDays,
      publicNoticeMs: round.publicNoticeMs ?? this.config.programme.publicNoticeMs,
      weights: this.config.round.rankingWeights,
    };
    try {
      await engine(() =>
        this.temporal.workflow.start(ROUND_WORKFLOW, { workflowId, taskQueue: this.config.temporal.taskQueue, args: [input], memo: { roundId: round.id } }),
      );
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      const running = await engine(() => this.temporal.workflow.getHandle(workflowId).describe());
      const owner = (running.memo as { roundId?: string } | undefined)?.roundId;
      if (owner !== round.id) {
        throw new ConflictException(`the workflow ${workflowId} already runs for another ${round.year} round (${owner ?? 'unknown'}); there is one round per year`);
      }
    }
    return workflowId;
  }

  /**
   * The round's workflow ID, starting the workflow first for a round from before rounds ran as
   * workflows (and recording it on the row, with the settings it started with).
   */
  async ensure(round: RoundEntity): Promise<string> {
    if (round.workflowId) return round.workflowId;
    const workflowId = await this.start(round);
    await this.ds.getRepository(RoundEntity).update({ id: round.id }, { workflowId, publicNoticeMs: round.publicNoticeMs ?? this.config.programme.publicNoticeMs });
    round.workflowId = workflowId;
    // A late start finds its windows past: wait until the new run has moved on from them, so the
    // action that follows meets the phase the round is really in.
    const handle = this.temporal.workflow.getHandle(workflowId);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && round.nominationClosesAt.getTime() <= Date.now()) {
      const state = await handle.query(roundSummaryQuery).catch(() => null);
      if (state && state.phase !== 'nominating') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return workflowId;
  }

  /** Sends an Update to the round; the refusals come back as 403/400/409/422 with the round's words. */
  async update<Ret, Arg>(round: RoundEntity, def: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Ret> {
    const workflowId = await this.ensure(round);
    try {
      return await runUpdate(this.temporal.workflow.getHandle(workflowId), def, arg);
    } catch (err) {
      if (workflowFinished(err)) throw new ConflictException(`the ${round.year} round is closed; nothing more can be decided in it`);
      throw toHttpError(err);
    }
  }

  /** Where the round stands by its workflow (the entries are in `round_entries`), or null when it has none (yet). */
  async summary(round: RoundEntity): Promise<RoundSummaryV1 | null> {
    if (!round.workflowId) return null;
    return this.temporal.workflow
      .getHandle(round.workflowId)
      .query(roundSummaryQuery)
      .catch(() => null);
  }
}
