import { Module } from '@nestjs/common';
import { MasterRegisterController, PublicRegisterController } from './register.controller';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';

/** The public register of named masters and the office's entries in it. The throttler is the voting module's (ThrottlerModule is global). */
@Module({ controllers: [PublicRegisterController, MasterRegisterController], providers: [RegisterRepository, RegisterService], exports: [RegisterRepository] })
export class RegisterModule {}
