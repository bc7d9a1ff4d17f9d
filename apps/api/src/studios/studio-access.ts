import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { sameActor, stateQuery, type Role } from '../../../../libs/contract';
import { CandidateEntity, NamedMasters, StudioEntity } from '../../../../libs/db';
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
    // Named, by the database (libs/db/named-masters: every way a master is named). The status projection
    // trails the workflow by a moment, so a file commended just now is asked of its workflow as well.
    if (await new NamedMasters(this.ds).find(masterId)) return { row, named: true };
    const state = await this.temporal.workflow
      .getHandle(row.workflowId)
      .query(stateQuery)
      .catch(() => null);
    return { row, named: !!state?.commendedAt && !state.closure };
  }
}
