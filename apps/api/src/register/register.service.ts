import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CandidateEntity } from '../../../../libs/db';
import { shanghaiDate } from '../../../../libs/contract/calendar';
import { PERSONAL_TEXT_PATTERNS } from '../../../../libs/audit';
import { badRequest } from '../common/validation';
import { csvExport, type ExportFile } from '../common/export-file';
import { byPinyin } from '../common/pinyin';
import type { RegisterEntryDto } from './register.dto';
import { RegisterRepository, type RegisterRow } from './register.repository';
import { officeEntry, publicEntry, registerTable } from './register-view';

/**
 * The public register of named masters (GET /public/masters) and the office's entries in it: a master
 * may ask to be listed by name and year only; the office publishes their deeds.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly ds: DataSource,
    private readonly register: RegisterRepository,
  ) {}

  /** By year named, then by name in pinyin order. */
  private async sorted(year?: number): Promise<RegisterRow[]> {
    const rows = await this.register.rows({ year });
    return rows.sort((a, b) => a.yearNamed - b.yearNamed || byPinyin(a.name, b.name) || a.candidateId.localeCompare(b.candidateId));
  }

  async list(year?: number) {
    const rows = await this.sorted(year);
    return { total: rows.length, masters: rows.map(publicEntry) };
  }

  async csv(year?: number): Promise<ExportFile> {
    return csvExport(registerTable(await this.sorted(year)), `masters-register-${shanghaiDate(Date.now())}`);
  }

  async setEntry(candidateId: string, dto: RegisterEntryDto, by: string) {
    const candidate = await this.ds.getRepository(CandidateEntity).findOneBy({ id: candidateId });
    if (!candidate) throw new NotFoundException(`candidate ${candidateId} not found`);
    const [row] = await this.register.rows({ candidateId });
    if (!row) throw new ConflictException(`candidate ${candidateId} is not a named master: only named masters are on the register`);
    // Published text must not carry what the register never shows: an ID number, a mobile, an account.
    if (dto.deeds && PERSONAL_TEXT_PATTERNS.some((re) => new RegExp(re.source).test(dto.deeds!))) {
      throw badRequest([{ field: 'deeds', reason: 'deeds must not contain an ID number, a mobile number or another long run of digits: the register is public' }]);
    }
    await this.register.save(candidateId, { limited: dto.limited, deeds: dto.deeds }, by);
    const [saved] = await this.register.rows({ candidateId });
    return officeEntry(saved);
  }
}
