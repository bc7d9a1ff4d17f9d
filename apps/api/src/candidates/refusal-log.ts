import { HttpException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RefusedDecisionEntity } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';
import { toHttpError } from '../common/temporal-errors';

const LOGGED = new Set([400, 403, 409, 422]);

/**
 * Runs a file action and, when it is refused, records who tried what and why: Temporal keeps no
 * trace of an Update its validator rejected, and an auditor needs to see those attempts too.
 */
@Injectable()
export class RefusalLog {
  constructor(private readonly ds: DataSource) {}

  async attempt<T>(candidateId: string, action: string, request: object, claims: TokenClaims, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const mapped = toHttpError(err);
      if (mapped instanceof HttpException && LOGGED.has(mapped.getStatus())) {
        await this.ds.getRepository(RefusedDecisionEntity).insert({
          candidateId,
          userId: claims.sub,
          role: claims.role,
          action,
          request: request as Record<string, any>,
          httpStatus: mapped.getStatus(),
          refusal: mapped.message,
        });
      }
      throw mapped;
    }
  }

  list(candidateId: string): Promise<RefusedDecisionEntity[]> {
    return this.ds.getRepository(RefusedDecisionEntity).find({ where: { candidateId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
