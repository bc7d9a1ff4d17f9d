import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { AttachmentEntity } from '../../../../libs/db/entities/attachment.entity';

export type AttachmentMeta = Omit<AttachmentEntity, 'content'>;
export type NewAttachment = Omit<AttachmentEntity, 'uploadedAt'>;

const META_COLUMNS: Array<keyof AttachmentMeta> = [
  'id',
  'candidateId',
  'kind',
  'filename',
  'contentType',
  'sizeBytes',
  'sha256',
  'uploadedBy',
  'uploadedAt',
  'sealed',
  'erasedAt',
];

/** The attachments table: the database is the durable store of the documents themselves. */
@Injectable()
export class AttachmentRepository {
  private readonly repo: Repository<AttachmentEntity>;

  constructor(private readonly ds: DataSource) {
    this.repo = ds.getRepository(AttachmentEntity);
  }

  /**
   * Stores a document unless the file already holds `cap` of them (null then). The candidate's row is
   * locked while counting, so two uploads at once cannot both take the last place.
   */
  async insertWithin(row: NewAttachment, cap: number): Promise<AttachmentMeta | null> {
    return this.ds.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM candidates WHERE id = $1 FOR UPDATE`, [row.candidateId]);
      const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM attachments WHERE candidate_id = $1`, [row.candidateId]);
      if (n >= cap) return null;
      const stored = await insertOn(tx.getRepository(AttachmentEntity), row);
      // The newest signed consent is the one the pre-check points at.
      if (row.kind === 'consent') await tx.query(`UPDATE candidates SET consent_document_id = $2 WHERE id = $1`, [row.candidateId, row.id]);
      return stored;
    });
  }

  /** Stores a document with its bytes; returns its metadata as stored (the upload time is the database's). */
  async insertAttachment(row: NewAttachment): Promise<AttachmentMeta> {
    return insertOn(this.repo, row);
  }

  /** A candidate's documents without their bytes, newest first. */
  listForCandidate(candidateId: string): Promise<AttachmentMeta[]> {
    return this.repo.find({
      select: META_COLUMNS,
      where: { candidateId },
      order: { uploadedAt: 'DESC', id: 'DESC' },
    });
  }

  /** One document of a candidate, bytes included; null if there is none with that id for that candidate. */
  findWithContent(candidateId: string, attachmentId: string): Promise<AttachmentEntity | null> {
    return this.repo
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.candidate_id = :candidateId', { attachmentId, candidateId })
      .getOne();
  }
}

/** Inserts through the repository given (the transaction's, when counting), returning the stored metadata. */
async function insertOn(repo: Repository<AttachmentEntity>, row: NewAttachment): Promise<AttachmentMeta> {
  const result = await repo.createQueryBuilder().insert().into(AttachmentEntity).values(row).returning('"uploaded_at"').updateEntity(false).execute();
  const uploadedAt = (result.raw as Array<{ uploaded_at: Date }>)[0].uploaded_at;
  const { content: _content, ...meta } = row;
  return { ...meta, uploadedAt: new Date(uploadedAt) };
}
