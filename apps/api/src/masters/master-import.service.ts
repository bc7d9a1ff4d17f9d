import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import {
  candidateWorkflowId,
  PAYMENT_SCHEDULE_V2_WORKFLOW,
  SA_STAGE,
  SA_STATUS,
  shanghaiDate,
  shanghaiMidnight,
  subsidyDueAt,
  type Actor,
  type CandidateStateV2,
  type PaymentScheduleInputV2,
  type PaymentTermsV2,
} from '../../../../libs/contract';
import { ImportConflict, MasterImportRepository, RoundEntity, type ImportedFile, type SealedMaster } from '../../../../libs/db';
import { AuditLog } from '../../../../libs/audit';
import { PiiCipher } from '../../../../libs/security/pii';
import { sealedBankAccount } from '../candidates/bank-account';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { engine } from '../common/temporal-errors';
import { badRequest } from '../common/validation';
import type { ImportedMasterDto, MasterImportDto } from './master-import.dto';

/** Schedules started at once while an import finishes: enough to be quick, few enough to leave the engine room. */
const STARTS_AT_ONCE = 16;

export interface ImportAnswer {
  imported: Array<{ candidateId: string }>;
  unchanged: Array<{ candidateId: string }>;
}

/**
 * Masters named on paper before the service existed. Their files are written in one transaction (all
 * of a request or nothing), then each master's payment schedule starts where the paper records stand:
 * what is paid is recorded as paid, what has fallen due since is created at once, the rest follows
 * its timers. The files are the record: a schedule that failed to start is started by repeating the
 * import, which changes nothing else.
 */
@Injectable()
export class MasterImportService {
  private readonly store: MasterImportRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {
    this.store = new MasterImportRepository(ds);
  }

