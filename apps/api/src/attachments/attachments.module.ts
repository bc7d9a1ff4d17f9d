import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { ATTACHMENT_SETTINGS } from './attachment-settings';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { AttachmentUploadInterceptor } from './upload.interceptor';

/** Supporting documents of a candidate's file, kept in the database (CandidateAccess comes from SharedModule). */
@Module({
  controllers: [AttachmentsController],
  providers: [
    {
      provide: ATTACHMENT_SETTINGS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ maxBytes: config.attachmentMaxBytes, perCandidate: config.http.attachmentsPerCandidate }),
    },
    AttachmentRepository,
    AttachmentsService,
    AttachmentUploadInterceptor,
  ],
})
export class AttachmentsModule {}
