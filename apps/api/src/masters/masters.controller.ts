import { Body, Controller, Get, HttpCode, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, type AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { READERS } from '../benefits/benefits.controller';
import { ApiFileResponse } from '../common/api-response';
import { download } from '../common/export-file';
import { XLSX_CONTENT_TYPE, xlsxWorkbook } from '../common/xlsx';
import { MasterImportDto } from './master-import.dto';
import { MasterImportService } from './master-import.service';
import { MasterListQueryDto } from './master-list.dto';
import { MasterListService } from './master-list.service';
import { MasterImportResultDto, MasterPageDto, MasterYearsDto } from './master.responses';
import { importTemplate } from './master-sheet';
import { SheetUploadInterceptor } from './sheet-upload.interceptor';

@ApiTags('masters')
@ApiBearerAuth()
@Controller('masters')
export class MastersController {
  constructor(
    private readonly imports: MasterImportService,
    private readonly masters: MasterListService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'The named masters a page at a time, the latest year first, then by name in pinyin: each with their file, register entry as the office reads it and benefits counted by status; ?year= named in that year, ?name= part of the name: { items, total, page, pageSize }',
  })
  @ApiOkResponse({ type: MasterPageDto })
  list(@Query() query: MasterListQueryDto, @Req() req: AuthedRequest) {
    return this.masters.list(query, req.claims);
  }

  @Get('years')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The years in which masters were named, the latest first (the masters list filters by them)' })
  @ApiOkResponse({ type: MasterYearsDto })
  years() {
    return this.masters.years();
  }

  @Post('import')
  @HttpCode(201)
  @Roles('union_office')
  @UseInterceptors(SheetUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    summary:
      'Import masters named on paper before the service existed (JSON, or the Excel template as the part "file"): all rows or none; the same import twice changes nothing',
  })
  @ApiCreatedResponse({ type: MasterImportResultDto })
  import(@Body() dto: MasterImportDto, @Req() req: AuthedRequest) {
    return this.imports.import(dto, actorOf(req.claims));
  }

  @Get('import/template.xlsx')
  @Roles('union_office')
  @ApiOperation({ summary: 'The blank Excel workbook for an import: 名单 (one row per master) and 补贴发放 (one row per instalment paid)' })
  @ApiFileResponse('the blank workbook', XLSX_CONTENT_TYPE)
  async template() {
    return download({ content: await xlsxWorkbook(importTemplate()), contentType: XLSX_CONTENT_TYPE, filename: 'masters-import.xlsx' });
  }
}
