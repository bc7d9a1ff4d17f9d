import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** What an apprenticeship led to: a skill level reached, a competition placing, a note. */
export interface ApprenticeOutcome {
  skillLevel?: string;
  competition?: { name: string; year: number; placing: number };
  note?: string;
}

/** One apprentice of a studio's "1+N" mentoring (名师带徒): a person, so kept here and never in a workflow. */
@Entity('studio_apprentices')
export class StudioApprenticeEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'studio_id' }) studioId!: string;
  @Column('text') name!: string;
  @Column('date', { name: 'start_on' }) startOn!: string;
  @Column('date', { name: 'end_on', nullable: true }) endOn!: string | null;
  @Column('jsonb', { nullable: true }) outcome!: ApprenticeOutcome | null;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('text', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at', nullable: true }) updatedAt!: Date | null;
}
