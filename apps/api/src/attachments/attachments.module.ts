import { Module } from '@nestjs/common';
import { ATTACHMENT_SETTINGS, loadAttachmentSettings } from './attachment-settings';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { AttachmentUploadInterceptor } from './upload.interceptor';

/** Supporting documents of a candidate's file, kept in the database (CandidateAccess comes from SharedModule). */
@Module({
  controllers: [AttachmentsController],
  providers: [
    { provide: ATTACHMENT_SETTINGS, useFactory: () => loadAttachmentSettings(process.env) },
    AttachmentRepository,
    AttachmentsService,
    AttachmentUploadInterceptor,
  ],
})
export class AttachmentsModule {}
