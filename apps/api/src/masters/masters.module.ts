import { Module } from '@nestjs/common';
import { BenefitsModule } from '../benefits/benefits.module';
import { RegisterModule } from '../register/register.module';
import { MasterImportService } from './master-import.service';
import { MasterListService } from './master-list.service';
import { MastersController } from './masters.controller';

/** The named masters as the office lists them, and those named before the service existed. */
@Module({ imports: [RegisterModule, BenefitsModule], controllers: [MastersController], providers: [MasterImportService, MasterListService] })
export class MastersModule {}
