import { ATTACHMENT_KINDS } from '../../../../libs/db/entities/attachment.entity';
import { Flag, Int, OneOf, Text, type Fields } from '../common/api-response';
import type { AttachmentView } from './attachments.service';

/** A document's metadata: never its bytes. */
export class AttachmentDto implements Fields<AttachmentView> {
  @Text() id!: string;
  @OneOf(ATTACHMENT_KINDS) kind!: string;
  @Text() filename!: string;
  @Text() contentType!: string;
  @Int() sizeBytes!: number;
  @Text('SHA-256 of the document (the download ETag)') sha256!: string;
  @Text('ISO instant') uploadedAt!: string;
  @Flag('the retention sweep erased the content') erased!: boolean;
}
