import { ConflictException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../../libs/audit';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import {
  candidateWorkflowId,
  correctDepartureUpdate,
  decideUpdate,
  recordDepartureUpdate,
  refuseRole,
  resubmitUpdate,
  stateQuery,
  type Actor,
  type CandidateStateV2,
} from '../../../../libs/contract';
import { CandidateEntity, CandidateVersionEntity } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { runUpdate } from '../common/engine-update';
import { engine } from '../common/temporal-errors';
import { badRequest } from '../common/validation';
import { publicForm, sealedForm } from '../nominations/candidate-form';
import { formProblems, prechecks } from '../nominations/nomination-rules';
import type { NominationFormDto } from '../nominations/nomination.dto';
import { CandidateAccess } from './candidate-access';
import type { CandidateView } from './candidate-view';
import { CandidateViewer } from './candidate-viewer';
import type { DecisionDto, DepartureCorrectionDto, DepartureDto, ResubmissionDto } from './decision.dto';
import { RefusalLog } from './refusal-log';
import { fetchDecodedHistory } from '../../../../libs/temporal/decode-history';
import { formEdits, mergeHistory, type HistoryEntry } from './history';
import { fetchRunChain, readTimeline } from './timeline';

@Injectable()
export class CandidatesService {
  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    private readonly access: CandidateAccess,
    private readonly refusals: RefusalLog,
    private readonly viewer: CandidateViewer,
    private readonly audit: AuditLog,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(id: string, claims: TokenClaims): Promise<CandidateView> {
    const row = await this.access.find(id, claims);
    const state = await engine(() => this.handle(row).query(stateQuery));
    return this.viewer.show(row, state, claims);
  }

  async decide(id: string, dto: DecisionDto, claims: TokenClaims): Promise<CandidateView> {
    const { opinion, ...decision } = dto;
    const { row, result: state } = await this.refusals.attempt(id, 'decide', dto, claims, () =>
      this.access.actOn(id, claims, async () => {
        const refusal = refuseRole(dto.stage, claims.role);
        if (refusal) throw new ForbiddenException(refusal.message);
        if (opinion && dto.stage !== 'endorsement') throw badRequest([{ field: 'opinion', reason: 'an opinion is given with the endorsement only' }]);
        return runUpdate(this.temporal.workflow.getHandle(candidateWorkflowId(id)), decideUpdate, { ...decision, actor: actorOf(claims) });
      }),
    );
    // The sub-district union's opinion (with seal and date) completes the form once its decision is taken.
    if (opinion) {
      await this.ds.query(`UPDATE candidates SET form = jsonb_set(coalesce(form, '{}'), '{endorserOpinion}', $2::jsonb) WHERE id = $1`, [id, JSON.stringify(opinion)]);
      return this.viewer.afterAction(id, state, claims);
    }
    // A decision changes nothing on the row the view reads (the stage and status come from the state).
    return this.viewer.show(row, state, claims);
  }

  /**
   * Sends a returned file back. Corrections to the form become a new version beside the old one,
   * with the pre-checks worked out again; all of it is undone if the workflow refuses.
   */
  async resubmit(id: string, dto: ResubmissionDto, claims: TokenClaims): Promise<CandidateView> {
    const row = await this.access.find(id, claims);
    const state = await this.refusals.attempt(id, 'resubmit', { note: dto.note, changed: Object.keys(dto.form ?? {}) }, claims, () =>
      this.ds.transaction(async (tx) => {
        const version = row.version + 1;
        const current = await tx.getRepository(CandidateVersionEntity).findOneBy({ candidateId: id, version: row.version });
        const form = this.merged(row, current?.form ?? this.skeletonForm(row), dto.form ?? {});
        const problems = formProblems({ ...form, channel: row.channel as never }, this.config.review, new Date());
        if (problems.length) throw badRequest(problems.map((p) => ({ ...p, field: `form.${p.field}` })));
        await tx.getRepository(CandidateVersionEntity).insert({ candidateId: id, version, form: sealedForm(form, this.pii), note: dto.note, createdBy: claims.sub });
        await tx.getRepository(CandidateEntity).update(
          { id },
          {
            version,
            form: publicForm(form),
            name: form.name,
            employer: form.employer,
            industry: form.industry,
            trade: form.trade,
            yearsOfWork: form.yearsOfWork,
            skillLevel: form.skillLevel,
            area: form.area ?? null,
            mobileCipher: this.pii.encrypt(form.mobile),
            homeAddressCipher: form.homeAddress ? this.pii.encrypt(form.homeAddress) : null,
          },
        );
        return runUpdate(this.handle(row), resubmitUpdate, {
          note: dto.note,
          actor: actorOf(claims),
          version,
          prechecks: prechecks(form, this.config.review),
          conditions: (form.conditions ?? []).map((c) => c.kind),
        });
      }),
    );
    return this.viewer.afterAction(id, state, claims);
  }

