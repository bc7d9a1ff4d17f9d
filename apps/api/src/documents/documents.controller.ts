import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '../../../../libs/contract';
import { DOCUMENT_READERS } from '../attachments/attachments.controller';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { ApiFileResponse } from '../common/api-response';
import { download } from '../common/export-file';
import { DocumentsService } from './documents.service';
import { uuid } from '../common/uuid-param';

/**
 * Who prints the round's documents and the certificates: the programme office that issues them, the
 * leadership group and the government that decide the lists, the auditor, and admin. Not the reviewers
 * of single files, finance or the nominators: the public notice itself is public (GET /public/rounds/:id/notice).
 */
export const ROUND_DOCUMENT_READERS: Role[] = ['union_office', 'leadership', 'government', 'auditor', 'admin'];

@ApiTags('documents')
@ApiBearerAuth()
@Controller('candidates/:id/documents')
export class CandidateDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('application-form.pdf')
  @Roles(...DOCUMENT_READERS)
  @Header('Cache-Control', 'private, no-store')
  @ApiFileResponse('the filled application form, as PDF', 'application/pdf')
  @ApiOperation({
    summary:
      "The filled application form (推荐申报表, 附件2) to print in triplicate and seal; read by those who read the file's documents, in their scope. ID number, mobile and address in clear for union_office only (audited as a full-value read), masked for the rest",
  })
  async applicationForm(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return download(await this.documents.applicationForm(id, req.claims));
  }

  @Get('certificate.pdf')
  @Roles(...ROUND_DOCUMENT_READERS)
  @ApiFileResponse('the certificate, as PDF', 'application/pdf')
  @ApiOperation({ summary: 'The certificate (荣誉证书) of a named master; 409 if the file is not a named master' })
  async certificate(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return download(await this.documents.certificate(id, req.claims));
  }
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('rounds/:id/documents')
export class RoundDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('public-notice.pdf')
  @Roles(...ROUND_DOCUMENT_READERS)
  @ApiFileResponse('the public notice, as PDF', 'application/pdf')
  @ApiOperation({
    summary:
      "The round's public notice (公示): the candidates on the formal list (name, sex, employer, trade), the period and how to object; 409 before the notice starts",
  })
  async publicNotice(@Param('id', uuid) id: string) {
    return download(await this.documents.publicNotice(id));
  }

  @Get('commendation.pdf')
  @Roles(...ROUND_DOCUMENT_READERS)
  @ApiFileResponse('the commendation decision, as PDF', 'application/pdf')
  @ApiOperation({ summary: 'The commendation decision (表彰决定) naming the masters the government approved, dated on the ceremony; 409 until the ceremony is recorded' })
  async commendation(@Param('id', uuid) id: string) {
    return download(await this.documents.commendation(id));
  }
}
