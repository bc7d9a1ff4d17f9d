import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PanelEmployerCheckEntity } from '../../../../libs/db';
import type { EmployerCheck } from './panel-screening';

/** The record of recusals by employer (panel_employer_checks). */
@Injectable()
export class PanelEmployerCheckRepository {
  constructor(private readonly ds: DataSource) {}

  /** Written in the transaction that seats the panel: if the workflow refuses the panel, no record remains. */
  async recordChecks(tx: EntityManager, candidateId: string, decidedBy: string, checks: EmployerCheck[]): Promise<void> {
    if (!checks.length) return;
    await tx.getRepository(PanelEmployerCheckEntity).insert(checks.map((c) => ({ ...c, candidateId, decidedBy })));
  }

  listForCandidate(candidateId: string): Promise<PanelEmployerCheckEntity[]> {
    return this.ds.getRepository(PanelEmployerCheckEntity).find({ where: { candidateId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
