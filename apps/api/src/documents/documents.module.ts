import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NamedMasters } from '../../../../libs/db';
import { RoundsModule } from '../rounds/rounds.module';
import { CandidateDocumentsController, RoundDocumentsController } from './documents.controller';
import { DocumentRenderer } from './document-renderer';
import { DocumentsService } from './documents.service';

/** The printed documents (PDF): the application form, the public notice, the commendation decision, the certificates. */
@Module({
  imports: [RoundsModule],
  controllers: [CandidateDocumentsController, RoundDocumentsController],
  providers: [DocumentsService, DocumentRenderer, { provide: NamedMasters, inject: [DataSource], useFactory: (ds: DataSource) => new NamedMasters(ds) }],
})
export class DocumentsModule {}
