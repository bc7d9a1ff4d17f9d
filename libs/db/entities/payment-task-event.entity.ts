import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const INSTRUCTION_STEPS = ['approved', 'paid', 'failed', 'reissued', 'created', 'cancelled', 'restored', 'recovery_flagged', 'recovery_cleared'] as const;
export type InstructionStep = (typeof INSTRUCTION_STEPS)[number];

/** One step on a payment instruction: who, when, why. Appended, never changed. */
@Entity('payment_task_events')
export class PaymentTaskEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'task_id' }) taskId!: string;
  @Column('text') step!: InstructionStep;
  @Column('text') actor!: string;
  @Column('timestamptz') at!: Date;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('jsonb', { nullable: true }) detail!: Record<string, unknown> | null;
}
