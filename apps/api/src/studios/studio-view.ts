import type { Actor, StudioStateV1 } from '../../../../libs/contract';
import type { CandidateEntity, StudioApprenticeEntity, StudioBatchEntity, StudioEntity } from '../../../../libs/db';
import type { PiiCipher } from '../../../../libs/security/pii';
import { bankAccountView } from '../candidates/bank-account';

const by = (a: Actor) => ({ userId: a.userId, role: a.role });

export function apprenticeView(a: StudioApprenticeEntity) {
  return { id: a.id, name: a.name, startOn: a.startOn, endOn: a.endOn, outcome: a.outcome, updatedAt: a.updatedAt?.toISOString() ?? null };
}

/**
 * A studio as every role that may see it sees it, for `GET /studios/:id` and the reply to every action
 * on it: the application as filed, the master, where its workflow has it, the grant's instruction
 * (with the status finance has it at), the account it is paid to (the host unit's, masked) and the apprentices.
 */
export function studioView(
  studio: StudioEntity,
  state: StudioStateV1 | null,
  ctx: { master: CandidateEntity; batch: StudioBatchEntity; apprentices: StudioApprenticeEntity[]; grantStatus: string | null; pii: PiiCipher },
) {
  const { master, batch, apprentices, grantStatus, pii } = ctx;
  return {
    id: studio.id,
    batch: { id: batch.id, year: batch.year },
    name: studio.name,
    hostUnit: studio.hostUnit,
    premises: studio.premises,
    trade: studio.trade,
    plan: studio.plan,
    master: { id: master.id, name: master.name, trade: master.trade, employer: master.employer },
    submittedBy: { userId: studio.submittedBy, role: studio.submittedRole },
    appliedAt: studio.createdAt.toISOString(),
    status: state?.status ?? studio.status,
    screenings: (state?.screenings ?? []).map((s) => ({ outcome: s.outcome, criteria: s.criteria, reason: s.reason, by: by(s.actor), at: s.at })),
    resubmissions: (state?.resubmissions ?? []).map((r) => ({ note: r.note, by: by(r.actor), at: r.at })),
    approval: state?.approval ? { approved: state.approval.approved, reason: state.approval.reason, by: by(state.approval.actor), at: state.approval.at } : null,
    namedOn: state?.namedOn ?? null,
    grant: state?.grant ? { ...state.grant, status: grantStatus } : null,
    bankAccount: bankAccountView(studio, pii),
    closure: state?.closure ? { kind: state.closure.kind, reason: state.closure.reason, by: by(state.closure.actor), at: state.closure.at } : null,
    apprentices: apprentices.map(apprenticeView),
  };
}

export type StudioView = ReturnType<typeof studioView>;

export function batchView(batch: StudioBatchEntity, studios: Array<{ id: string; name: string; masterId: string; status: string; namedOn: string | null }>) {
  const now = Date.now();
  return {
    id: batch.id,
    year: batch.year,
    opensAt: batch.opensAt.toISOString(),
    closesAt: batch.closesAt.toISOString(),
    open: batch.opensAt.getTime() <= now && now < batch.closesAt.getTime(),
    criteria: batch.criteria,
    approval: batch.approval ? { ...batch.approval, by: batch.approvedBy, at: batch.approvedAt?.toISOString() ?? null } : null,
    studios,
  };
}
