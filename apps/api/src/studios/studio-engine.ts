import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { STUDIO_WORKFLOW, studioStateQuery, type StudioInputV1, type StudioStateV1 } from '../../../../libs/contract';
import type { StudioEntity } from '../../../../libs/db';
import { runUpdate } from '../common/engine-update';
import { engine, toHttpError, workflowFinished } from '../common/temporal-errors';
import { TEMPORAL_CLIENT } from '../common/temporal.module';

/** The API's side of the studio workflow (`studio-<id>`): starts it, sends it Updates, reads its state. */
@Injectable()
export class StudioEngine {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(workflowId: string, input: StudioInputV1): Promise<void> {
    await engine(() => this.temporal.workflow.start(STUDIO_WORKFLOW, { workflowId, taskQueue: this.config.temporal.taskQueue, args: [input] }));
  }

  /** An Update on the studio; its refusals come back as 403/400/409 with the workflow's words. */
  async update<Arg>(studio: StudioEntity, def: UpdateDefinition<StudioStateV1, [Arg]>, arg: Arg): Promise<StudioStateV1> {
    try {
      return await runUpdate(this.temporal.workflow.getHandle(studio.workflowId), def, arg);
    } catch (err) {
      // The run ends at the grant or the closure: nothing more can be decided in it.
      if (workflowFinished(err)) throw new ConflictException(`the studio application is ${studio.status}; nothing more can be decided in it`);
      throw toHttpError(err);
    }
  }

  /**
   * Where the studio stands: the row once its run has ended (its last report is its final state), else
   * the workflow itself, since the row trails it by a moment; the row when the engine does not answer.
   */
  async state(studio: StudioEntity): Promise<StudioStateV1 | null> {
    if (studio.state && (studio.state.grant || studio.state.closure)) return studio.state;
    const live = await this.temporal.workflow
      .getHandle(studio.workflowId)
      .query(studioStateQuery)
      .catch(() => null);
    return live ?? studio.state;
  }
}
