/**
 * Finance's steps on a payment instruction, as pure rules: given where the instruction stands and
 * who asks, whether the step applies, changes nothing (the same request again: a retried click or a
 * lost reply), or is refused and why. The store applies a verdict under a row lock; the database's
 * constraints hold the same rules a second time.
 */
export interface InstructionState {
  id: string;
  status: 'due' | 'approved' | 'paid' | 'failed' | 'reissued' | 'cancelled';
  approvedBy: string | null;
  reference: string | null;
  paidOn: string | null;
  failureReason: string | null;
  reissueReason: string | null;
}

export type Verdict = { kind: 'apply' } | { kind: 'unchanged' } | { kind: 'refused'; code: 'conflict' | 'four_eyes'; message: string };

const APPLY: Verdict = { kind: 'apply' };
const UNCHANGED: Verdict = { kind: 'unchanged' };
const conflict = (message: string): Verdict => ({ kind: 'refused', code: 'conflict', message });

function standing(t: InstructionState): string {
  switch (t.status) {
    case 'paid':
      return `already paid (reference '${t.reference}', ${t.paidOn})`;
    case 'cancelled':
      return 'cancelled';
    case 'reissued':
      return 'failed and reissued as a new attempt';
    default:
      return t.status;
  }
}

/** A clerk checks a due instruction; approving it again is the same step. */
export function approveVerdict(t: InstructionState, by: string): Verdict {
  if (t.status === 'due') return APPLY;
  if (t.status === 'approved') return t.approvedBy === by ? UNCHANGED : conflict(`instruction ${t.id} was already approved by ${t.approvedBy}`);
  return conflict(`instruction ${t.id} is ${standing(t)}; only a due instruction can be approved`);
}

/**
 * Another clerk records the payment of an approved instruction (four eyes: 审核与支付分离). The same
 * reference and date again is the same payment; anything else on a paid instruction would be a second one.
 */
export function confirmVerdict(t: InstructionState, payment: { reference: string; paidOn: string }, by: string): Verdict {
  if (t.status === 'due') return conflict(`instruction ${t.id} is not approved yet: four eyes, one clerk approves and another records the payment`);
  if (t.status !== 'approved' && t.status !== 'paid') return conflict(`instruction ${t.id} is ${standing(t)}; only an approved instruction can be paid`);
  if (t.approvedBy === by) {
    return {
      kind: 'refused',
      code: 'four_eyes',
      message: `four eyes: ${by} approved instruction ${t.id} and may not also record its payment; another finance clerk must`,
    };
  }
  if (t.status === 'approved') return APPLY;
  return t.reference === payment.reference && t.paidOn === payment.paidOn ? UNCHANGED : conflict(`instruction ${t.id} is ${standing(t)}`);
}

/** The bank did not pay an approved instruction (returned it, refused the account). */
export function failureVerdict(t: InstructionState, reason: string): Verdict {
  if (t.status === 'approved') return APPLY;
  if ((t.status === 'failed' || t.status === 'reissued') && t.failureReason === reason) return UNCHANGED;
  if (t.status === 'failed' || t.status === 'reissued') return conflict(`instruction ${t.id} already failed: ${t.failureReason}`);
  return conflict(`instruction ${t.id} is ${standing(t)}; only an approved instruction can fail at the bank`);
}

/** A failed instruction goes out again as the next attempt of the same instalment. */
export function reissueVerdict(t: InstructionState, reason: string): Verdict {
  if (t.status === 'failed') return APPLY;
  if (t.status === 'reissued') return t.reissueReason === reason ? UNCHANGED : conflict(`instruction ${t.id} was already reissued: ${t.reissueReason}`);
  return conflict(`instruction ${t.id} is ${standing(t)}; only a failed instruction can be reissued`);
}
