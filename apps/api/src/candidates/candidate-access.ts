import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CandidateEntity, CandidateStatusEntity } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';

/**
 * Who may see which file. Staff of the district see every file; a sub-district union only those of
 * its own area; an expert only those whose panel seats them; a nominator only what it submitted.
 * A file one may not see answers 404, as if it did not exist.
 */
@Injectable()
export class CandidateAccess {
  constructor(private readonly ds: DataSource) {}

  async find(id: string, claims: TokenClaims): Promise<CandidateEntity> {
    const row = await this.ds.getRepository(CandidateEntity).findOneBy({ id });
    if (!row || !(await this.visible(row, claims))) throw new NotFoundException(`candidate ${id} not found`);
    return row;
  }

  private async visible(row: CandidateEntity, claims: TokenClaims): Promise<boolean> {
    switch (claims.role) {
      case 'nominator':
        return row.submittedBy === claims.sub;
      case 'street_union':
        return !!claims.area && row.area === claims.area;
      case 'expert': {
        const status = await this.ds.getRepository(CandidateStatusEntity).findOneBy({ candidateId: row.id });
        return !!status?.panel.some((seat) => seat.userId === claims.sub);
      }
      default:
        return true;
    }
  }
}
