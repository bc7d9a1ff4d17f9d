import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A decision (or other file action) that was refused. Temporal keeps no record of rejected Updates. */
@Entity('refused_decisions')
export class RefusedDecisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'candidate_id', nullable: true }) candidateId!: string | null;
  @Column('text', { name: 'user_id' }) userId!: string;
  @Column('text') role!: string;
  @Column('text') action!: string;
  @Column('jsonb') request!: Record<string, any>;
  @Column('integer', { name: 'http_status' }) httpStatus!: number;
  @Column('text') refusal!: string;
  @Column('timestamptz', { default: () => 'now()' }) at!: Date;
}
