import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { decideStudioUpdate, type StudioStateV1 } from '../../../../libs/contract';
import { CandidateEntity, StudioBatchEntity, StudioEntity, type StudioBatchApproval } from '../../../../libs/db';
import { pool } from '../../../../libs/dev/pool';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import { badRequest } from '../common/validation';
import { parseInstant, shanghaiLocal } from '../rounds/round-time';
import { StudioAccess } from './studio-access';
import type { CreateStudioBatchDto, StudioBatchApprovalDto } from './studio.dto';
import { StudioEngine } from './studio-engine';
import { batchView } from './studio-view';

/** Updates in flight at once while a batch's decision reaches its studios. */
const APPROVAL_PARALLEL = 8;

interface Entry {
  studio: StudioEntity;
  state: StudioStateV1 | null;
}

const label = (e: Entry) => `'${e.studio.name}' (${e.studio.id})`;

/** The studio batches (every two years), their creation standard and the leadership group's approval. */
@Injectable()
export class StudioBatchesService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: StudioAccess,
    private readonly engine: StudioEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a batch; refused (409, with the reason) within STUDIO_BATCH_INTERVAL_YEARS of another batch. */
  async create(dto: CreateStudioBatchDto, claims: TokenClaims): Promise<{ batchId: string }> {
    const opensAt = parseInstant(dto.opensAt) as Date;
    const closesAt = parseInstant(dto.closesAt) as Date;
    if (closesAt <= opensAt) throw badRequest([{ field: 'closesAt', reason: 'closesAt must be after opensAt' }]);
    const every = this.config.studios.batchIntervalYears;
    const batchId = randomUUID();
    await this.ds.transaction(async (tx) => {
      // Two offices opening batches at once are served one after the other, the second seeing the first.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('studio-batches'))`);
      const [near]: Array<{ id: string; year: number }> = await tx.query(
        `SELECT id, year FROM studio_batches WHERE abs(year - $1) < $2 ORDER BY abs(year - $1), year LIMIT 1`,
        [dto.year, every],
      );
      if (near) {
        const next = near.year > dto.year ? `${near.year - every} or earlier` : `${near.year + every} or later`;
        throw new ConflictException(
          `a studio batch is selected every ${every} years (the notice: 每两年选拔一批): the ${near.year} batch (${near.id}) is within ${every} years of ${dto.year}; ` +
            `the nearest year a batch may be opened for is ${next}`,
        );
      }
      await tx
        .getRepository(StudioBatchEntity)
        .insert({ id: batchId, year: dto.year, opensAt, closesAt, criteria: dto.criteria, createdBy: claims.sub, approval: null, approvedBy: null, approvedAt: null });
    });
    return { batchId };
  }

  async list() {
    const rows: Array<{ id: string; year: number; opens_at: Date; closes_at: Date; approved_at: Date | null; applications: number; named: number }> = await this.ds.query(
      `SELECT b.id, b.year, b.opens_at, b.closes_at, b.approved_at,
              count(s.id)::int AS applications, count(s.id) FILTER (WHERE s.status = 'named')::int AS named
         FROM studio_batches b LEFT JOIN studios s ON s.batch_id = b.id GROUP BY b.id ORDER BY b.year DESC`,
    );
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      opensAt: r.opens_at.toISOString(),
      closesAt: r.closes_at.toISOString(),
      approvedAt: r.approved_at?.toISOString() ?? null,
      applications: r.applications,
      named: r.named,
    }));
  }

  /** The batch with the studios of it the caller may see; `live`: states fresher than the rows (an approval's replies). */
  async get(id: string, claims: TokenClaims, live = new Map<string, StudioStateV1>()) {
    const batch = await this.find(id);
    const studios = await this.ds.getRepository(StudioEntity).find({ where: { batchId: id }, order: { createdAt: 'ASC' } });
    const masters = new Map((studios.length ? await this.ds.getRepository(CandidateEntity).findBy(studios.map((s) => ({ id: s.masterId }))) : []).map((m) => [m.id, m]));
    const seen = studios.filter((s) => this.access.visible(s, masters.get(s.masterId)!, claims));
    return batchView(
      batch,
      seen.map((s) => ({ id: s.id, name: s.name, masterId: s.masterId, status: live.get(s.id)?.status ?? s.status, namedOn: live.get(s.id)?.namedOn ?? s.namedOn })),
    );
  }

  /**
   * The leadership group approves the batch in one decision: every studio that passed screening is
   * approved (named, its grant instructed) or not approved with the reason. The decision is recorded
   * first, then sent to each studio; should that stop part-way (the engine unavailable), the same
   * decision sent again reaches the rest, and a studio that already has it answers as it stands.
   */
  async approve(id: string, dto: StudioBatchApprovalDto, claims: TokenClaims) {
    const batch = await this.find(id);
    const now = new Date();
    if (now < batch.closesAt) {
      throw new ConflictException(
        `applications to the ${batch.year} batch are open until ${shanghaiLocal(batch.closesAt, { endOfWindow: true })} (Asia/Shanghai); the batch is approved once they close`,
      );
    }
    const entries = await this.entries(id);
    const decision = this.decision(dto, entries);
    const recorded = await this.record(batch, decision, claims);
    const approvalId = recorded.approvalId;
    const actor = actorOf(claims);
    const reasons = new Map(recorded.notApproved.map((n) => [n.studioId, n.reason]));
    const toSend = [...recorded.approved, ...recorded.notApproved.map((n) => n.studioId)];
    const states = await pool(toSend, APPROVAL_PARALLEL, async (studioId) => {
      const entry = entries.get(studioId)!;
      if (entry.state?.approval?.approvalId === approvalId) return entry.state;
      const approved = !reasons.has(studioId);
      return this.engine.update(entry.studio, decideStudioUpdate, { approvalId, approved, reason: reasons.get(studioId) ?? null, actor });
    });
    // The rows trail the workflows by a moment: the reply shows what each studio answered.
    return this.get(id, claims, new Map(toSend.map((studioId, i) => [studioId, states[i]])));
  }

  private async find(id: string): Promise<StudioBatchEntity> {
    const batch = await this.ds.getRepository(StudioBatchEntity).findOneBy({ id });
    if (!batch) throw new NotFoundException(`studio batch ${id} not found`);
    return batch;
  }

  /** The batch's studios with their live state (the row's once their run has ended). */
  private async entries(batchId: string): Promise<Map<string, Entry>> {
    const studios = await this.ds.getRepository(StudioEntity).findBy({ batchId });
    const states = await pool(studios, APPROVAL_PARALLEL, (s) => this.engine.state(s));
    return new Map(studios.map((studio, i) => [studio.id, { studio, state: states[i] }]));
  }

  /**
   * The decision as the rules allow it: each studio of this batch once, every screened studio covered
   * (422 naming the entry otherwise); nothing still awaiting screening (409). A studio already decided
   * by this batch's approval counts as it was decided, so a repeated request finds the same picture.
   */
  private decision(dto: StudioBatchApprovalDto, entries: Map<string, Entry>): Omit<StudioBatchApproval, 'approvalId'> {
    const problems: Array<{ field: string; reason: string }> = [];
    const named = new Set<string>();
    const listed = [
      ...dto.approved.map((studioId, i) => ({ studioId, field: `approved.${i}` })),
      ...dto.notApproved.map((n, i) => ({ studioId: n.studioId, field: `notApproved.${i}.studioId` })),
    ];
    for (const { studioId, field } of listed) {
      const entry = entries.get(studioId);
      if (!entry) problems.push({ field, reason: `studio ${studioId} is not an application of this batch` });
      else if (named.has(studioId)) problems.push({ field, reason: `studio ${label(entry)} is named twice` });
      else if (!this.decidable(entry))
        problems.push({ field, reason: `studio ${label(entry)} is '${entry.state?.status ?? entry.studio.status}', not screened and awaiting approval` });
      named.add(studioId);
    }
    const waiting = [...entries.values()].filter((e) => ['applied', 'returned'].includes(e.state?.status ?? e.studio.status));
    if (waiting.length)
      throw new ConflictException(`the batch still has applications awaiting screening: ${waiting.map(label).join(', ')}; screen them (pass or fail) first`);
    const missing = [...entries.values()].filter((e) => this.decidable(e) && !named.has(e.studio.id));
    if (missing.length)
      problems.push({ field: 'notApproved', reason: `every screened studio must be approved or not approved with a reason; missing: ${missing.map(label).join(', ')}` });
    if (problems.length) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
        fields: problems,
      });
    }
    return { approved: dto.approved, notApproved: dto.notApproved.map(({ studioId, reason }) => ({ studioId, reason })) };
  }

  /** Screened and awaiting approval, or decided by an approval of this batch already (a repeat). */
  private decidable(e: Entry): boolean {
    return e.state?.status === 'screened' || !!e.state?.approval;
  }

  /** Records the decision once; the same decision again is its repeat, another one a 409. */
  private async record(batch: StudioBatchEntity, decision: Omit<StudioBatchApproval, 'approvalId'>, claims: TokenClaims): Promise<StudioBatchApproval> {
    const approval: StudioBatchApproval = { approvalId: randomUUID(), ...decision };
    const { affected } = await this.ds
      .getRepository(StudioBatchEntity)
      .createQueryBuilder()
      .update()
      .set({ approval, approvedBy: claims.sub, approvedAt: () => 'now()' })
      .where('id = :id AND approval IS NULL', { id: batch.id })
      .execute();
    if (affected) return approval;
    const stored = await this.find(batch.id);
    const same = (a: Omit<StudioBatchApproval, 'approvalId'>) =>
      JSON.stringify([[...a.approved].sort(), a.notApproved.map((n) => [n.studioId, n.reason]).sort((x, y) => x[0].localeCompare(y[0]))]);
    if (stored.approval && same(stored.approval) === same(decision)) return stored.approval;
    throw new ConflictException(`the ${batch.year} batch was approved on ${stored.approvedAt?.toISOString()} by ${stored.approvedBy}; its decision stands`);
  }
}
