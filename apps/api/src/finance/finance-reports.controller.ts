import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { ApiFileResponse } from '../common/api-response';
import { download } from '../common/export-file';
import { badRequest } from '../common/validation';
import { XLSX_CONTENT_TYPE } from '../common/xlsx';
import { ForecastQueryDto, MONTH, ReconciliationQueryDto } from './instruction.dto';
import { FINANCE_READERS } from './instructions.controller';
import { FinanceReportsService } from './finance-reports.service';
import { ForecastDto, ReconciliationDto } from './finance.responses';
import { ForecastService } from './forecast.service';

function month(value: string): string {
  if (!MONTH.test(value)) throw badRequest([{ field: 'month', reason: 'month must be a month YYYY-MM' }]);
  return value;
}

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance')
export class FinanceReportsController {
  constructor(
    private readonly reports: FinanceReportsService,
    private readonly forecasts: ForecastService,
  ) {}

  @Get('exports/:month.csv')
  @Roles(...FINANCE_READERS)
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse("the month's bank run as CSV", 'text/csv')
  @ApiOperation({ summary: "The month's bank run: approved instructions due that month, with a totals row (CSV, UTF-8 with BOM)" })
  async csv(@Param('month') value: string, @Req() req: AuthedRequest) {
    return download(await this.reports.bankRun(month(value), 'csv', req.claims));
  }

  @Get('exports/:month.xlsx')
  @Roles(...FINANCE_READERS)
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse("the month's bank run as an Excel workbook", XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: "The month's bank run as an Excel workbook; account numbers in full for finance only" })
  async xlsx(@Param('month') value: string, @Req() req: AuthedRequest) {
    return download(await this.reports.bankRun(month(value), 'xlsx', req.claims));
  }

  @Get('reconciliation')
  @Roles(...FINANCE_READERS)
  @ApiOperation({ summary: "The month's instructions counted and summed by status, and each master's money paid against the cap; breaches listed" })
  @ApiOkResponse({ type: ReconciliationDto })
  reconciliation(@Query() query: ReconciliationQueryDto) {
    return this.reports.reconciliation(query.month ?? null);
  }

  @Get('forecast')
  @Roles(...FINANCE_READERS)
  @ApiOperation({
    summary:
      'The money committed, month by month, for the budget: unpaid instructions, subsidy instalments the running schedules will still create, bonuses of ceremonies ahead (fen)',
  })
  @ApiOkResponse({ type: ForecastDto })
  forecast(@Query() query: ForecastQueryDto) {
    return this.forecasts.forecast(query.from, query.months ?? 12, query.roundId ?? null);
  }
}
