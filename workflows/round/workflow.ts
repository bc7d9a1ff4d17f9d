import { allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { RoundActivities } from '../../activities/round.activities';
import {
  approvalUpdate,
  ceremonyUpdate,
  changePhaseUpdate,
  fileClosedSignal,
  fileObjectionUpdate,
  formalListUpdate,
  formalListV2Update,
  freezeReReviewListUpdate,
  openVotingUpdate,
  refuseApproval,
  refuseCeremony,
  refuseFormalList,
  refuseFormalListV2,
  refuseObjection,
  refuseOpenVoting,
  refusePhaseChange,
  refuseReReviewList,
  refuseResolution,
  refuseStartNotice,
  resolveObjectionUpdate,
  packState,
  roundSummary,
  roundSummaryQuery,
  startNoticeUpdate,
  type ApprovalV1,
  type CeremonyV1,
  type FormalListV1,
  type FormalListV2,
  type ObjectionFiledV1,
  type ObjectionResolutionV1,
  type OpenVotingV1,
  type PhaseChangeV1,
  type ReReviewListV1,
  type RoundInputV1,
  type StartNoticeV1,
  type RoundSummaryV1,
} from '../../libs/contract';
import { now } from '../activity-proxies';
import { validate } from '../validate';
import { AnnualRound } from './annual-round';

const activities = proxyActivities<RoundActivities>({
  startToCloseTimeout: '1 minute',
  // A batch of signals heartbeats: a worker that dies mid-batch is noticed quickly and the batch resumes.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1s', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * A run whose history has passed this size continues as new at its next pause between steps, beside
 * Temporal's own suggestion (at 4 MB). The round can only continue between steps, and one step of a
 * 10,000 round adds up to ~1.8 MB: left to the suggestion, runs reached 5-6 MB (one stalled on the
 * test server). At 1 MB the largest run of a 10,000 round measured 3.7 MB, with the formal list
 * sent on the heels of the vote's close; ~2.2 MB when people take their time.
 */
const CONTINUE_AT_BYTES = 1_000_000;

/**
 * One annual round (`round-<year>`), owning the cohort's decisions from the close of nominations to
 * the ceremony. People act on it through Updates with validators; its decisions reach the files
 * through activities, in batches. It continues as new when Temporal suggests it, carrying its state
 * packed; the reasons and the per-candidate detail are in the database, so whatever the cohort's
 * size no message it sends or answers comes near Temporal's 2 MB limit.
 */
export async function roundWorkflow(input: RoundInputV1): Promise<RoundSummaryV1> {
  // The activity proxy is a Proxy: its functions are named one by one (spreading it copies nothing).
  const { syncRound, openCandidates, saveEntries, votesByCandidate, saveObjectionResolution, notifyCohort } = activities;
  const round = new AnnualRound(input, { syncRound, openCandidates, saveEntries, votesByCandidate, saveObjectionResolution, notifyCohort, now });
  const s = round.state;
  const at = () => Date.now();

  setHandler(roundSummaryQuery, () => roundSummary(s));
  setHandler(changePhaseUpdate, (req) => round.changePhase(req), { validator: validate((req: PhaseChangeV1) => refusePhaseChange(s, req, at())) });
  setHandler(freezeReReviewListUpdate, (req) => round.freezeReReviewList(req), { validator: validate((req: ReReviewListV1) => refuseReReviewList(s, req)) });
  setHandler(openVotingUpdate, (req) => round.openVoting(req), { validator: validate((req: OpenVotingV1) => refuseOpenVoting(s, req, at())) });
  setHandler(formalListUpdate, (req) => round.formalList(req), { validator: validate((req: FormalListV1) => refuseFormalList(s, req)) });
  setHandler(formalListV2Update, (req) => round.formalListV2(req), { validator: validate((req: FormalListV2) => refuseFormalListV2(s, req)) });
  setHandler(startNoticeUpdate, (req) => round.startNotice(req), { validator: validate((req: StartNoticeV1) => refuseStartNotice(s, req)) });
  setHandler(fileObjectionUpdate, (req) => round.fileObjection(req), { validator: validate((req: ObjectionFiledV1) => refuseObjection(s, req, at())) });
  setHandler(resolveObjectionUpdate, (req) => round.resolveObjection(req), { validator: validate((req: ObjectionResolutionV1) => refuseResolution(s, req)) });
  setHandler(approvalUpdate, (req) => round.approve(req), { validator: validate((req: ApprovalV1) => refuseApproval(s, req)) });
  setHandler(ceremonyUpdate, (req) => round.ceremony(req), { validator: validate((req: CeremonyV1) => refuseCeremony(s, req)) });
  setHandler(fileClosedSignal, (req) => round.fileClosed(req));

  // Runs recorded before the size rule would continue at other points: they keep Temporal's suggestion only.
  const longEnough = () => workflowInfo().continueAsNewSuggested || (workflowInfo().historySize > CONTINUE_AT_BYTES && patched('round-continues-at-1mb'));
  const outcome = await round.run(longEnough);
  // An Update accepted as the loop ended may still be running, or have decided something to send.
  while (!(allHandlersFinished() && round.idle())) {
    await condition(() => allHandlersFinished() || !round.idle());
    if (!round.idle()) await round.drain();
  }
  if (outcome === 'closed') return roundSummary(s);
  return continueAsNew<typeof roundWorkflow>({ ...input, state: packState(s) });
}
