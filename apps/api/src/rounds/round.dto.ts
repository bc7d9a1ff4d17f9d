import { ApiProperty } from '@nestjs/swagger';
import { msToNumber } from '@temporalio/common/lib/time';
import { IsInt, IsOptional, Max, Min, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { ROUND_PHASES as WORKFLOW_PHASES } from '../../../../libs/contract';
import { type Answer, type Fields } from '../common/api-response';
import { ROUND_PHASES, parseInstant } from './round-time';
import type { RoundView } from './round-view';
import type { RoundsService } from './rounds.service';

/** An ISO 8601 instant with its offset; the error says what is wrong with it. */
export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof parseInstant(value) !== 'string',
        defaultMessage: (args?: ValidationArguments) => {
          const problem = parseInstant(args?.value);
          return `${args?.property ?? propertyName} ${typeof problem === 'string' ? problem : 'is invalid'}`;
        },
      },
    });
}

export class CreateRoundDto {
  @ApiProperty({ example: 2017, minimum: 2000, maximum: 2100 })
  // Decorators apply bottom-up and only the first broken rule is reported: the type comes first.
  @Min(2000, { message: 'year must be between 2000 and 2100' })
  @Max(2100, { message: 'year must be between 2000 and 2100' })
  @IsInt({ message: 'year must be a whole number' })
  year!: number;

  @ApiProperty({ example: 30, description: 'How many masters this round may name' })
  @Max(10_000, { message: 'quota must be at most 10000' })
  @Min(1, { message: 'quota must be a positive whole number' })
  @IsInt({ message: 'quota must be a whole number' })
  quota!: number;

  @ApiProperty({ example: '2017-04-06T00:00:00+08:00', description: 'ISO 8601 instant with offset; the window includes it' })
  @IsInstant()
  nominationOpensAt!: string;

  @ApiProperty({ example: '2017-04-16T00:00:00+08:00', description: 'ISO 8601 instant with offset; the window ends just before it' })
  @IsInstant()
  nominationClosesAt!: string;

  @ApiProperty({ example: '2017-04-26T00:00:00+08:00', description: 'End of the selection review (评选审核)' })
  @IsInstant()
  reviewClosesAt!: string;

  @ApiProperty({ required: false, example: 3, description: 'Length of the online vote in days once the office opens it (default 3)' })
  @IsOptional()
  @Min(1, { message: 'votingDays must be between 1 and 60' })
  @Max(60, { message: 'votingDays must be between 1 and 60' })
  @IsInt({ message: 'votingDays must be a whole number' })
  votingDays?: number;

  @ApiProperty({ required: false, example: '7d', description: 'The public notice period, e.g. "7d" (default PUBLIC_NOTICE_DURATION)' })
  @IsOptional()
  @IsDuration()
  publicNoticeDuration?: string;
}

/** A duration such as '7d', '36h' or '5s'. */
export function durationMs(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/.test(value.trim())) return null;
  try {
    const ms = msToNumber(value.trim() as never);
    return ms > 0 ? ms : null;
  } catch {
    return null;
  }
}

export function IsDuration(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDuration',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => durationMs(value) !== null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? propertyName} must be a duration such as '7d', '36h' or '5s'`,
      },
    });
}

export class RoundCreatedDto implements Fields<Answer<RoundsService, 'create'>> {
  @ApiProperty() roundId!: string;
}

export class RoundDto implements Fields<RoundView> {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() quota!: number;
  @ApiProperty() nominationOpensAt!: string;
  @ApiProperty() nominationClosesAt!: string;
  @ApiProperty() reviewClosesAt!: string;
  @ApiProperty({
    enum: [...new Set(['upcoming', ...WORKFLOW_PHASES, ...ROUND_PHASES])],
    description: "The round workflow's phase (upcoming before nominations open); a round from before rounds ran as workflows: upcoming, nominating, reviewing, closed",
  })
  phase!: string;
  @ApiProperty({ description: 'nomination, review, voting, notice and ceremony windows (Asia/Shanghai dates, ISO instants)' }) windows!: object;
  @ApiProperty({ description: 'quota, selected, approved, commended, remaining' }) quotaUse!: object;
  @ApiProperty({ description: 'candidates on the re-review list by outcome' }) entries!: object;
  @ApiProperty() runsAsWorkflow!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}
