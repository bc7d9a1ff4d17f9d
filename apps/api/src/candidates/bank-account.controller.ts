import { Body, Controller, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CandidateEntity } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { accountChanges, BankAccountDto, bankAccountView } from './bank-account';
import { CandidateAccess } from './candidate-access';
import { BankAccountRecordedDto } from './candidate.responses';
import { uuid } from '../common/uuid-param';

@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class BankAccountController {
  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    private readonly access: CandidateAccess,
  ) {}

  /** Recording the same account again changes nothing, so who recorded it and when stay as they were. */
  @Put(':id/bank-account')
  @HttpCode(200)
  @Roles('union_office')
  @ApiOperation({ summary: "Record the master's bank account for payments; the number is sealed and shown masked everywhere" })
  @ApiOkResponse({ type: BankAccountRecordedDto })
  async put(@Param('id', uuid) id: string, @Body() dto: BankAccountDto, @Req() req: AuthedRequest) {
    const row = await this.access.find(id, req.claims);
    const changes = accountChanges(row, dto, row.name, this.pii, req.claims.sub);
    if (changes) {
      Object.assign(row, changes);
      await this.ds.getRepository(CandidateEntity).update({ id }, changes);
    }
    return { candidateId: id, bankAccount: bankAccountView(row, this.pii) };
  }
}
