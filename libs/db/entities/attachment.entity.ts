import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ATTACHMENT_KINDS = ['id_proof', 'years_proof', 'skill_certificate', 'honour', 'achievement_proof', 'other', 'consent'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A supporting document, kept in the database with its SHA-256. */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'candidate_id' }) candidateId!: string;
  @Column('text') kind!: AttachmentKind;
  @Column('text') filename!: string;
  @Column('text', { name: 'content_type' }) contentType!: 'application/pdf' | 'image/jpeg' | 'image/png';
  @Column('integer', { name: 'size_bytes' }) sizeBytes!: number;
  @Column('text') sha256!: string;
  /** The document, sealed by PiiCipher when `sealed` (rows stored before sealing are in clear); null once erased. */
  @Column('bytea', { select: false, nullable: true }) content!: Buffer | null;
  @Column('boolean', { default: false }) sealed!: boolean;
  /** When the retention sweep erased the content (metadata and SHA-256 stay); null while it is held. */
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt!: Date | null;
  @Column('text', { name: 'uploaded_by' }) uploadedBy!: string;
  @Column('timestamptz', { name: 'uploaded_at', default: () => 'now()' }) uploadedAt!: Date;
}
