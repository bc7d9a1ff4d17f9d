import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { stateQuery } from '../../../../libs/contract';
import { CandidateEntity, CandidateStatusEntity } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';
import { TEMPORAL_CLIENT } from '../common/temporal.module';

/**
 * Who may see which file. Staff of the district see every file; a sub-district union only those of
 * its own area; an expert only those whose panel seats them; a nominator only what it submitted.
 * A file one may not see answers 404, as if it did not exist.
 */
@Injectable()
export class CandidateAccess {
  constructor(
    private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

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
        // A union sees its own area; files nominated without an area, the unions without one.
        return (row.area ?? null) === (claims.area ?? null);
      case 'expert': {
        const status = await this.ds.getRepository(CandidateStatusEntity).findOneBy({ candidateId: row.id });
        if (status?.panel.some((seat) => seat.userId === claims.sub)) return true;
        // The projection trails the workflow by a moment; a seat given just now is in the workflow's state.
        const state = await this.temporal.workflow
          .getHandle(row.workflowId)
          .query(stateQuery)
          .catch(() => null);
        return !!state?.panel?.some((seat) => seat.userId === claims.sub);
      }
      default:
        return true;
    }
  }
}
