import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An expert whose employer matched or resembled the candidate's when the panel was seated, and what
 * was done: recused automatically (same employer), or recused or kept on the office's confirmation
 * (a near match), with its note. The auditor's record of why each expert sat or stood aside.
 */
@Entity('panel_employer_checks')
export class PanelEmployerCheckEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'candidate_id' }) candidateId!: string;
  @Column('text', { name: 'expert_user_id' }) expertUserId!: string;
  @Column('text', { name: 'expert_employer' }) expertEmployer!: string;
  @Column('text', { name: 'candidate_employer' }) candidateEmployer!: string;
  @Column('text') match!: 'same' | 'near';
  @Column('text') why!: string;
  @Column('real') similarity!: number;
  @Column('text') outcome!: 'recused' | 'kept';
  /** True for a same-employer recusal, false for a near match the office confirmed. */
  @Column('boolean') automatic!: boolean;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text', { name: 'decided_by' }) decidedBy!: string;
  @Column('timestamptz', { default: () => 'now()' }) at!: Date;
}
