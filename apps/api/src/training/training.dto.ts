import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { DateWithin, IsCalendarDate } from '../common/calendar-date.validator';

/** Where the union trains workers (依托职业院校、社会培训机构和企业培训中心建立职工技能实训基地). */
export const BASE_KINDS = ['vocational_school', 'training_organisation', 'company_centre'] as const;
export type BaseKind = (typeof BASE_KINDS)[number];

/** Vocational qualification levels a course aims at and a participant may obtain (初级工 … 高级技师). */
export const CERTIFICATES = ['junior_worker', 'intermediate_worker', 'senior_worker', 'technician', 'senior_technician'] as const;
export type Certificate = (typeof CERTIFICATES)[number];

export const OUTCOMES = ['certified', 'not_certified', 'withdrew'] as const;
export type TrainingOutcome = (typeof OUTCOMES)[number];

/** Most fen one line may hold: ten billion yuan, past which a figure is a typing error. */
const MAX_FEN = 1_000_000_000_000;

/** A YYYY-MM-DD date on or after another field's (put above IsCalendarDate). */
function OnOrAfter(field: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'onOrAfter',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be on or after ${field}` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const other = (args.object as Record<string, unknown>)[field];
          return typeof value !== 'string' || typeof other !== 'string' || value >= other;
        },
      },
    });
}

export class CreateBaseDto {
  @ApiProperty({ enum: BASE_KINDS })
  @IsIn(BASE_KINDS, { message: `kind must be one of ${BASE_KINDS.join(', ')}` })
  kind!: BaseKind;

  @ApiProperty({ example: '温州市瓯海职业中专集团学校' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  name!: string;

  @ApiProperty({ description: "The institution's address (not a person's)", example: '瓯海区娄桥街道古岸头路1号' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty({ message: 'address is required' })
  address!: string;
}

export class CreateCourseDto {
  @ApiProperty({ example: '眼镜装配技师培训班' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty({ message: 'title is required' })
  title!: string;

  @ApiProperty({ example: '眼镜装配' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty({ message: 'trade is required' })
  trade!: string;

  @ApiProperty({ enum: CERTIFICATES, description: 'The skill level the course prepares for' })
  @IsIn(CERTIFICATES, { message: `targetLevel must be one of ${CERTIFICATES.join(', ')}` })
  targetLevel!: Certificate;

  @ApiProperty({ example: '2031-05-06' })
  @DateWithin()
  @IsCalendarDate({ message: 'startsOn must be a real date YYYY-MM-DD' })
  startsOn!: string;

  @ApiProperty({ example: '2031-06-30' })
  @OnOrAfter('startsOn')
  @DateWithin()
  @IsCalendarDate({ message: 'endsOn must be a real date YYYY-MM-DD' })
  endsOn!: string;

  @ApiProperty({ description: 'Where it is held', example: '实训楼3楼' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty({ message: 'place is required' })
  place!: string;
}

export class ParticipantInputDto {
  @ApiProperty({ example: '李明' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  name!: string;

  @ApiProperty({ example: '温州瓯海眼镜有限公司' })
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'employer is required' })
  employer!: string;
}

export class AddParticipantsDto {
  @ApiProperty({ type: [ParticipantInputDto] })
  @Type(() => ParticipantInputDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(500)
  @ArrayMinSize(1, { message: 'participants must list at least one person' })
  @IsArray()
  participants!: ParticipantInputDto[];
}

export class ParticipantOutcomeDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome!: TrainingOutcome;

  @IsOptional()
  @ApiPropertyOptional({ enum: CERTIFICATES, description: 'The certificate obtained: with outcome certified only, and then required' })
  @IsIn(CERTIFICATES, { message: `certificate must be one of ${CERTIFICATES.join(', ')}` })
  certificate?: Certificate;

  @IsOptional()
  @ApiPropertyOptional({
    example: '2031-07-15',
    description: 'The day the certificate was issued: with outcome certified only, and then required; not before the course starts, not after today',
  })
  @DateWithin()
  @IsCalendarDate({ message: 'certifiedOn must be a real date YYYY-MM-DD' })
  certifiedOn?: string;
}

export class SetAsideDto {
  @ApiProperty({ example: 2031, description: 'The year the share is set aside for; recording it again replaces the figure (the audit log keeps the earlier one)' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  @Min(2017, { message: 'year must be 2017 or later' })
  @IsInt({ message: 'year must be a whole number' })
  year!: number;

  @ApiProperty({ description: 'Union funds set aside for workers’ education and training that year, in fen', example: 50_000_000 })
  @Max(MAX_FEN)
  @Min(0, { message: 'setAsideFen must not be negative' })
  @IsInt({ message: 'setAsideFen must be a whole number of fen' })
  setAsideFen!: number;

  @IsOptional()
  @ApiPropertyOptional({ description: 'How the share was set, e.g. the union budget line', example: '2031年工会经费预算 职工教育培训' })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  basis?: string;
}

export class SpendingDto {
  @ApiProperty({ example: '2031-06-30', description: 'The day it was spent (Asia/Shanghai); its year is the fund year charged; not after today' })
  @DateWithin()
  @IsCalendarDate({ message: 'spentOn must be a real date YYYY-MM-DD' })
  spentOn!: string;

  @ApiProperty({ description: 'In fen', example: 1_200_000 })
  @Max(MAX_FEN)
  @Min(1, { message: 'amountFen must be at least 1 fen' })
  @IsInt({ message: 'amountFen must be a whole number of fen' })
  amountFen!: number;

  @ApiProperty({ example: '眼镜装配技师培训班 师资及教材' })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty({ message: 'purpose is required' })
  purpose!: string;

  @IsOptional()
  @ApiPropertyOptional({ description: 'The course it paid for, if one' })
  @IsUUID('all', { message: 'courseId must be a UUID' })
  courseId?: string;
}
