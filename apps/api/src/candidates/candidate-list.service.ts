import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '../../../../libs/contract';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { csvExport, xlsxExport, type ExportFile } from '../common/export-file';
import { AuditLog } from '../../../../libs/audit';
import { personalData } from './candidate-view';
import { recordClearListRead } from './candidate-viewer';
import { candidateTable } from './candidate-export';
import { pageOf, type Page } from '../common/page-query';
import { type CandidateFilterDto, type CandidateListQueryDto } from './candidate-list.dto';
import { CandidateListRepository, type CandidateListRow, type ListFilter, type ListOrder, type ListScope } from './candidate-list.repository';

export interface CandidateSummary {
  id: string;
  name: string;
  channel: string;
  industry: string;
  trade: string;
  employer: string;
  area: string | null;
  roundId: string | null;
  roundYear: number | null;
  stage: string | null;
  status: string | null;
  dueAt: string | null;
  overdue: boolean;
  expertScore: number | null;
  nominatedAt: string;
  /** Null, with `erased` true, once the retention sweep erased the personal data. */
  idNumber: string | null;
  mobile: string | null;
  homeAddress: string | null;
  erased: boolean;
}

export type CandidatePage = Page<CandidateSummary>;

const idOf = (c: CandidateSummary) => c.id;

/**
 * The scope of a list, by the rules CandidateAccess applies to one file: district staff, the auditor
 * and admin see every file; a sub-district union its area's; an expert the files whose panel seats it
 * (still taking part); a nominator what it submitted; the leadership group and the government the files
 * that reached the lists before them.
 */
export function listScope(claims: TokenClaims): ListScope {
  switch (claims.role) {
    case 'nominator':
      return { kind: 'submitter', issuer: claims.iss, userId: claims.sub, role: claims.role };
    case 'street_union':
      return { kind: 'area', area: claims.area ?? null };
    case 'expert':
      return { kind: 'panel', userId: claims.sub };
    case 'leadership':
    case 'government':
      return { kind: 'lists' };
    default:
      return { kind: 'all' };
  }
}

/** Finding files: the filtered list a page at a time, and the whole of it as CSV or Excel. */
@Injectable()
export class CandidateListService {
  constructor(
    private readonly repo: CandidateListRepository,
    private readonly pii: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async list(query: CandidateListQueryDto, claims: TokenClaims, now = new Date()): Promise<CandidatePage> {
    const { page, pageSize, offset } = pageOf(query);
    const { rows, total } = await this.repo.findMatching(listScope(claims), filterOf(query), orderOf(query), { limit: pageSize, offset }, now);
    const items = rows.map((r) => this.summary(r, claims));
    await recordClearListRead(this.audit, claims, items.map(idOf), 'candidate_list');
    return { items, total, page, pageSize };
  }

  async exportCsv(filter: CandidateFilterDto, claims: TokenClaims, now = new Date()): Promise<ExportFile> {
    const table = candidateTable(await this.everyMatch(filter, claims, now));
    return csvExport(table, `candidates-${shanghaiDate(now.getTime())}`);
  }

  async exportXlsx(filter: CandidateFilterDto, claims: TokenClaims, now = new Date()): Promise<ExportFile> {
    const table = candidateTable(await this.everyMatch(filter, claims, now));
    return xlsxExport('候选人', table, `candidates-${shanghaiDate(now.getTime())}`);
  }

  /** Every page of the list at once, read in one query so the file is one consistent picture. */
  private async everyMatch(filter: CandidateFilterDto, claims: TokenClaims, now: Date): Promise<CandidateSummary[]> {
    const { rows } = await this.repo.findMatching(listScope(claims), filterOf(filter), orderOf(filter), null, now);
    const items = rows.map((r) => this.summary(r, claims));
    await recordClearListRead(this.audit, claims, items.map(idOf), 'candidate_export');
    return items;
  }

  private summary(r: CandidateListRow, claims: TokenClaims): CandidateSummary {
    const { idNumberCipher, mobileCipher, homeAddressCipher, erasedAt, scoreCenti, dueAt, nominatedAt, ...rest } = r;
    // The one masking rule every response showing a candidate goes through.
    const sealed = { idNumberCipher, mobileCipher, homeAddressCipher, erasedAt };
    return {
      ...rest,
      dueAt: dueAt?.toISOString() ?? null,
      expertScore: scoreCenti === null ? null : scoreCenti / 100,
      nominatedAt: nominatedAt.toISOString(),
      ...personalData(sealed, claims, this.pii),
    };
  }
}

function filterOf(f: CandidateFilterDto): ListFilter {
  const { roundId, stage, status, channel, industry, area, q, overdue } = f;
  return { roundId, stage, status, channel, industry, area, q: q?.trim() || undefined, overdue: overdue === undefined ? undefined : overdue === 'true' };
}

function orderOf(f: CandidateFilterDto): ListOrder {
  return { sort: f.sort ?? 'nominatedAt', order: f.order ?? 'asc' };
}
