import { Body, Controller, Get, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, type AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { ApiFileResponse } from '../common/api-response';
import { download } from '../common/export-file';
import { XLSX_CONTENT_TYPE, xlsxWorkbook } from '../common/xlsx';
import { MasterImportDto } from './master-import.dto';
import { MasterImportService } from './master-import.service';
import { MasterImportResultDto } from './master.responses';
import { importTemplate } from './master-sheet';
import { SheetUploadInterceptor } from './sheet-upload.interceptor';

@ApiTags('masters')
@ApiBearerAuth()
@Controller('masters')
export class MastersController {
  constructor(private readonly imports: MasterImportService) {}

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
