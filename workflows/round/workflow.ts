import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { RoundActivities } from '../../activities/round.activities';
import {
  approvalUpdate,
  ceremonyUpdate,
  changePhaseUpdate,
  fileClosedSignal,
  fileObjectionUpdate,
  formalListUpdate,
  freezeReReviewListUpdate,
  openVotingUpdate,
  refuseApproval,
  refuseCeremony,
  refuseFormalList,
  refuseObjection,
  refuseOpenVoting,
  refusePhaseChange,
  refuseReReviewList,
  refuseResolution,
  refuseStartNotice,
  resolveObjectionUpdate,
  roundStateQuery,
  startNoticeUpdate,
  type ApprovalV1,
  type CeremonyV1,
  type FormalListV1,
  type ObjectionFiledV1,
  type ObjectionResolutionV1,
  type OpenVotingV1,
  type PhaseChangeV1,
  type ReReviewListV1,
  type RoundInputV1,
  type StartNoticeV1,
  type RoundStateV1,
} from '../../libs/contract';
import { now } from '../activities';
import { validate } from '../validate';
import { AnnualRound } from './annual-round';

const activities = proxyActivities<RoundActivities>({
  startToCloseTimeout: '1 minute',
  // A batch of signals heartbeats: a worker that dies mid-batch is noticed quickly and the batch resumes.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1s', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * One annual round (`round-<year>`), owning the cohort's decisions from the close of nominations to
 * the ceremony. People act on it through Updates with validators; its decisions reach the files
 * through activities, in batches. It continues as new when Temporal suggests it, carrying its state.
 */
export async function roundWorkflow(input: RoundInputV1): Promise<RoundStateV1> {
  // Named one by one: the activities object is a proxy, and spreading a proxy copies nothing.
  const { syncRound, openCandidates, saveEntries, votesByCandidate, saveObjectionResolution, notifyCohort } = activities;
  const round = new AnnualRound(input, { syncRound, openCandidates, saveEntries, votesByCandidate, saveObjectionResolution, notifyCohort, now });
  const s = round.state;
  const at = () => Date.now();

  setHandler(roundStateQuery, () => s);
  setHandler(changePhaseUpdate, (req) => round.changePhase(req), { validator: validate((req: PhaseChangeV1) => refusePhaseChange(s, req, at())) });
  setHandler(freezeReReviewListUpdate, (req) => round.freezeReReviewList(req), { validator: validate((req: ReReviewListV1) => refuseReReviewList(s, req)) });
  setHandler(openVotingUpdate, (req) => round.openVoting(req), { validator: validate((req: OpenVotingV1) => refuseOpenVoting(s, req, at())) });
  setHandler(formalListUpdate, (req) => round.formalList(req), { validator: validate((req: FormalListV1) => refuseFormalList(s, req)) });
  setHandler(startNoticeUpdate, (req) => round.startNotice(req), { validator: validate((req: StartNoticeV1) => refuseStartNotice(s, req)) });
  setHandler(fileObjectionUpdate, (req) => round.fileObjection(req), { validator: validate((req: ObjectionFiledV1) => refuseObjection(s, req, at())) });
  setHandler(resolveObjectionUpdate, (req) => round.resolveObjection(req), { validator: validate((req: ObjectionResolutionV1) => refuseResolution(s, req)) });
  setHandler(approvalUpdate, (req) => round.approve(req), { validator: validate((req: ApprovalV1) => refuseApproval(s, req)) });
  setHandler(ceremonyUpdate, (req) => round.ceremony(req), { validator: validate((req: CeremonyV1) => refuseCeremony(s, req)) });
  setHandler(fileClosedSignal, (req) => round.fileClosed(req));

  const outcome = await round.run(() => workflowInfo().continueAsNewSuggested);
  await condition(() => allHandlersFinished() && round.idle());
  if (outcome === 'closed') return s;
  return continueAsNew<typeof roundWorkflow>({ ...input, state: s });
}
