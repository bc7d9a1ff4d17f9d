import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BASE_KINDS, CERTIFICATES, OUTCOMES, type BaseKind, type Certificate, type TrainingOutcome } from './training.dto';

export class ParticipantDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() employer!: string;
  @ApiPropertyOptional({ enum: OUTCOMES, nullable: true, description: 'null until recorded' }) outcome!: TrainingOutcome | null;
  @ApiPropertyOptional({ enum: CERTIFICATES, nullable: true }) certificate!: Certificate | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2031-07-15' }) certifiedOn!: string | null;
}

export class CourseSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() baseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() trade!: string;
  @ApiProperty({ enum: CERTIFICATES }) targetLevel!: Certificate;
  @ApiProperty({ example: '2031-05-06' }) startsOn!: string;
  @ApiProperty({ example: '2031-06-30' }) endsOn!: string;
  @ApiProperty() place!: string;
  @ApiProperty() participants!: number;
  @ApiProperty({ description: 'Participants who obtained a certificate' }) certified!: number;
}

export class CourseDto {
  @ApiProperty() id!: string;
  @ApiProperty() baseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() trade!: string;
  @ApiProperty({ enum: CERTIFICATES }) targetLevel!: Certificate;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: [ParticipantDto] }) participants!: ParticipantDto[];
}

export class BaseSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: BASE_KINDS }) kind!: BaseKind;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() courses!: number;
  @ApiProperty() participants!: number;
}

export class BaseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: BASE_KINDS }) kind!: BaseKind;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: [CourseSummaryDto], description: 'Earliest first' }) courses!: CourseSummaryDto[];
}

export class TrainingReportDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Courses starting in the year' }) courses!: number;
  @ApiProperty({ description: 'Places on those courses' }) participants!: number;
  @ApiProperty({ description: 'Certificates issued in the year, per level', example: { senior_worker: 12, technician: 3 } })
  certificates!: Record<string, number>;
  @ApiProperty({ description: 'Courses starting in the year, per kind of base', example: { vocational_school: 2 } }) coursesByBaseKind!: Record<string, number>;
}

export class FundYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Set aside for the year, in fen; 0 when none was recorded' }) setAsideFen!: number;
  @ApiProperty({ description: 'Whether a set-aside was recorded for the year' }) setAsideRecorded!: boolean;
  @ApiProperty({ description: 'Spent in the year (spentOn, Asia/Shanghai), in fen' }) spentFen!: number;
  @ApiProperty({ description: 'setAsideFen − spentFen; negative when overspent' }) remainingFen!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The year before’s set-aside; null for the first year recorded' }) previousSetAsideFen!:
    number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    description: 'The notice’s rule (逐年增长): the set-aside is above the year before’s. false flags the year; null for the first year recorded',
  })
  growsOnPreviousYear!: boolean | null;
}

export class TrainingFundDto {
  @ApiProperty({ type: [FundYearDto], description: 'Every year from the first to the last with a set-aside or spending, oldest first' }) years!: FundYearDto[];
  @ApiProperty({ type: [Number], description: 'Years whose set-aside is not above the year before’s' }) flaggedYears!: number[];
}
