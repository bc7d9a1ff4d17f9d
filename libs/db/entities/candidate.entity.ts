import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A nomination as filed. Sensitive fields are stored only sealed (`*Cipher`) with a blind index for
 * look-ups; the clear values never reach a log, a workflow or a search attribute.
 */
@Entity('candidates')
export class CandidateEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'round_id', nullable: true }) roundId!: string | null;
  @Column('text') channel!: string;
  @Column('text') name!: string;
  /** Null once the retention sweep erased it (`erasedAt`); the blind index is then `erased:<id>`. */
  @Column('text', { name: 'id_number_cipher', nullable: true }) idNumberCipher!: string | null;
  @Column('text', { name: 'id_number_index' }) idNumberIndex!: string;
  /** Null only for a master imported from paper records without one. */
  @Column('text', { name: 'mobile_cipher', nullable: true }) mobileCipher!: string | null;
  @Column('text') employer!: string;
  @Column('text') industry!: string;
  @Column('text') trade!: string;
  /** Null, with the skill level, only for a master imported from paper records (not on them). */
  @Column('integer', { name: 'years_of_work', nullable: true }) yearsOfWork!: number | null;
  @Column('text', { name: 'skill_level', nullable: true }) skillLevel!: string | null;
  @Column('text', { name: 'submitted_by' }) submittedBy!: string;
  @Column('text', { name: 'submitted_role' }) submittedRole!: string;
  /** The submitter's token issuer; null for files nominated before tokens named one (and for imports). */
  @Column('text', { name: 'submitted_issuer', nullable: true }) submittedIssuer!: string | null;
  @Column('text', { name: 'workflow_id', unique: true }) workflowId!: string;
  /** The sub-district (AREAS) whose union endorses an organisational nomination. */
  @Column('text', { nullable: true }) area!: string | null;
  @Column('text', { name: 'home_address_cipher', nullable: true }) homeAddressCipher!: string | null;
  /** The rest of the application form (no sensitive fields), as last submitted. */
  @Column('jsonb', { nullable: true }) form!: Record<string, any> | null;
  @Column('integer') version!: number;
  @Column('uuid', { name: 'inspection_batch_id', nullable: true }) inspectionBatchId!: string | null;
  /** The payee's bank account (开户银行, 账号 sealed, 户名) and who recorded it when; null until the office records it. */
  @Column('text', { name: 'bank_name', nullable: true }) bankName!: string | null;
  @Column('text', { name: 'bank_account_cipher', nullable: true }) bankAccountCipher!: string | null;
  @Column('text', { name: 'bank_account_name', nullable: true }) bankAccountName!: string | null;
  @Column('text', { name: 'bank_account_by', nullable: true }) bankAccountBy!: string | null;
  @Column('timestamptz', { name: 'bank_account_at', nullable: true }) bankAccountAt!: Date | null;
  /** The latest signed consent (PIPL art. 29) uploaded, an attachment of kind `consent`; null until one is. */
  @Column('uuid', { name: 'consent_document_id', nullable: true }) consentDocumentId!: string | null;
  /** The recorded competition result (competition_results) a competition-channel nomination rests on; null when none is linked. */
  @Column('uuid', { name: 'competition_result_id', nullable: true }) competitionResultId!: string | null;
  /** When the retention sweep erased the ID number, mobile, address and bank account (README "Retention"). */
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
