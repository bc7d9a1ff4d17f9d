import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { approve, closeRounds, createRound, idNumber, mobileNumber, openDb } from './review-helpers';
import { act, freezeList, runNotice, runVote } from './round-driver';
import { client, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from './service';

export interface MasterStack {
  api: Awaited<ReturnType<typeof startApi>>;
  worker: INestApplicationContext;
  http: ReturnType<typeof client>;
  db: DataSource;
  /** Rounds the tests created, closed after the suite. */
  roundIds: string[];
}

/** A worker and the API on a task queue of their own, and a connection to the database, for the enclosing describe. */
export function masterStack(env: NodeJS.ProcessEnv): MasterStack {
  const stack = { roundIds: [] as string[] } as MasterStack;
  beforeAll(async () => {
    stack.worker = await startWorker(env);
    stack.api = await startApi(env);
    stack.http = client(stack.api.url);
    stack.db = await openDb();
  });
  afterAll(async () => {
    await closeRounds(stack.db, stack.roundIds);
    await stack.db?.destroy();
    await stack.api?.close();
    await stack.worker?.close();
  });
  return stack;
}

/**
 * A round of one candidate walked through the HTTP API to the government's approval; the ceremony is the caller's.
 * `form` overrides fields of the nomination (another channel skips the sub-district union's endorsement).
 */
export async function approvedMaster(stack: MasterStack, form: Record<string, unknown> = {}): Promise<{ roundId: string; candidateId: string }> {
  const { http } = stack;
  const { roundId } = await createRound(http);
  stack.roundIds.push(roundId);
  const created = await http.post('/nominations', nomination({ roundId, idNumber: idNumber(), mobile: mobileNumber(), ...form }), token('nominator'));
  expect(created.status).toBe(201);
  const { candidateId } = created.body;
  if ((form.channel ?? 'organisational') === 'organisational') await approve(http, candidateId, 'endorsement');
  await approve(http, candidateId, 'qualification');
  await approve(http, candidateId, 'inspection', { visit: VISIT });
  await scoreThroughApi(http, candidateId);
  expect(await freezeList(http, roundId)).toEqual([candidateId]);
  await runVote(http, roundId);
  await act(http, `/rounds/${roundId}/formal-list`, { selected: [{ candidateId, reason: 'selected' }], leftOut: [] }, 'leadership');
  await runNotice(http, roundId);
  await act(http, `/rounds/${roundId}/approval`, { approved: [candidateId], notApproved: [] }, 'government');
  return { roundId, candidateId };
}