  /** The payment schedule answers once the finance inbox has the effects: the reply shows what was cancelled or flagged. */
  recordDeparture(id: string, dto: DepartureDto, claims: TokenClaims): Promise<CandidateView> {
    return this.departureUpdate(id, recordDepartureUpdate, dto, claims);
  }

  correctDeparture(id: string, dto: DepartureCorrectionDto, claims: TokenClaims): Promise<CandidateView> {
    return this.departureUpdate(id, correctDepartureUpdate, dto, claims);
  }

  private async departureUpdate<R extends object>(
    id: string,
    update: UpdateDefinition<CandidateStateV2, [R & { actor: Actor }]>,
    dto: R,
    claims: TokenClaims,
  ): Promise<CandidateView> {
    const row = await this.access.find(id, claims);
    const state = await this.refusals.attempt(id, update.name, dto, claims, () => runUpdate(this.handle(row), update, { ...dto, actor: actorOf(claims) }));
    return this.viewer.afterAction(id, state, claims);
  }

  /** The workflow's own timeline merged with the audit log's rows of the file: refusals, reads in full, every write by whom. */
  async history(id: string, claims: TokenClaims): Promise<HistoryEntry[]> {
    const row = await this.access.find(id, claims);
    const [chain, audit, versions] = await Promise.all([
      engine(() => fetchRunChain((runId) => fetchDecodedHistory(this.temporal.workflow.getHandle(row.workflowId, runId)))),
      this.audit.find({ candidateId: id }),
      this.ds.getRepository(CandidateVersionEntity).findBy({ candidateId: id }),
    ]);
    // The form's edits, old → new, take their place among the workflow's events by time.
    const edits = formEdits(versions, (sealed) => this.pii.decrypt(sealed));
    const timeline = [...readTimeline(chain), ...edits].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return mergeHistory(timeline, audit);
  }

  async refused(id: string, claims: TokenClaims) {
    await this.access.find(id, claims);
    return this.refusals.list(id);
  }

  async versions(id: string, claims: TokenClaims) {
    await this.access.find(id, claims);
    const rows = await this.ds.getRepository(CandidateVersionEntity).find({ where: { candidateId: id }, order: { version: 'ASC' } });
    // Sensitive fields stay sealed here: a version shows which of them changed, not their values.
    return rows.map(({ form: { sealed, ...form }, ...rest }) => ({ ...rest, form, sealedFields: Object.keys(sealed ?? {}) }));
  }

  /** Files nominated before form versions were kept: their form is what the row holds. */
  private skeletonForm(row: CandidateEntity): Record<string, unknown> {
    const { name, employer, industry, trade, yearsOfWork, skillLevel } = row;
    return { name, employer, industry, trade, yearsOfWork, skillLevel, sealed: { mobile: row.mobileCipher } };
  }

  private handle(row: CandidateEntity): WorkflowHandle {
    return this.temporal.workflow.getHandle(row.workflowId);
  }

  /** The form as last submitted (sensitive fields unsealed), with the corrections applied. */
  private merged(row: CandidateEntity, stored: Record<string, any>, changes: Partial<NominationFormDto>): NominationFormDto {
    if (!row.idNumberCipher) throw new ConflictException('the personal data of this file was erased at the end of its retention period: it takes no more changes');
    const { sealed = {}, ...rest } = stored as { sealed?: Record<string, string> };
    const open = Object.fromEntries(Object.entries(sealed).map(([k, v]) => [k, this.pii.decrypt(v)]));
    const base = { ...rest, ...open, idNumber: this.pii.decrypt(row.idNumberCipher) } as unknown as NominationFormDto;
    if (changes.idNumber && changes.idNumber !== base.idNumber) {
      throw badRequest([{ field: 'form.idNumber', reason: 'the ID number cannot change on resubmission: withdraw and nominate again' }]);
    }
    return { ...base, ...JSON.parse(JSON.stringify(changes)) };
  }
}
