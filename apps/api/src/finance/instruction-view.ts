import type { ListedInstruction, PaymentTaskEventEntity } from '../../../../libs/db';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What finance, auditors and the office see of an instruction: every step with who and when. Amounts in fen. */
export function instructionView(t: ListedInstruction) {
  return {
    id: t.id,
    candidateId: t.candidateId,
    studioId: t.studioId,
    payeeName: t.payeeName,
    kind: t.kind,
    instalment: t.instalment,
    attempt: t.attempt,
    amountFen: t.amountFen,
    dueOn: t.dueOn,
    status: t.status,
    approvedBy: t.approvedBy,
    approvedAt: iso(t.approvedAt),
    paidBy: t.paidBy,
    paidAt: iso(t.paidAt),
    reference: t.reference,
    paidOn: t.paidOn,
    failedBy: t.failedBy,
    failedAt: iso(t.failedAt),
    failureReason: t.failureReason,
    reissuedBy: t.reissuedBy,
    reissuedAt: iso(t.reissuedAt),
    reissueReason: t.reissueReason,
    cancelledBy: t.cancelledBy,
    cancelledAt: iso(t.cancelledAt),
    cancellationReason: t.cancellationReason,
    recovery: t.recovery,
    recoveryBy: t.recoveryBy,
    recoveryAt: iso(t.recoveryAt),
    recoveryReason: t.recoveryReason,
    createdAt: iso(t.createdAt),
  };
}

export type InstructionView = ReturnType<typeof instructionView>;

export function eventView(e: PaymentTaskEventEntity) {
  return { step: e.step, by: e.actor, at: e.at.toISOString(), reason: e.reason, ...(e.detail && { detail: e.detail }) };
}

/** The list with its count and sum, so a clerk's screen and the bank's total can be compared at a glance. */
export function listView(items: ListedInstruction[]) {
  return {
    items: items.map(instructionView),
    totals: { count: items.length, amountFen: items.reduce((sum, t) => sum + t.amountFen, 0) },
  };
}
