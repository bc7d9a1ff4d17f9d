import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../../libs/contract';

/** Everyone but finance, who works from its inbox: the payee's name and amounts, never the whole file. */
const LISTERS: Role[] = ROLES.filter((r) => r !== 'finance');
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { ApiFileResponse } from '../common/api-response';
import { download } from '../common/export-file';
import { XLSX_CONTENT_TYPE } from '../common/xlsx';
import { CandidatePageDto } from './candidate.responses';
import { CandidateFilterDto, CandidateListQueryDto } from './candidate-list.dto';
import { CandidateListService } from './candidate-list.service';

/**
 * Finding files. Registered before CandidatesController: Express matches routes in the order they
 * are declared, and `/candidates/export.csv` must not reach `/candidates/:id` and its UUID pipe.
 */
@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class CandidateListController {
  constructor(private readonly candidates: CandidateListService) {}

  @Get()
  @Roles(...LISTERS)
  @ApiOperation({ summary: 'Files the caller may see, filtered, sorted and a page at a time: { items, total, page, pageSize }' })
  @ApiOkResponse({ type: CandidatePageDto })
  list(@Query() query: CandidateListQueryDto, @Req() req: AuthedRequest) {
    return this.candidates.list(query, req.claims);
  }

  @Get('export.csv')
  @Roles(...LISTERS)
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse('the list as CSV', 'text/csv')
  @ApiOperation({ summary: 'The same filtered list, every page, as CSV (UTF-8 with BOM, Chinese headers, masked as for the list)' })
  async csv(@Query() filter: CandidateFilterDto, @Req() req: AuthedRequest) {
    return download(await this.candidates.exportCsv(filter, req.claims));
  }

  @Get('export.xlsx')
  @Roles(...LISTERS)
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse('the list as an Excel workbook', XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'The same filtered list, every page, as an Excel workbook (Chinese headers, masked as for the list)' })
  async xlsx(@Query() filter: CandidateFilterDto, @Req() req: AuthedRequest) {
    return download(await this.candidates.exportXlsx(filter, req.claims));
  }
}
