import { Module } from '@nestjs/common';
import { MasterImportService } from './master-import.service';
import { MastersController } from './masters.controller';

/** Masters named before the service existed. */
@Module({ controllers: [MastersController], providers: [MasterImportService] })
export class MastersModule {}
