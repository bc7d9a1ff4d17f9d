import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface PanelSeat {
  userId: string;
  status: 'assigned' | 'recused' | 'conflict' | 'scored';
}

/**
 * The workflow's own report of where a candidate stands, written by an activity on each change
 * (`seq` orders the writes). The inbox and the ranking read this instead of querying every workflow.
 */
@Entity('candidate_status')
export class CandidateStatusEntity {
  @PrimaryColumn('uuid', { name: 'candidate_id' }) candidateId!: string;
  @Column('text') stage!: string;
  @Column('text') status!: string;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('integer', { name: 'score_centi', nullable: true }) scoreCenti!: number | null;
  @Column('jsonb') panel!: PanelSeat[];
  @Column('integer') seq!: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
