import { approveVerdict, confirmVerdict, failureVerdict, reissueVerdict, type InstructionState } from '../../libs/domain/payment-instruction';

const base: InstructionState = { id: 't-1', status: 'due', approvedBy: null, reference: null, paidOn: null, failureReason: null, reissueReason: null };
const at = (over: Partial<InstructionState>): InstructionState => ({ ...base, ...over });
const approved = at({ status: 'approved', approvedBy: 'clerk-a' });
const paid = at({ status: 'paid', approvedBy: 'clerk-a', reference: 'BANK-1', paidOn: '2017-05-12' });
const failed = at({ status: 'failed', approvedBy: 'clerk-a', failureReason: '账户已销户' });

/** Finance's steps on an instruction: what applies, what is the same step again, and what is refused and why. */
describe('payment instruction steps', () => {
  it('approves a due instruction; the same clerk again changes nothing; another clerk or a later status is refused', () => {
    expect(approveVerdict(base, 'clerk-a')).toEqual({ kind: 'apply' });
    expect(approveVerdict(approved, 'clerk-a')).toEqual({ kind: 'unchanged' });
    expect(approveVerdict(approved, 'clerk-b')).toMatchObject({ kind: 'refused', code: 'conflict', message: expect.stringMatching(/already approved by clerk-a/) });
    expect(approveVerdict(paid, 'clerk-a')).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already paid \(reference 'BANK-1', 2017-05-12\)/) });
    expect(approveVerdict(at({ status: 'cancelled' }), 'clerk-a')).toMatchObject({ message: expect.stringMatching(/is cancelled/) });
  });

  it('lets another clerk than the approver record the payment, once', () => {
    const payment = { reference: 'BANK-1', paidOn: '2017-05-12' };
    expect(confirmVerdict(approved, payment, 'clerk-b')).toEqual({ kind: 'apply' });
    expect(confirmVerdict(approved, payment, 'clerk-a')).toMatchObject({ code: 'four_eyes', message: expect.stringMatching(/^four eyes/) });
    expect(confirmVerdict(paid, payment, 'clerk-b')).toEqual({ kind: 'unchanged' });
    expect(confirmVerdict(paid, { ...payment, reference: 'BANK-2' }, 'clerk-b')).toMatchObject({ code: 'conflict' });
    expect(confirmVerdict(paid, { ...payment, paidOn: '2017-05-13' }, 'clerk-c')).toMatchObject({ code: 'conflict' });
    expect(confirmVerdict(base, payment, 'clerk-b')).toMatchObject({ code: 'conflict', message: expect.stringMatching(/not approved yet/) });
    expect(confirmVerdict(at({ ...failed, status: 'reissued' }), payment, 'clerk-a')).toMatchObject({ code: 'conflict', message: expect.stringMatching(/reissued/) });
  });

  it('records a failure only of an approved instruction, and reissues only a failed one', () => {
    expect(failureVerdict(approved, '账户已销户')).toEqual({ kind: 'apply' });
    expect(failureVerdict(failed, '账户已销户')).toEqual({ kind: 'unchanged' });
    expect(failureVerdict(failed, '户名不符')).toMatchObject({ code: 'conflict' });
    expect(failureVerdict(base, 'x')).toMatchObject({ code: 'conflict' });
    expect(failureVerdict(paid, 'x')).toMatchObject({ code: 'conflict' });
    expect(reissueVerdict(failed, '新账户')).toEqual({ kind: 'apply' });
    expect(reissueVerdict(at({ ...failed, status: 'reissued', reissueReason: '新账户' }), '新账户')).toEqual({ kind: 'unchanged' });
    expect(reissueVerdict(at({ ...failed, status: 'reissued', reissueReason: '新账户' }), '别的')).toMatchObject({ code: 'conflict' });
    expect(reissueVerdict(approved, 'x')).toMatchObject({ code: 'conflict' });
  });
});
