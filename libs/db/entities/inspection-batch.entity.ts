import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Candidates the inspection team visits together (人选考察, in batches). */
@Entity('inspection_batches')
export class InspectionBatchEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'round_id', nullable: true }) roundId!: string | null;
  @Column('text') name!: string;
  @Column('date', { name: 'planned_on' }) plannedOn!: string;
  @Column('jsonb') members!: string[];
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
