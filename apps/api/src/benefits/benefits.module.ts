import { Module } from '@nestjs/common';
import { BenefitsController, MasterBenefitsController } from './benefits.controller';
import { BenefitsRepository } from './benefits.repository';
import { BenefitsService } from './benefits.service';

/** The named masters' benefits besides the money: tasks for the bodies that grant them. */
@Module({ controllers: [BenefitsController, MasterBenefitsController], providers: [BenefitsRepository, BenefitsService], exports: [BenefitsService] })
export class BenefitsModule {}
