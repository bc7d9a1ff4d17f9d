import { Body, Controller, Get, HttpCode, Param, Patch, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '../../../../libs/contract';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { uuid } from '../common/uuid-param';
import { YearQuery } from '../common/year-query';
import { BenefitDto, BenefitFilterDto, BenefitReportDto, BenefitStepDto, MasterBenefitsDto } from './benefit.dto';
import { BenefitsService } from './benefits.service';

/** The office, the government (whose bureaux grant most benefits), the leadership group and auditors; admin as for the reports. */
export const READERS: Role[] = ['union_office', 'government', 'leadership', 'auditor', 'admin'];

@ApiTags('benefits')
@ApiBearerAuth()
@Controller('benefits')
export class BenefitsController {
  constructor(private readonly benefits: BenefitsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: "The granting bodies' tasks: every named master's benefits, filtered by status, kind and the year the master was named" })
  @ApiOkResponse({ type: [BenefitDto] })
  list(@Query() filter: BenefitFilterDto): Promise<BenefitDto[]> {
    return this.benefits.list(filter);
  }

  @Get('report')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A year: masters named, where each benefit stands for them, and the steps (taken up, declined, granted) dated in the year' })
  @ApiOkResponse({ type: BenefitReportDto })
  report(@Query() query: YearQuery): Promise<BenefitReportDto> {
    return this.benefits.report(query.year);
  }

  @Patch(':id')
  @HttpCode(200)
  @Roles('union_office', 'government')
  @ApiOperation({
    summary:
      'A step of the benefit: offered → taken_up | declined (with a note), taken_up → granted; dated (today by default). Any other step is a 409 naming the status',
  })
  @ApiOkResponse({ type: BenefitDto })
  step(@Param('id', uuid) id: string, @Body() dto: BenefitStepDto, @Req() req: AuthedRequest): Promise<BenefitDto> {
    return this.benefits.step(id, dto, req.claims);
  }
}

@ApiTags('benefits')
@ApiBearerAuth()
@Controller('candidates')
export class MasterBenefitsController {
  constructor(private readonly benefits: BenefitsService) {}

  @Get(':id/benefits')
  @Roles(...READERS)
  @ApiOperation({ summary: "The master's benefits and where each stands; none for a candidate not (yet) named" })
  @ApiOkResponse({ type: MasterBenefitsDto })
  ofMaster(@Param('id', uuid) id: string, @Req() req: AuthedRequest): Promise<MasterBenefitsDto> {
    return this.benefits.ofMaster(id, req.claims);
  }
}
