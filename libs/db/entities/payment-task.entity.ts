import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PaymentKind } from '../../contract';

/** bigint comes back from pg as a string; amounts stay well inside 2^53 fen, so a number is exact. */
const fen = { to: (v: number) => v, from: (v: string | number) => Number(v) };

export const INSTRUCTION_STATUSES = ['due', 'approved', 'paid', 'failed', 'reissued', 'cancelled'] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];

/**
 * One attempt at a payment finance must make (a payment instruction). Attempt 1 is created once per
 * (payee, kind, instalment) by the payment schedule; a failed attempt may be reissued as the next.
 * The migration's constraints keep one paid and one live attempt per instalment, and the approver
 * never the payer.
 */
@Entity('payment_tasks')
export class PaymentTaskEntity {
  @PrimaryColumn('uuid') id!: string;
  /** The master; for a studio grant, the master the studio is named after. */
  @Column('uuid', { name: 'candidate_id' }) candidateId!: string;
  /** Set when the payee is a studio (a studio grant); null when it is the master. */
  @Column('uuid', { name: 'studio_id', nullable: true }) studioId!: string | null;
  @Column('text') kind!: PaymentKind;
  @Column('integer') instalment!: number;
  @Column('integer') attempt!: number;
  @Column('bigint', { name: 'amount_fen', transformer: fen }) amountFen!: number;
  @Column('date', { name: 'due_on' }) dueOn!: string;
  @Column('text') status!: InstructionStatus;
  @Column('text', { name: 'approved_by', nullable: true }) approvedBy!: string | null;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt!: Date | null;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('date', { name: 'paid_on', nullable: true }) paidOn!: string | null;
  /** When the payment was recorded (paidOn is the bank's date). */
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt!: Date | null;
  @Column('text', { name: 'paid_by', nullable: true }) paidBy!: string | null;
  @Column('text', { name: 'failed_by', nullable: true }) failedBy!: string | null;
  @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt!: Date | null;
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason!: string | null;
  @Column('text', { name: 'reissued_by', nullable: true }) reissuedBy!: string | null;
  @Column('timestamptz', { name: 'reissued_at', nullable: true }) reissuedAt!: Date | null;
  @Column('text', { name: 'reissue_reason', nullable: true }) reissueReason!: string | null;
  @Column('text', { name: 'cancelled_by', nullable: true }) cancelledBy!: string | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason!: string | null;
  /** The status a cancellation interrupted, so reversing it knows where the instruction stood. */
  @Column('text', { name: 'cancelled_from', nullable: true }) cancelledFrom!: 'due' | 'approved' | 'failed' | null;
  /** Paid for a month after the master left: to be recovered (追回). */
  @Column('boolean') recovery!: boolean;
  @Column('text', { name: 'recovery_by', nullable: true }) recoveryBy!: string | null;
  @Column('timestamptz', { name: 'recovery_at', nullable: true }) recoveryAt!: Date | null;
  @Column('text', { name: 'recovery_reason', nullable: true }) recoveryReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
