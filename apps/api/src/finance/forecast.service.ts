import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { monthBounds } from '../../../../libs/db';
import { monthsFrom, projectedInstalments, subsidyLines, sumForecast, type ForecastLine } from '../../../../libs/domain/forecast';
import { ForecastRepository } from './forecast.repository';

/**
 * The money the programme has committed, month by month, for the finance bureau's budget: what the
 * inbox holds unpaid, the subsidy instalments the running schedules will still create, and the
 * bonuses of masters whose ceremony is ahead. Amounts in fen.
 */
@Injectable()
export class ForecastService {
  constructor(
    private readonly repo: ForecastRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `roundId`: only the masters of that round (its cohort's budget). */
  async forecast(from: string, count: number, roundId: string | null) {
    const months = monthsFrom(from, count);
    const [start] = monthBounds(months[0]);
    const [, end] = monthBounds(months[months.length - 1]);
    const [unpaid, schedules, ahead] = await Promise.all([
      this.repo.unpaid(start, end, roundId),
      this.repo.runningSchedules(start, end, roundId),
      this.repo.bonusesAhead(roundId),
    ]);
    const { bonusFen } = this.config.programme;
    const bonuses: ForecastLine[] = ahead.filter((b) => b.month !== null).map((b) => ({ month: b.month!, kind: 'bonus', count: b.count, fen: b.count * bonusFen }));
    const projected = schedules.flatMap((s) => projectedInstalments(s, months));
    const undatedCount = ahead.filter((b) => b.month === null).reduce((n, b) => n + b.count, 0);
    return {
      roundId,
      from: months[0],
      to: months[months.length - 1],
      ...sumForecast(months, [...unpaid, ...subsidyLines(projected), ...bonuses]),
      // Masters on a formal list or approved while the office has not set the ceremony date: committed, month unknown.
      undated: { bonus: { count: undatedCount, fen: undatedCount * bonusFen } },
    };
  }
}
