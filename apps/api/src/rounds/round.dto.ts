import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { ROUND_PHASES, parseInstant, type RoundPhase } from './round-time';

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
}

export class RoundCreatedDto {
  @ApiProperty() roundId!: string;
}

export class RoundDto {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() quota!: number;
  @ApiProperty() nominationOpensAt!: string;
  @ApiProperty() nominationClosesAt!: string;
  @ApiProperty() reviewClosesAt!: string;
  @ApiProperty({ enum: ROUND_PHASES, description: 'Where the round stands now' }) phase!: RoundPhase;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}
