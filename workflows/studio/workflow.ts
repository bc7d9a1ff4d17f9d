import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import {
  decideStudioUpdate,
  resubmitStudioUpdate,
  screenStudioUpdate,
  studioStateQuery,
  withdrawStudioUpdate,
  type StudioInputV1,
  type StudioStateV1,
} from '../../libs/contract';
import { now, studios } from '../activity-proxies';
import { validate } from '../validate';
import { Studio } from './studio';

/**
 * A demonstration studio (workflow ID `studio-<id>`): its application screened against the batch's
 * creation standard, returned or withdrawn on the way, approved or not with its batch by the
 * leadership group, then named and its grant instructed. A run lasts one batch (about a year) and
 * ends at the grant or the closure; its apprentices are kept in PostgreSQL, not here.
 */
export async function studioWorkflow(input: StudioInputV1): Promise<StudioStateV1> {
  const studio = new Studio(input, { now, syncStudio: studios.syncStudio, createStudioGrant: studios.createStudioGrant });

  setHandler(studioStateQuery, () => studio.state);
  setHandler(screenStudioUpdate, (req) => studio.screen(req), { validator: validate(studio.refuseScreening.bind(studio)) });
  setHandler(resubmitStudioUpdate, (req) => studio.resubmit(req), { validator: validate(studio.refuseResubmission.bind(studio)) });
  setHandler(withdrawStudioUpdate, (req) => studio.withdraw(req), { validator: validate(studio.refuseWithdrawal.bind(studio)) });
  setHandler(decideStudioUpdate, (req) => studio.decide(req), { validator: validate(studio.refuseApproval.bind(studio)) });

  const state = await studio.run();
  // Nothing may be lost at the end: every change written, every Update answered.
  await condition(() => studio.flushed() && allHandlersFinished());
  return state;
}
