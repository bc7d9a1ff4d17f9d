import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reminder (2 days before a stage is due) or an escalation (overdue) raised by a workflow timer. */
@Entity('stage_alerts')
export class StageAlertEntity {
  @PrimaryColumn('uuid', { name: 'candidate_id' }) candidateId!: string;
  @PrimaryColumn('text') stage!: string;
  @PrimaryColumn('text') kind!: 'reminder' | 'escalation';
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'raised_at' }) raisedAt!: Date;
}
