import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditLog } from '../../../../libs/audit';
import { CandidateEntity } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { BenefitsService } from '../benefits/benefits.service';
import { recordClearListRead } from '../candidates/candidate-viewer';
import { pageOf, type Page } from '../common/page-query';
import { byPinyin } from '../common/pinyin';
import { RegisterRepository, type RegisterRow } from '../register/register.repository';
import type { MasterListQueryDto } from './master-list.dto';
import { masterView, type MasterView } from './master-view';

/** The latest year first (what the office works on), then by name in pinyin order as the register lists them. */
const latestFirst = (a: RegisterRow, b: RegisterRow) => b.yearNamed - a.yearNamed || byPinyin(a.name, b.name) || a.candidateId.localeCompare(b.candidateId);

/**
 * The named masters for the office, a page at a time. The masters matching are few (a hundred over
 * the three-year plan) and are ordered here in pinyin, which PostgreSQL orders only with ICU; only
 * the page's masters are then read in full: their files, their benefits.
 */
@Injectable()
export class MasterListService {
  constructor(
    private readonly ds: DataSource,
    private readonly register: RegisterRepository,
    private readonly benefits: BenefitsService,
    private readonly pii: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async list(query: MasterListQueryDto, claims: TokenClaims): Promise<Page<MasterView>> {
    const { page, pageSize, offset } = pageOf(query);
    const matching = (await this.register.rows({ year: query.year, name: query.name?.trim() || undefined })).sort(latestFirst);
    const shown = matching.slice(offset, offset + pageSize);
    const ids = shown.map((r) => r.candidateId);
    if (!ids.length) return { items: [], total: matching.length, page, pageSize };
    const [files, benefits] = await Promise.all([this.ds.getRepository(CandidateEntity).findBy({ id: In(ids) }), this.benefits.countsByStatus(ids)]);
    const fileOf = new Map(files.map((f) => [f.id, f]));
    const items = shown.map((r) => masterView(r, fileOf.get(r.candidateId)!, benefits.get(r.candidateId)!, claims, this.pii));
    await recordClearListRead(this.audit, claims, ids, 'master_list');
    return { items, total: matching.length, page, pageSize };
  }

  async years(): Promise<{ years: number[] }> {
    return { years: await this.register.years() };
  }
}
