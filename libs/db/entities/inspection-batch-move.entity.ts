import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change of a candidate's inspection batch: put into a batch (`fromBatchId` null) or moved from
 * one batch to another. Never updated or deleted, so an auditor can follow who moved what, when.
 */
@Entity('inspection_batch_moves')
export class InspectionBatchMoveEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'candidate_id' }) candidateId!: string;
  @Column('uuid', { name: 'from_batch_id', nullable: true }) fromBatchId!: string | null;
  @Column('uuid', { name: 'to_batch_id' }) toBatchId!: string;
  @Column('text', { name: 'moved_by' }) movedBy!: string;
  @Column('text') role!: string;
  @Column('timestamptz', { default: () => 'now()' }) at!: Date;
}
