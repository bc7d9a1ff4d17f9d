import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { StudioStateV1, StudioStatus } from '../../contract';

/**
 * A studio application as filed, and where its workflow says it stands (`status`, `state`, `namedOn`,
 * `grantTaskId`, written by the workflow in order of `seq`).
 */
@Entity('studios')
export class StudioEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'batch_id' }) batchId!: string;
  /** The named master (a candidate id) the studio is named after. */
  @Column('uuid', { name: 'master_id' }) masterId!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'host_unit' }) hostUnit!: string;
  @Column('text') premises!: string;
  @Column('text') trade!: string;
  @Column('text') plan!: string;
  @Column('text', { name: 'submitted_by' }) submittedBy!: string;
  @Column('text', { name: 'submitted_role' }) submittedRole!: string;
  @Column('text', { name: 'submitted_issuer', nullable: true }) submittedIssuer!: string | null;
  @Column('text', { name: 'workflow_id' }) workflowId!: string;
  @Column('text') status!: StudioStatus;
  @Column('integer') seq!: number;
  @Column('jsonb', { nullable: true }) state!: StudioStateV1 | null;
  @Column('date', { name: 'named_on', nullable: true }) namedOn!: string | null;
  @Column('uuid', { name: 'grant_task_id', nullable: true }) grantTaskId!: string | null;
  /** The host unit's account (依托单位) the grant is paid to, recorded by the office; the number sealed. */
  @Column('text', { name: 'bank_name', nullable: true }) bankName!: string | null;
  @Column('text', { name: 'bank_account_cipher', nullable: true }) bankAccountCipher!: string | null;
  @Column('text', { name: 'bank_account_name', nullable: true }) bankAccountName!: string | null;
  @Column('text', { name: 'bank_account_by', nullable: true }) bankAccountBy!: string | null;
  @Column('timestamptz', { name: 'bank_account_at', nullable: true }) bankAccountAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
