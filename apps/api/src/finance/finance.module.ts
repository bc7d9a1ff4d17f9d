import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PaymentInbox } from '../../../../libs/db';
import { FinanceReportsController } from './finance-reports.controller';
import { FinanceReportsRepository } from './finance-reports.repository';
import { FinanceReportsService } from './finance-reports.service';
import { ForecastRepository } from './forecast.repository';
import { ForecastService } from './forecast.service';
import { InstructionsController } from './instructions.controller';
import { InstructionsService } from './instructions.service';

/** Finance's inbox (four eyes), the bank run, the reconciliation and the forecast. */
@Module({
  controllers: [InstructionsController, FinanceReportsController],
  providers: [
    { provide: PaymentInbox, inject: [DataSource], useFactory: (ds: DataSource) => new PaymentInbox(ds) },
    InstructionsService,
    FinanceReportsRepository,
    FinanceReportsService,
    ForecastRepository,
    ForecastService,
  ],
})
export class FinanceModule {}
