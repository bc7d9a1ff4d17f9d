import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { DECISION_STAGES, OUTCOMES, type DecisionStage, type Outcome } from '../../../../libs/contract';

export class DecisionDto {
  @ApiProperty({ enum: DECISION_STAGES, description: 'The stage being decided; must be the candidate\'s current stage' })
  @IsIn(DECISION_STAGES, { message: `stage must be one of ${DECISION_STAGES.join(', ')}` })
  stage!: DecisionStage;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome!: Outcome;

  @ApiProperty({ description: 'Why; required for every decision, and for a return it says what is missing' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required for every decision' })
  @MaxLength(2000)
  reason!: string;
}

export class ResubmissionDto {
  @ApiProperty({ description: 'What was added or changed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class DepartureDto {
  @ApiProperty({ description: 'Date the master left Ouhai to work elsewhere (YYYY-MM-DD, Asia/Shanghai)', example: '2027-03-15' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'leftOn must be a date YYYY-MM-DD' })
  leftOn!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