  async import(dto: MasterImportDto, actor: Actor): Promise<ImportAnswer> {
    await this.refuseServiceRounds(dto.masters);
    const terms = this.terms();
    let files: ImportedFile[];
    try {
      files = await this.store.save(
        dto.masters.map((m) => this.seal(m, terms)),
        actor.userId,
      );
    } catch (err) {
      if (!(err instanceof ImportConflict)) throw err;
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `masters.${err.index}: this person was already imported (round ${err.roundYear}) with other records; nothing of this import was taken — correct payments in the finance inbox`,
        fields: [{ field: `masters.${err.index}.idNumber`, reason: `was already imported (round ${err.roundYear}) with other records` }],
      });
    }
    // Each master's file carries its own record of the import (the request's row names no candidate).
    for (const f of files.filter((x) => x.outcome === 'imported')) {
      await this.audit.append({
        actor: { issuer: actor.issuer ?? null, userId: actor.userId, role: actor.role },
        action: 'master.imported',
        objectType: 'candidate',
        objectId: f.candidateId,
        candidateId: f.candidateId,
        detail: { roundYear: f.roundYear, commendedOn: f.commendedOn, paidOnPaper: f.payments.map((p) => `${p.kind}:${p.instalment}`) },
      });
    }
    for (let i = 0; i < files.length; i += STARTS_AT_ONCE) {
      await Promise.all(files.slice(i, i + STARTS_AT_ONCE).map((f) => this.startSchedule(f, terms, actor)));
    }
    const ids = (outcome: ImportedFile['outcome']) => files.filter((f) => f.outcome === outcome).map((f) => ({ candidateId: f.candidateId }));
    return { imported: ids('imported'), unchanged: ids('unchanged') };
  }

  /** The terms every imported schedule gets: today's settings (the paper programme's amounts). */
  private terms(): PaymentTermsV2 {
    const { bonusFen, subsidyMonthlyFen, subsidyMonths, subsidyDueDay } = this.config.programme;
    return { bonusFen, subsidyMonthlyFen, subsidyMonths, subsidyDueDay };
  }

  /** A round the service runs names its masters itself: they are never imported. */
  private async refuseServiceRounds(masters: ImportedMasterDto[]): Promise<void> {
    const years = [...new Set(masters.map((m) => m.roundYear))];
    const run: Array<{ year: number }> = await this.ds.getRepository(RoundEntity).query(`SELECT DISTINCT year FROM rounds WHERE year = ANY($1)`, [years]);
    const served = new Set(run.map((r) => r.year));
    const problems = masters.flatMap((m, i) =>
      served.has(m.roundYear)
        ? [{ field: `masters.${i}.roundYear`, reason: `round ${m.roundYear} is run by this service: its masters are named here, not imported` }]
        : [],
    );
    if (problems.length) throw badRequest(problems);
  }

  private seal(m: ImportedMasterDto, terms: PaymentTermsV2): SealedMaster {
    const idNumber = m.idNumber.toUpperCase();
    const commendedAtMs = shanghaiMidnight(m.commendedOn);
    const subsidies = [...m.subsidiesPaid].sort((a, b) => a.instalment - b.instalment);
    const bank = m.bankAccount ? sealedBankAccount(m.bankAccount, m.name, this.pii) : null;
    const record = {
      name: m.name,
      id: this.pii.blindIndex('id', idNumber),
      mobile: m.mobile ?? null,
      employer: m.employer,
      trade: m.trade,
      industry: m.industry,
      roundYear: m.roundYear,
      commendedOn: m.commendedOn,
      bonusPaid: m.bonusPaid && { reference: m.bonusPaid.reference, paidOn: m.bonusPaid.paidOn },
      subsidiesPaid: subsidies.map((s) => [s.instalment, s.reference, s.paidOn]),
      bankAccount: m.bankAccount ? [m.bankAccount.bank, m.bankAccount.accountNumber, m.bankAccount.accountName ?? null] : null,
    };
    return {
      name: m.name,
      idNumberCipher: this.pii.encrypt(idNumber),
      idNumberIndex: record.id,
      mobileCipher: m.mobile ? this.pii.encrypt(m.mobile) : null,
      employer: m.employer,
      industry: m.industry,
      trade: m.trade,
      roundYear: m.roundYear,
      commendedOn: m.commendedOn,
      digest: this.pii.blindIndex('import-record', JSON.stringify(record)),
      bank,
      form: {
        name: m.name,
        employer: m.employer,
        industry: m.industry,
        trade: m.trade,
        roundYear: m.roundYear,
        commendedOn: m.commendedOn,
        sealed: { idNumber: this.pii.encrypt(idNumber), ...(m.mobile && { mobile: this.pii.encrypt(m.mobile) }) },
      },
      paper: [
        ...(m.bonusPaid ? [{ kind: 'bonus' as const, instalment: 0, amountFen: terms.bonusFen, dueOn: m.commendedOn, ...m.bonusPaid }] : []),
        ...subsidies.map((s) => ({
          kind: 'subsidy' as const,
          instalment: s.instalment,
          amountFen: terms.subsidyMonthlyFen,
          dueOn: shanghaiDate(subsidyDueAt(commendedAtMs, s.instalment, terms.subsidyDueDay)),
          reference: s.reference,
          paidOn: s.paidOn,
        })),
      ],
    };
  }

  /** Starts the master's schedule once: a workflow ID that ever ran (this import before, or a retry) is left alone. */
  private async startSchedule(f: ImportedFile, terms: PaymentTermsV2, actor: Actor): Promise<void> {
    const at = new Date().toISOString();
    const commendedAt = new Date(shanghaiMidnight(f.commendedOn)).toISOString();
    const file: CandidateStateV2 = {
      candidateId: f.candidateId,
      channel: 'imported',
      stage: 'payments',
      status: 'paying',
      stageEnteredAt: at,
      publicNoticeEndsAt: null,
      decisions: [],
      resubmissions: [],
      commendedAt,
      departure: null,
      payments: f.payments,
      dueAt: null,
      prechecks: [],
      conditions: [],
      panel: [],
      expertScore: null,
      alerts: [],
      closure: null,
      version: 1,
    };
    const input: PaymentScheduleInputV2 = {
      candidateId: f.candidateId,
      roundId: null,
      commendedAt,
      terms,
      file,
      projectionSeq: 0,
      settledLeftOn: null,
      origin: { kind: 'paper_import', roundYear: f.roundYear, actor, at },
    };
    await engine(() =>
      this.temporal.workflow
        .start(PAYMENT_SCHEDULE_V2_WORKFLOW, {
          workflowId: candidateWorkflowId(f.candidateId),
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          typedSearchAttributes: [
            { key: SA_STAGE, value: 'payments' },
            { key: SA_STATUS, value: 'paying' },
          ],
        })
        .catch((err: unknown) => {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }),
    );
  }
}
