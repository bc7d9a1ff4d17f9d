import { Body, Controller, Get, Param, Post, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Role } from '../../../../libs/contract';
import { ATTACHMENT_KINDS } from '../../../../libs/db/entities/attachment.entity';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { ApiFileResponse } from '../common/api-response';
import { contentDisposition, type UploadedPart } from './attachment-files';
import { AttachmentDto } from './attachment.responses';
import { AttachmentsService } from './attachments.service';
import { AttachmentUploadInterceptor } from './upload.interceptor';
import { uuid } from '../common/uuid-param';

/**
 * Who reads a file's documents (ID-card scans, certificates): the roles whose work is checking them, and
 * the nominator for its own. Not the leadership group, the government or finance, who decide on lists and
 * pay from the file, nor admin, who runs the system: none of them needs an ID card scan.
 */
export const DOCUMENT_READERS: Role[] = ['union_office', 'street_union', 'inspector', 'expert', 'auditor', 'nominator'];

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('candidates/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('nominator', 'street_union', 'union_office', 'admin')
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: { kind: { type: 'string', enum: [...ATTACHMENT_KINDS] }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: "Attach a supporting document (PDF, JPEG or PNG, judged by its content) to a candidate's file" })
  @ApiCreatedResponse({ type: AttachmentDto })
  upload(@Param('id', uuid) id: string, @Body() body: Record<string, unknown>, @UploadedFile() file: UploadedPart | undefined, @Req() req: AuthedRequest) {
    return this.attachments.upload(id, body, file, req.claims);
  }

  @Get()
  @Roles(...DOCUMENT_READERS)
  @ApiOperation({ summary: "The candidate's documents (without their content), newest first" })
  @ApiOkResponse({ type: [AttachmentDto] })
  list(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.attachments.list(id, req.claims);
  }

  @Get(':attachmentId')
  @Roles(...DOCUMENT_READERS)
  @ApiFileResponse('the document, byte for byte', 'application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: 'Download one document, byte for byte; the ETag is its SHA-256' })
  async download(
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const doc = await this.attachments.download(id, attachmentId, req.claims);
    res.setHeader('ETag', `"${doc.sha256}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(doc.content, {
      type: doc.contentType,
      length: doc.content.length,
      disposition: contentDisposition(doc.filename),
    });
  }
}
