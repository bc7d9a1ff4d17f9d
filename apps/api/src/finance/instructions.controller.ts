import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '../../../../libs/contract';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { uuid } from '../common/uuid-param';
import { BatchApprovalDto, ConfirmDto, InstructionFilterDto, NoBodyDto, ReasonDto } from './instruction.dto';
import { InstructionBatchDto, InstructionDetailDto, InstructionDto, InstructionPageDto } from './finance.responses';
import { InstructionsService } from './instructions.service';

/** Finance acts; the auditor, the programme office and admin read. */
export const FINANCE_READERS: Role[] = ['finance', 'auditor', 'union_office', 'admin'];

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance/tasks')
export class InstructionsController {
  constructor(private readonly instructions: InstructionsService) {}

  @Get()
  @Roles(...FINANCE_READERS)
  @ApiOperation({ summary: 'Payment instructions, soonest due first, with their count and sum: { items, totals } (amounts in fen)' })
  @ApiOkResponse({ type: InstructionPageDto })
  list(@Query() filter: InstructionFilterDto) {
    return this.instructions.list(filter);
  }

  @Get(':id')
  @Roles(...FINANCE_READERS)
  @ApiOperation({ summary: 'One instruction with its history: every step, who took it, when, why' })
  @ApiOkResponse({ type: InstructionDetailDto })
  get(@Param('id', uuid) id: string) {
    return this.instructions.get(id);
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Approve several due instructions at once: all of them, or none (the refusal names the instruction)' })
  @ApiOkResponse({ type: InstructionBatchDto })
  approveMany(@Body() dto: BatchApprovalDto, @Req() req: AuthedRequest) {
    return this.instructions.approve(dto.ids, req.claims.sub).then((items) => ({ items }));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Approve a due instruction; another finance clerk then records its payment' })
  @ApiOkResponse({ type: InstructionDto })
  approve(@Param('id', uuid) id: string, @Body() _none: NoBodyDto, @Req() req: AuthedRequest) {
    return this.instructions.approve([id], req.claims.sub).then(([item]) => item);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Record the payment of an approved instruction (not by its approver); the same reference and date again changes nothing' })
  @ApiOkResponse({ type: InstructionDto })
  confirm(@Param('id', uuid) id: string, @Body() dto: ConfirmDto, @Req() req: AuthedRequest) {
    return this.instructions.confirm(id, dto, req.claims.sub);
  }

  @Post(':id/failure')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'The bank did not pay an approved instruction: record why' })
  @ApiOkResponse({ type: InstructionDto })
  fail(@Param('id', uuid) id: string, @Body() dto: ReasonDto, @Req() req: AuthedRequest) {
    return this.instructions.fail(id, dto.reason, req.claims.sub);
  }

  @Post(':id/reissue')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Issue a failed instruction again as the next attempt of the same instalment; answers with the new attempt' })
  @ApiOkResponse({ type: InstructionDto, description: 'the new attempt' })
  reissue(@Param('id', uuid) id: string, @Body() dto: ReasonDto, @Req() req: AuthedRequest) {
    return this.instructions.reissue(id, dto.reason, req.claims.sub);
  }
}
