import { shanghaiDate } from '../../libs/contract/calendar';
import { approve, idNumber, mobileNumber } from './review-helpers';
import { eventually, nomination, scoreThroughApi, token, VISIT, type client } from './service';

type Http = ReturnType<typeof client>;

/** The round's view as the API shows it. */
export async function roundOf(http: Http, roundId: string) {
  const res = await http.get(`/rounds/${roundId}`, token('auditor'));
  if (res.status !== 200) throw new Error(`GET /rounds/${roundId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits until the round's projection shows the phase. */
export function untilPhase(http: Http, roundId: string, phase: string, timeoutMs = 30_000) {
  return eventually(
    () => roundOf(http, roundId),
    (r) => r.phase === phase,
    timeoutMs,
  );
}

/** An action that must be accepted. */
export async function act(http: Http, path: string, body: unknown, role: 'union_office' | 'leadership' | 'government' = 'union_office') {
  const res = await http.post(path, body, token(role));
  if (res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A self-nomination in the round (a fresh ID number and mobile); the file's id. */
export async function nominateInRound(http: Http, roundId: string, name: string): Promise<string> {
  const res = await http.post('/nominations', nomination({ roundId, channel: 'self', name, idNumber: idNumber(), mobile: mobileNumber() }), token('nominator'));
  if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.candidateId as string;
}

/** Qualification, inspection and a scored expert review (a mark per seated expert): the file then waits for the round. */
export async function reviewForRound(http: Http, candidateId: string, marks: number[]) {
  await approve(http, candidateId, 'qualification');
  await approve(http, candidateId, 'inspection', { visit: VISIT });
  await scoreThroughApi(http, candidateId, marks);
}

/** Ends nominations (the office closes the window) and freezes the re-review list; returns the listed candidates, best first. */
export async function freezeList(http: Http, roundId: string): Promise<string[]> {
  const r = await roundOf(http, roundId);
  if (r.phase === 'nominating' || r.phase === 'upcoming') {
    await act(http, `/rounds/${roundId}/phase`, { action: 'close', reason: 'nominations closed' });
    await untilPhase(http, roundId, 'reviewing');
  }
  await act(http, `/rounds/${roundId}/re-review-list`, { reason: 'expert review done' });
  const ranking = await eventually(
    () => http.get(`/rounds/${roundId}/ranking`, token('auditor')),
    (res) => res.body.ranking.some((l: { outcome?: unknown }) => l.outcome !== undefined),
  );
  return ranking.body.ranking.filter((l: { outcome?: unknown }) => l.outcome !== undefined).map((l: { candidateId: string }) => l.candidateId);
}

/** Opens the vote, lets `vote` cast votes while it is open, and closes it; waits for the leadership review. */
export async function runVote(http: Http, roundId: string, vote: () => Promise<void> = async () => {}) {
  await act(http, `/rounds/${roundId}/voting`, { reason: 'voting opens' });
  await vote();
  await act(http, `/rounds/${roundId}/phase`, { action: 'close', reason: 'voting closed' });
  await untilPhase(http, roundId, 'leadership_review');
}

/** The public notice, started and waited out (3 s in the integration suite). */
export async function runNotice(http: Http, roundId: string, during: () => Promise<void> = async () => {}) {
  await act(http, `/rounds/${roundId}/public-notice`, { reason: 'notice published on the portal' });
  await during();
  await untilPhase(http, roundId, 'government_approval');
}

/** Today in Asia/Shanghai, YYYY-MM-DD. */
export const today = () => shanghaiDate(Date.now());

/**
 * Drives a round whose files have completed expert review to the ceremony, as the office, the
 * leadership group and the government would: freezes the list, opens and closes the vote, selects
 * everyone listed, runs the notice, approves everyone and holds the ceremony today. Returns the
 * candidates commended.
 */
export async function driveRoundToCeremony(http: Http, roundId: string): Promise<string[]> {
  const listed = await freezeList(http, roundId);
  await runVote(http, roundId);
  await act(http, `/rounds/${roundId}/formal-list`, { selected: listed.map((candidateId) => ({ candidateId, reason: 'selected' })), leftOut: [] }, 'leadership');
  await runNotice(http, roundId);
  await act(http, `/rounds/${roundId}/approval`, { approved: listed, notApproved: [] }, 'government');
  await act(http, `/rounds/${roundId}/ceremony`, { date: today(), reason: 'ceremony held' });
  await untilPhase(http, roundId, 'closed');
  return listed;
}
