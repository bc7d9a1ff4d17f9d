import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every version of a file as submitted; a resubmission adds one, none is overwritten. */
@Entity('candidate_versions')
export class CandidateVersionEntity {
  @PrimaryColumn('uuid', { name: 'candidate_id' }) candidateId!: string;
  @PrimaryColumn('integer') version!: number;
  /** The form as submitted, sensitive fields sealed. */
  @Column('jsonb') form!: Record<string, any>;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
