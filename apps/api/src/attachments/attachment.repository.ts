import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { AttachmentEntity } from '../../../../libs/db/entities/attachment.entity';

export type AttachmentMeta = Omit<AttachmentEntity, 'content'>;
export type NewAttachment = Omit<AttachmentEntity, 'uploadedAt'>;

const META_COLUMNS: Array<keyof AttachmentMeta> = ['id', 'candidateId', 'kind', 'filename', 'contentType', 'sizeBytes', 'sha256', 'uploadedBy', 'uploadedAt'];

/** The attachments table: the database is the durable store of the documents themselves. */
@Injectable()
export class AttachmentRepository {
  private readonly repo: Repository<AttachmentEntity>;

  constructor(ds: DataSource) {
    this.repo = ds.getRepository(AttachmentEntity);
  }

  /** Stores a document with its bytes; returns its metadata as stored (the upload time is the database's). */
  async insertAttachment(row: NewAttachment): Promise<AttachmentMeta> {
    const result = await this.repo.createQueryBuilder().insert().into(AttachmentEntity).values(row).returning('"uploaded_at"').updateEntity(false).execute();
    const uploadedAt = (result.raw as Array<{ uploaded_at: Date }>)[0].uploaded_at;
    const { content: _content, ...meta } = row;
    return { ...meta, uploadedAt: new Date(uploadedAt) };
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
