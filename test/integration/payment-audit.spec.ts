import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../libs/contract';
import { approvedMaster, masterStack } from '../support/master-stack';
import { act } from '../support/round-driver';
import { eventually, token } from '../support/service';

jest.setTimeout(180_000);

const DAY = 864e5;

interface Instruction {
  id: string;
  kind: string;
  instalment: number;
  amountFen: number;
  dueOn: string;
}
interface ExportedRow {
  action: string;
  actor: { issuer: string | null; userId: string | null; role: string | null };
  objectType: string | null;
  objectId: string | null;
  candidateId: string | null;
  roundId: string | null;
  detail: Record<string, unknown>;
}

/**
 * The payment schedule's instructions in the audit trail: each one the worker creates is appended in
 * the insert's own transaction, so it is in the candidate's and the round's export exactly once
 * (the fault tests prove once under retries), with ids and the amount in fen, and the chain verifies.
 */
describe('payment instructions in the audit trail (real worker, Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-payment-audit-${randomUUID()}` };
  const stack = masterStack(env);
  const auditor = token('auditor');

  it("appends the bonus and each subsidy instruction the schedule creates, once each, to the candidate's and the round's export", async () => {
    const { roundId, candidateId } = await approvedMaster(stack);
    // The ceremony recorded late: the bonus and the instalments already due are created at once.
    await act(stack.http, `/rounds/${roundId}/ceremony`, { date: shanghaiDate(Date.now() - 70 * DAY), reason: '表彰大会 (recorded late)' });

    const created = (rows: ExportedRow[]) => rows.filter((r) => r.action === 'payment.instruction_created');
    const read = async () => {
      const tasks = (await stack.http.get(`/finance/tasks?candidateId=${candidateId}`, token('finance'))).body.items as Instruction[];
      const exported = await stack.http.get(`/audit/export?candidateId=${candidateId}`, auditor);
      expect(exported.status).toBe(200);
      return { tasks, rows: created(exported.body as ExportedRow[]) };
    };
    // Read until the instructions made so far and their records agree (a record commits with its instruction).
    const { tasks, rows } = await eventually(read, ({ tasks, rows }) => tasks.length >= 2 && rows.length === tasks.length, 60_000);
    expect(tasks.map((t) => t.kind)).toEqual(expect.arrayContaining(['bonus', 'subsidy']));
    expect(new Set(rows.map((r) => r.objectId)).size).toBe(rows.length);
    expect([...rows].sort((a, b) => a.objectId!.localeCompare(b.objectId!))).toEqual(
      [...tasks]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((t) =>
          expect.objectContaining({
            actor: { issuer: 'system', userId: 'payment-schedule', role: 'system' },
            objectType: 'payment',
            objectId: t.id,
            candidateId,
            roundId,
            detail: { kind: t.kind, instalment: t.instalment, attempt: 1, amountFen: t.amountFen, dueOn: t.dueOn },
          }),
        ),
    );
    expect(rows.find((r) => r.detail.kind === 'bonus')!.detail.amountFen).toBe(2_000_000);

    // The round's export holds them too, and the chain they joined verifies.
    const round = await stack.http.get(`/audit/export?roundId=${roundId}`, auditor);
    expect(created(round.body as ExportedRow[]).map((r) => r.objectId)).toEqual(rows.map((r) => r.objectId));
    const verified = await stack.http.get('/audit/verify', auditor);
    expect(verified.body).toMatchObject({ ok: true, firstBrokenRow: null });
  });
});
