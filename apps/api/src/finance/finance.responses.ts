import { PAYMENT_KINDS } from '../../../../libs/contract';
import { Flag, Int, ListOf, NULLABLE, Obj, One, OneOf, OPTIONAL, Text, type Answer, type Fields, type ItemOf } from '../common/api-response';
import type { FinanceReportsService } from './finance-reports.service';
import type { ForecastService } from './forecast.service';
import type { eventView, InstructionView } from './instruction-view';
import type { InstructionsController } from './instructions.controller';
import type { InstructionsService } from './instructions.service';

const STATUSES = ['due', 'approved', 'paid', 'failed', 'reissued', 'cancelled'];

/** A payment instruction as finance, auditors and the office see it (instruction-view.ts); amounts in fen. */
export class InstructionDto implements Fields<InstructionView> {
  @Text() id!: string;
  @Text() candidateId!: string;
  @Text('a studio grant: the studio', NULLABLE) studioId!: string | null;
  @Text("the payee's name") payeeName!: string;
  @OneOf(PAYMENT_KINDS) kind!: string;
  @Int('0 for the bonus, 1-24 for the subsidy') instalment!: number;
  @Int('1, then each reissue') attempt!: number;
  @Int('fen') amountFen!: number;
  @Text('YYYY-MM-DD, Asia/Shanghai') dueOn!: string;
  @OneOf(STATUSES) status!: string;
  @Text(undefined, NULLABLE) approvedBy!: string | null;
  @Text(undefined, NULLABLE) approvedAt!: string | null;
  @Text(undefined, NULLABLE) paidBy!: string | null;
  @Text(undefined, NULLABLE) paidAt!: string | null;
  @Text("the bank's reference", NULLABLE) reference!: string | null;
  @Text(undefined, NULLABLE) paidOn!: string | null;
  @Text(undefined, NULLABLE) failedBy!: string | null;
  @Text(undefined, NULLABLE) failedAt!: string | null;
  @Text(undefined, NULLABLE) failureReason!: string | null;
  @Text(undefined, NULLABLE) reissuedBy!: string | null;
  @Text(undefined, NULLABLE) reissuedAt!: string | null;
  @Text(undefined, NULLABLE) reissueReason!: string | null;
  @Text(undefined, NULLABLE) cancelledBy!: string | null;
  @Text(undefined, NULLABLE) cancelledAt!: string | null;
  @Text(undefined, NULLABLE) cancellationReason!: string | null;
  @Flag('flagged for recovery (追回) after a departure') recovery!: boolean;
  @Text(undefined, NULLABLE) recoveryBy!: string | null;
  @Text(undefined, NULLABLE) recoveryAt!: string | null;
  @Text(undefined, NULLABLE) recoveryReason!: string | null;
  @Text(undefined, NULLABLE) createdAt!: string | null;
}

export class InstructionStepDto implements Fields<ReturnType<typeof eventView>> {
  @Text('created, approved, paid, failed, reissued, cancelled, restored, recovery_flagged, recovery_cleared') step!: string;
  @Text() by!: string;
  @Text('ISO instant') at!: string;
  @Text(undefined, NULLABLE) reason!: string | null;
  @Obj('what the step recorded besides', OPTIONAL) detail!: object;
}

export class InstructionDetailDto extends InstructionDto implements Fields<Answer<InstructionsService, 'get'>> {
  @ListOf(InstructionStepDto, 'every step, who took it, when, why') history!: InstructionStepDto[];
}

/** A count of instructions and their sum. */
export class CountAmountDto {
  @Int() count!: number;
  @Int('fen') amountFen!: number;
}

export class InstructionPageDto implements Fields<Answer<InstructionsService, 'list'>> {
  @ListOf(InstructionDto) items!: InstructionDto[];
  @One(CountAmountDto, 'of the instructions listed') totals!: CountAmountDto;
}

export class InstructionBatchDto implements Fields<Answer<InstructionsController, 'approveMany'>> {
  @ListOf(InstructionDto, 'the instructions approved') items!: InstructionDto[];
}

type Reconciliation = Answer<FinanceReportsService, 'reconciliation'>;
export class MasterPaidDto implements Fields<ItemOf<Reconciliation['masters']>> {
  @Text() candidateId!: string;
  @Text() name!: string;
  @Int('fen paid so far') paidFen!: number;
  @Int('instructions paid') paidCount!: number;
  @Int('fen left under the cap') remainingFen!: number;
  @Flag('paid above the cap') breach!: boolean;
}

export class CapBreachDto implements Fields<ItemOf<Reconciliation['breaches']>> {
  @Text() candidateId!: string;
  @Text() name!: string;
  @Int('fen') paidFen!: number;
  @Int() paidCount!: number;
  @Int('fen') capFen!: number;
  @Int('fen above the cap') excessFen!: number;
}

export class ReconciliationDto implements Fields<Reconciliation> {
  @Text('YYYY-MM, or null for all time', NULLABLE) month!: string | null;
  @Int('the most one master is paid: the bonus and every subsidy instalment (fen)') capFen!: number;
  @One(CountAmountDto) due!: CountAmountDto;
  @One(CountAmountDto) approved!: CountAmountDto;
  @One(CountAmountDto) paid!: CountAmountDto;
  @One(CountAmountDto) failed!: CountAmountDto;
  @One(CountAmountDto) cancelled!: CountAmountDto;
  @One(CountAmountDto, 'due, approved, or failed and not yet reissued') outstanding!: CountAmountDto;
  @One(CountAmountDto, 'paid and flagged for recovery') recovery!: CountAmountDto;
  @ListOf(MasterPaidDto, "each master's money paid against the cap") masters!: MasterPaidDto[];
  @ListOf(CapBreachDto, 'masters paid above the cap') breaches!: CapBreachDto[];
}

type Forecast = Answer<ForecastService, 'forecast'>;
/** A number of payments and their sum. */
export class CountFenDto {
  @Int() count!: number;
  @Int('fen') fen!: number;
}

export class ForecastMonthDto implements Fields<ItemOf<Forecast['months']>> {
  @Text('YYYY-MM') month!: string;
  @One(CountFenDto) bonus!: CountFenDto;
  @One(CountFenDto) subsidy!: CountFenDto;
  @One(CountFenDto) studioGrant!: CountFenDto;
  @Int('fen') totalFen!: number;
}

export class ForecastTotalsDto implements Fields<Forecast['totals']> {
  @One(CountFenDto) bonus!: CountFenDto;
  @One(CountFenDto) subsidy!: CountFenDto;
  @One(CountFenDto) studioGrant!: CountFenDto;
  @Int('fen') totalFen!: number;
}

export class UndatedBonusesDto implements Fields<Forecast['undated']> {
  @One(CountFenDto) bonus!: CountFenDto;
}

export class ForecastDto implements Fields<Forecast> {
  @Text('YYYY-MM') from!: string;
  @Text('YYYY-MM') to!: string;
  @Text(undefined, NULLABLE) roundId!: string | null;
  @ListOf(ForecastMonthDto) months!: ForecastMonthDto[];
  @One(ForecastTotalsDto, 'over the months') totals!: ForecastTotalsDto;
  @One(UndatedBonusesDto, 'bonuses of named masters whose ceremony has no date yet') undated!: UndatedBonusesDto;
}
