import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PaymentInbox } from '../../../../libs/db';
import { PersonsController } from './persons.controller';
import { PersonsService } from './persons.service';

/** The data subject's rights (PIPL arts. 44-45): the access-request export. PiiCipher comes from SharedModule. */
@Module({
  controllers: [PersonsController],
  providers: [PersonsService, { provide: PaymentInbox, inject: [DataSource], useFactory: (ds: DataSource) => new PaymentInbox(ds) }],
})
export class PersonsModule {}
