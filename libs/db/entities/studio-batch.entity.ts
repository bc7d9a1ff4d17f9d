import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The leadership group's decision on a batch, as the API recorded it before telling each studio. */
export interface StudioBatchApproval {
  approvalId: string;
  approved: string[];
  notApproved: Array<{ studioId: string; reason: string }>;
}

/** A batch of demonstration studios (every two years): its application window and creation standard (创建标准). */
@Entity('studio_batches')
export class StudioBatchEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('integer') year!: number;
  @Column('timestamptz', { name: 'opens_at' }) opensAt!: Date;
  @Column('timestamptz', { name: 'closes_at' }) closesAt!: Date;
  @Column('jsonb') criteria!: string[];
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('jsonb', { nullable: true }) approval!: StudioBatchApproval | null;
  @Column('text', { name: 'approved_by', nullable: true }) approvedBy!: string | null;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt!: Date | null;
}
