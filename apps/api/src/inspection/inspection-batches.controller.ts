import { Body, Controller, Get, NotFoundException, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { CandidateEntity, InspectionBatchEntity } from '../../../../libs/db';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { uuid } from '../candidates/candidates.controller';
import { badRequest } from '../common/validation';
import { IsCalendarDate } from '../common/calendar-date.validator';

export class CreateBatchDto {
  @ApiProperty({ example: '第一批考察（眼镜、锁具）' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ example: '2017-04-18' })
  @IsCalendarDate({ message: 'plannedOn must be a real date YYYY-MM-DD' })
  plannedOn!: string;

  @ApiProperty({ type: [String], description: 'The inspection team' })
  @ArrayMaxSize(20)
  @ArrayMinSize(1)
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  members!: string[];

  @ApiProperty({ type: [String] })
  @ArrayMaxSize(200)
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  @IsArray()
  candidateIds!: string[];

  @IsOptional()
  @ApiPropertyOptional()
  @IsUUID()
  roundId?: string;
}

/** Candidates are inspected in batches (人选考察): one visit plan, one team, several candidates. */
@ApiTags('inspection')
@ApiBearerAuth()
@Controller('inspection-batches')
export class InspectionBatchesController {
  constructor(private readonly ds: DataSource) {}

  @ApiOperation({ summary: 'Group candidates into an inspection batch with its team and planned date' })
  @Post()
  @Roles('union_office', 'inspector')
  async create(@Body() dto: CreateBatchDto, @Req() req: AuthedRequest) {
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      const found = await tx.getRepository(CandidateEntity).find({ where: { id: In(dto.candidateIds) }, select: { id: true } });
      const missing = dto.candidateIds.filter((c) => !found.some((f) => f.id === c));
      if (missing.length) throw badRequest([{ field: 'candidateIds', reason: `no such candidate: ${missing.join(', ')}` }]);
      await tx.getRepository(InspectionBatchEntity).insert({ id, roundId: dto.roundId ?? null, name: dto.name, plannedOn: dto.plannedOn, members: dto.members, createdBy: req.claims.sub });
      await tx.getRepository(CandidateEntity).update({ id: In(dto.candidateIds) }, { inspectionBatchId: id });
    });
    return this.get(id);
  }

  @ApiOperation({ summary: 'The batch and where each of its candidates stands' })
  @Get(':id')
  @Roles('union_office', 'inspector', 'auditor', 'admin')
  async get(@Param('id', uuid) id: string) {
    const batch = await this.ds.getRepository(InspectionBatchEntity).findOneBy({ id });
    if (!batch) throw new NotFoundException(`inspection batch ${id} not found`);
    const candidates = await this.ds.query(
      `SELECT c.id AS "candidateId", c.name, c.employer, s.stage, s.status
         FROM candidates c LEFT JOIN candidate_status s ON s.candidate_id = c.id
        WHERE c.inspection_batch_id = $1 ORDER BY c.name`,
      [id],
    );
    return { ...batch, candidates };
  }
}
