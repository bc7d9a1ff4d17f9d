import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { sameActor, stateQuery, type Role } from '../../../../libs/contract';
import { CandidateEntity, CandidateStatusEntity } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import { TEMPORAL_CLIENT } from '../common/temporal.module';

/**
 * Who may see which file. Staff of the district see every file; a sub-district union only those of
 * its own area; an expert only those whose panel seats them; a nominator only what it submitted.
 * A file one may not see answers 404, as if it did not exist.
 */
/** Roles that see only part of the files: whether they may act depends on the file's row. */
const SCOPED_ROLES: ReadonlySet<string> = new Set(['nominator', 'street_union', 'expert', 'leadership', 'government']);

/**
 * The files on the lists before the leadership group and the government: those that reached the
 * leadership's review (the formal list, the notice, approval, commendation, payments), and those the
 * lists closed (left out, not approved) or that went on to be named. Earlier stages are the reviewers'.
 */
export const ON_THE_LISTS = {
  stages: ['leadership', 'public_notice', 'government_approval', 'commendation', 'payments'],
  closedAs: ['left_out', 'not_approved', 'completed', 'subsidy_stopped'],
};
/** Seats whose expert still takes part in the review. */
const ACTIVE_SEAT: ReadonlySet<string> = new Set(['assigned', 'scored']);

/** What both the status projection and the workflow's state say of a file. */
interface FileStanding {
  stage: string;
  status: string;
  panel: Array<{ userId: string; status: string }>;
}

const onTheLists = (s: FileStanding) => ON_THE_LISTS.stages.includes(s.stage) || (s.stage === 'closed' && ON_THE_LISTS.closedAs.includes(s.status));

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

  /**
   * Reads the file and runs an action on it. District-wide roles may act on any file, so for them the
   * row is read while the action runs rather than before it — one database round trip off every
   * decision's latency; a file that does not exist fails both, and answers 404. A scoped role's
   * right depends on the row, so it is checked first.
   */
  async actOn<T>(id: string, claims: TokenClaims, act: () => Promise<T>): Promise<{ row: CandidateEntity; result: T }> {
    if (SCOPED_ROLES.has(claims.role)) {
      const row = await this.find(id, claims);
      return { row, result: await act() };
    }
    const reading = this.find(id, claims);
    reading.catch(() => undefined); // awaited below on either path
    try {
      const result = await act();
      return { row: await reading, result };
    } catch (err) {
      await reading; // a missing file answers 404, whatever the action said
      throw err;
    }
  }

  /**
   * Whether the file stands so: by the status projection, else by the workflow's own state — the
   * projection trails the workflow by a moment, so a seat given or a stage reached just now is only there.
   */
  private async standsSo(row: CandidateEntity, test: (s: FileStanding) => boolean): Promise<boolean> {
    const status = await this.ds.getRepository(CandidateStatusEntity).findOneBy({ candidateId: row.id });
    if (status && test(status)) return true;
    const state = await this.temporal.workflow
      .getHandle(row.workflowId)
      .query(stateQuery)
      .catch(() => null);
    return !!state && test(state);
  }

  private async visible(row: CandidateEntity, claims: TokenClaims): Promise<boolean> {
    switch (claims.role) {
      case 'nominator':
        return sameActor({ issuer: row.submittedIssuer ?? undefined, userId: row.submittedBy, role: row.submittedRole as Role }, actorOf(claims));
      case 'street_union':
        // A union sees its own area; files nominated without an area, the unions without one.
        return (row.area ?? null) === (claims.area ?? null);
      case 'leadership':
      case 'government':
        return this.standsSo(row, onTheLists);
      case 'expert': {
        // Only a seat still taking part: an expert recused, or who declared a conflict, has left the file.
        const sits = (seat: { userId: string; status: string }) => seat.userId === claims.sub && ACTIVE_SEAT.has(seat.status);
        return this.standsSo(row, (s) => s.panel.some(sits));
      }
      default:
        return true;
    }
  }
}
