import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { shanghaiDate } from '../../../../libs/contract';
import { InstructionError, PaymentInbox } from '../../../../libs/db';
import { refuse } from '../common/refuse';
import { badRequest } from '../common/validation';
import type { ConfirmDto, InstructionFilterDto } from './instruction.dto';
import { eventView, instructionView, listView } from './instruction-view';

/** Finance's steps on payment instructions, each answered with the instruction as it now stands. */
@Injectable()
export class InstructionsService {
  constructor(private readonly inbox: PaymentInbox) {}

  async list(filter: InstructionFilterDto) {
    return listView(await this.inbox.list(filter));
  }

  async get(id: string) {
    const found = await this.inbox.find(id);
    if (!found) throw new NotFoundException(`payment instruction ${id} does not exist`);
    return { ...instructionView(found), history: (await this.inbox.history(id)).map(eventView) };
  }

  async approve(ids: string[], by: string) {
    return (await refusals(() => this.inbox.approve(ids, by))).map(instructionView);
  }

  async confirm(id: string, dto: ConfirmDto, by: string) {
    const today = shanghaiDate(Date.now());
    if (dto.paidOn > today) throw badRequest([{ field: 'paidOn', reason: `paidOn ${dto.paidOn} is after today (${today}, Asia/Shanghai)` }]);
    return instructionView(await refusals(() => this.inbox.confirm(id, dto, by)));
  }

  async fail(id: string, reason: string, by: string) {
    return instructionView(await refusals(() => this.inbox.fail(id, reason, by)));
  }

  async reissue(id: string, reason: string, by: string) {
    return instructionView(await refusals(() => this.inbox.reissue(id, reason, by)));
  }
}

/** The inbox's refusals as HTTP: unknown 404, the approver recording the payment 403 (four eyes), a step that does not fit 409. */
async function refusals<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof InstructionError)) throw err;
    if (err.code === 'not_found') throw new NotFoundException(err.message);
    if (err.code === 'four_eyes') throw refuse('four_eyes', err.message);
    throw new ConflictException(err.message);
  }
}
