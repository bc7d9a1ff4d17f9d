import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConfirmError, PaymentTaskRepository } from '../../../../libs/db';
import { type AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';

export class TaskFilterDto {
  @ApiPropertyOptional({ enum: ['open', 'paid'] })
  @IsOptional()
  @IsIn(['open', 'paid'], { message: 'status must be open or paid' })
  status?: 'open' | 'paid';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  candidateId?: string;
}

export class ConfirmDto {
  @ApiProperty({ description: 'The bank or treasury payment reference' })
  @IsString()
  @IsNotEmpty({ message: 'reference is required' })
  @MaxLength(100)
  reference!: string;
}

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance/tasks')
export class FinanceController {
  constructor(private readonly tasks: PaymentTaskRepository) {}

  @Get()
  @Roles('finance', 'auditor', 'union_office', 'admin')
  @ApiOperation({ summary: 'Payment tasks (amounts in fen), oldest due first' })
  list(@Query() filter: TaskFilterDto) {
    return this.tasks.list(filter);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Record the payment; repeating it with the same reference changes nothing, a different one is refused (409)' })
  async confirm(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ConfirmDto, @Req() req: AuthedRequest) {
    try {
      return await this.tasks.confirm(id, dto.reference.trim(), req.claims.sub);
    } catch (err) {
      if (err instanceof ConfirmError) throw err.code === 'not_found' ? new NotFoundException(err.message) : new ConflictException(err.message);
      throw err;
    }
  }
}
