import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '../../../../libs/contract';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { uuid } from '../common/uuid-param';
import { YearQuery } from '../common/year-query';
import { AddParticipantsDto, CreateBaseDto, CreateCourseDto, ParticipantOutcomeDto, SetAsideDto, SpendingDto } from './training.dto';
import { BaseDto, BaseSummaryDto, CourseDto, FundYearDto, TrainingFundDto, TrainingReportDto } from './training-views.dto';
import { TrainingService } from './training.service';

/** The programme office records; the leadership group and auditors read (admin too, as for the other reports). */
const READERS: Role[] = ['union_office', 'leadership', 'auditor', 'admin'];

@ApiTags('training')
@ApiBearerAuth()
@Controller('training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Post('bases')
  @Roles('union_office')
  @ApiOperation({ summary: 'Record a skill training base (实训基地): a vocational school, training organisation or company training centre' })
  @ApiCreatedResponse({ type: BaseDto })
  createBase(@Body() dto: CreateBaseDto, @Req() req: AuthedRequest): Promise<BaseDto> {
    return this.training.createBase(dto, req.claims);
  }

  @Get('bases')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Training bases, each with its number of courses and participants' })
  @ApiOkResponse({ type: [BaseSummaryDto] })
  listBases(): Promise<BaseSummaryDto[]> {
    return this.training.listBases();
  }

  @Get('bases/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The base and its courses' })
  @ApiOkResponse({ type: BaseDto })
  base(@Param('id', uuid) id: string): Promise<BaseDto> {
    return this.training.base(id);
  }

  @Post('bases/:id/courses')
  @Roles('union_office')
  @ApiOperation({ summary: 'Add a course to the base: title, trade, the skill level targeted, dates and place' })
  @ApiCreatedResponse({ type: CourseDto })
  addCourse(@Param('id', uuid) id: string, @Body() dto: CreateCourseDto, @Req() req: AuthedRequest): Promise<CourseDto> {
    return this.training.addCourse(id, dto, req.claims);
  }

  @Get('courses/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The course with its participants and their outcomes' })
  @ApiOkResponse({ type: CourseDto })
  course(@Param('id', uuid) id: string): Promise<CourseDto> {
    return this.training.course(id);
  }

  @Post('courses/:id/participants')
  @Roles('union_office')
  @ApiOperation({ summary: 'Enrol participants (name, employer)' })
  @ApiCreatedResponse({ type: CourseDto })
  addParticipants(@Param('id', uuid) id: string, @Body() dto: AddParticipantsDto, @Req() req: AuthedRequest): Promise<CourseDto> {
    return this.training.addParticipants(id, dto, req.claims);
  }

  @Patch('courses/:id/participants/:participantId')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: "A participant's outcome: certified (with the certificate obtained and its date), not certified, or withdrew" })
  @ApiOkResponse({ type: CourseDto })
  recordOutcome(
    @Param('id', uuid) id: string,
    @Param('participantId', uuid) participantId: string,
    @Body() dto: ParticipantOutcomeDto,
    @Req() req: AuthedRequest,
  ): Promise<CourseDto> {
    return this.training.recordOutcome(id, participantId, dto, req.claims);
  }

  @Get('report')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A year: courses started, places on them, certificates issued per level' })
  @ApiOkResponse({ type: TrainingReportDto })
  report(@Query() query: YearQuery): Promise<TrainingReportDto> {
    return this.training.report(query.year);
  }

  @Get('fund')
  @Roles(...READERS, 'finance')
  @ApiOperation({
    summary: "The union's training fund per year: set aside, spent, and whether the set-aside grows on the year before's (逐年增长); flaggedYears where it does not",
  })
  @ApiOkResponse({ type: TrainingFundDto })
  fund(): Promise<TrainingFundDto> {
    return this.training.fund();
  }

  @Post('fund/set-asides')
  @Roles('union_office')
  @ApiOperation({ summary: "Record the year's set-aside for workers' training (fen); recorded again, the figure is replaced. Answers the year's line of the fund" })
  @ApiCreatedResponse({ type: FundYearDto })
  setAside(@Body() dto: SetAsideDto, @Req() req: AuthedRequest): Promise<FundYearDto> {
    return this.training.setAside(dto, req.claims);
  }

  @Post('fund/spending')
  @Roles('union_office')
  @ApiOperation({ summary: "Record an amount spent from the fund (fen), charged to spentOn's year; answers that year's line" })
  @ApiCreatedResponse({ type: FundYearDto })
  spend(@Body() dto: SpendingDto, @Req() req: AuthedRequest): Promise<FundYearDto> {
    return this.training.spend(dto, req.claims);
  }
}
