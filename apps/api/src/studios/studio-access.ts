import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { sameActor, stateQuery, type Role } from '../../../../libs/contract';
import { CandidateEntity, StudioEntity } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import { TEMPORAL_CLIENT } from '../common/temporal.module';

/** Roles that see studios: district staff every one; a sub-district union its area's masters'; a nominating unit its own masters'. */
export const STUDIO_READERS: Role[] = ['union_office', 'leadership', 'government', 'auditor', 'admin', 'street_union', 'nominator'];

/** A master's row and whether it was named (commended), as the database and the master's workflow say. */
export interface MasterOf {
  row: CandidateEntity;
  named: boolean;
}

/**
 * Named, by the database: imported from paper, commended on a round's list, paid a bonus, or at the
 * payments stage (or finished there). The status projection trails the workflow by a moment, so a file
 * commended just now is asked of its workflow as well.
 */
const NAMED_SQL = `SELECT EXISTS (SELECT 1 FROM imported_masters m WHERE m.candidate_id = $1)
    OR EXISTS (SELECT 1 FROM round_entries e WHERE e.candidate_id = $1 AND e.outcome = 'commended')
    OR EXISTS (SELECT 1 FROM payment_tasks t WHERE t.candidate_id = $1 AND t.kind = 'bonus')
    OR EXISTS (SELECT 1 FROM candidate_status s WHERE s.candidate_id = $1 AND (s.stage = 'payments' OR s.status IN ('completed', 'subsidy_stopped'))) AS named`;

/** The unit or person that filed the master's nomination (issuer, subject and role all match). */
export function nominated(master: CandidateEntity, claims: TokenClaims): boolean {
  return sameActor({ issuer: master.submittedIssuer ?? undefined, userId: master.submittedBy, role: master.submittedRole as Role }, actorOf(claims));
}

/**
 * Who may see which studio, and whose master a studio may be named after. A studio one may not see
 * answers 404, as if it did not exist (as files do): a nominating unit sees the studios of the masters
 * it nominated and those it applied for; a sub-district union those of its area's masters.
 */
@Injectable()
export class StudioAccess {
  constructor(
    private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async find(id: string, claims: TokenClaims): Promise<{ studio: StudioEntity; master: CandidateEntity }> {
    const studio = await this.ds.getRepository(StudioEntity).findOneBy({ id });
    const master = studio && (await this.ds.getRepository(CandidateEntity).findOneBy({ id: studio.masterId }));
    if (!studio || !master || !this.visible(studio, master, claims)) throw new NotFoundException(`studio ${id} not found`);
    return { studio, master };
  }

  visible(studio: StudioEntity, master: CandidateEntity, claims: TokenClaims): boolean {
    switch (claims.role) {
      case 'nominator':
        return (
          nominated(master, claims) ||
          sameActor({ issuer: studio.submittedIssuer ?? undefined, userId: studio.submittedBy, role: studio.submittedRole as Role }, actorOf(claims))
        );
      case 'street_union':
        return (master.area ?? null) === (claims.area ?? null);
      default:
        return STUDIO_READERS.includes(claims.role);
    }
  }

  /** The master a studio would be named after, or null when there is no such file (or, for a nominating unit, not one it nominated). */
  async master(masterId: string, claims: TokenClaims): Promise<MasterOf | null> {
    const row = await this.ds.getRepository(CandidateEntity).findOneBy({ id: masterId });
    if (!row || (claims.role === 'nominator' && !nominated(row, claims))) return null;
    const [{ named }]: Array<{ named: boolean }> = await this.ds.query(NAMED_SQL, [masterId]);
    if (named) return { row, named };
    const state = await this.temporal.workflow
      .getHandle(row.workflowId)
      .query(stateQuery)
      .catch(() => null);
    return { row, named: !!state?.commendedAt && !state.closure };
  }
}
