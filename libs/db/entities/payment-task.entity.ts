import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/** bigint comes back from pg as a string; amounts stay well inside 2^53 fen, so a number is exact. */
const fen = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** One payment finance must make. Exactly one row per (candidate, kind, instalment). */
@Entity('payment_tasks')
@Unique('payment_tasks_once', ['candidateId', 'kind', 'instalment'])
export class PaymentTaskEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'candidate_id' }) candidateId!: string;
  @Column('text') kind!: 'bonus' | 'subsidy' | 'studio_grant';
  @Column('integer') instalment!: number;
  @Column('bigint', { name: 'amount_fen', transformer: fen }) amountFen!: number;
  @Column('date', { name: 'due_on' }) dueOn!: string;
  @Column('text') status!: 'open' | 'paid';
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt!: Date | null;
  @Column('text', { name: 'paid_by', nullable: true }) paidBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
