import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An objection (异议) raised by the public during a round's notice, and the office's resolution. */
@Entity('objections')
export class ObjectionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'round_id' }) roundId!: string;
  @Column('uuid', { name: 'candidate_id' }) candidateId!: string;
  @Column('text', { name: 'objector_name' }) objectorName!: string;
  /** The objector's contact details, sealed like a candidate's mobile. */
  @Column('text', { name: 'contact_cipher' }) contactCipher!: string;
  @Column('text') grounds!: string;
  @Column('text', { name: 'ip_hash' }) ipHash!: string;
  @Column('timestamptz', { name: 'filed_at' }) filedAt!: Date;
  @Column('text') status!: 'open' | 'upheld' | 'dismissed';
  @Column('text', { name: 'resolution_reason', nullable: true }) resolutionReason!: string | null;
  @Column('text', { name: 'resolved_by', nullable: true }) resolvedBy!: string | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
}
