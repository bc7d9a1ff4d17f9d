import { BadRequestException, ConflictException, GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentKind } from '../../../../libs/db/entities/attachment.entity';
import { AuditLog } from '../../../../libs/audit';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { recordPiiRead } from '../audit/pii-read';
import { CandidateAccess } from '../candidates/candidate-access';
import type { FieldError } from '../common/validation';
import { checkUpload, type UploadedPart } from './attachment-files';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from './attachment-settings';
import { AttachmentRepository, type AttachmentMeta } from './attachment.repository';

/** What the API shows of a document: never its bytes. */
export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  /** True once the retention sweep erased the content: the metadata and SHA-256 stay, the bytes are gone. */
  erased: boolean;
}

export interface AttachmentDownload {
  filename: string;
  contentType: string;
  sha256: string;
  content: Buffer;
}

export function fieldErrors(fields: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
    fields,
  });
}

export const attachmentView = (a: AttachmentMeta): AttachmentView => ({
  id: a.id,
  kind: a.kind,
  filename: a.filename,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedAt: a.uploadedAt.toISOString(),
  erased: a.erasedAt !== null,
});

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly access: CandidateAccess,
    private readonly attachments: AttachmentRepository,
    private readonly audit: AuditLog,
    @Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings,
    private readonly pii: PiiCipher,
  ) {}

  async upload(candidateId: string, body: Record<string, unknown> | undefined, file: UploadedPart | undefined, claims: TokenClaims): Promise<AttachmentView> {
    await this.access.find(candidateId, claims);
    const checked = checkUpload(body, file, this.settings.maxBytes);
    if (checked.problems) throw fieldErrors(checked.problems);
    const { kind, filename, contentType, content } = checked.ok;
    const stored = await this.attachments.insertWithin(
      {
        id: randomUUID(),
        candidateId,
        kind,
        filename,
        contentType,
        sizeBytes: content.length,
        // The SHA-256 (the ETag) is of the document itself; only its bytes at rest are sealed (an ID-card scan is sensitive data).
        sha256: createHash('sha256').update(content).digest('hex'),
        content: this.pii.encryptBytes(content),
        sealed: true,
        erasedAt: null,
        uploadedBy: claims.sub,
      },
      this.settings.perCandidate,
    );
    if (!stored) throw new ConflictException(`this file already holds ${this.settings.perCandidate} attachments, the most one file may hold`);
    return attachmentView(stored);
  }

  async list(candidateId: string, claims: TokenClaims): Promise<AttachmentView[]> {
    await this.access.find(candidateId, claims);
    return (await this.attachments.listForCandidate(candidateId)).map(attachmentView);
  }

  async download(candidateId: string, attachmentId: string, claims: TokenClaims): Promise<AttachmentDownload> {
    await this.access.find(candidateId, claims);
    const row = await this.attachments.findWithContent(candidateId, attachmentId);
    if (!row) throw new NotFoundException(`attachment ${attachmentId} not found for candidate ${candidateId}`);
    if (!row.content) throw new GoneException(`attachment ${attachmentId} was erased on ${row.erasedAt?.toISOString()} at the end of its retention period`);
    // Rows stored before sealing began are in clear (`sealed` false) until `npm run attachments:seal` seals them.
    const content = row.sealed ? this.pii.decryptBytes(row.content) : row.content;
    // Documents are personal data in full (an ID card's scan, certificates with the ID number): each download is recorded.
    await recordPiiRead(this.audit, claims, { objectType: 'attachment', objectId: row.id, candidateId, detail: { kind: row.kind, sha256: row.sha256 } });
    return { filename: row.filename, contentType: row.contentType, sha256: row.sha256, content };
  }
}
