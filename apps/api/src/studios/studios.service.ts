import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import {
  CLOSED_STUDIO_STATUSES,
  resubmitStudioUpdate,
  screenStudioUpdate,
  screeningProblems,
  studioWorkflowId,
  withdrawStudioUpdate,
  type StudioInputV1,
  type StudioStateV1,
} from '../../../../libs/contract';
import { CandidateEntity, StudioApprenticeEntity, StudioBatchEntity, StudioEntity } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import { accountChanges, type BankAccountDto } from '../candidates/bank-account';
import { pageOf } from '../common/page-query';
import { badRequest } from '../common/validation';
import { shanghaiLocal, windowText } from '../rounds/round-time';
import { StudioAccess } from './studio-access';
import type { CreateStudioDto, ScreeningDto, StudioListQuery, StudioReasonDto, StudioResubmissionDto } from './studio.dto';
import { StudioEngine } from './studio-engine';
import { studioView, type StudioView } from './studio-view';

/** One live application per master: another is refused while one is open or named. */
const LIVE = `status NOT IN (${CLOSED_STUDIO_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** One studio in a list: the row the workflow keeps current, its batch and master, and how many apprentices. */
export interface StudioSummary {
  id: string;
  name: string;
  hostUnit: string;
  trade: string;
  status: string;
  namedOn: string | null;
  batchId: string;
  batchYear: number;
  masterId: string;
  masterName: string;
  appliedAt: string;
  apprentices: number;
}

/** Applications for demonstration studios and the office's screening; each step an Update on the studio's workflow. */
@Injectable()
export class StudiosService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: StudioAccess,
    private readonly engine: StudioEngine,
    private readonly pii: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Files the application and starts its workflow in one step: the rows are committed only once the
   * workflow has started, so a failure leaves nothing behind.
   */
  async apply(dto: CreateStudioDto, claims: TokenClaims, now = new Date()): Promise<{ studioId: string }> {
    const batch = await this.ds.getRepository(StudioBatchEntity).findOneBy({ id: dto.batchId });
    if (!batch) throw badRequest([{ field: 'batchId', reason: `there is no studio batch ${dto.batchId}` }]);
    const master = await this.access.master(dto.masterId, claims);
    if (!master) {
      const whose = claims.role === 'nominator' ? ' among the masters you nominated' : '';
      throw badRequest([{ field: 'masterId', reason: `there is no candidate ${dto.masterId}${whose}` }]);
    }
    if (!master.named) {
      throw badRequest([
        { field: 'masterId', reason: `candidate ${dto.masterId} is not a named master (commended): a studio is named after a master the programme has named` },
      ]);
    }
    if (now < batch.opensAt || now >= batch.closesAt) {
      throw new ConflictException(
        `applications to the ${batch.year} studio batch are accepted ${windowText(batch.opensAt, batch.closesAt)} (Asia/Shanghai); it is now ${shanghaiLocal(now, { seconds: false })}`,
      );
    }
    const studioId = randomUUID();
    const workflowId = studioWorkflowId(studioId);
    const actor = actorOf(claims);
    const input: StudioInputV1 = {
      studioId,
      batchId: batch.id,
      masterId: dto.masterId,
      criteria: batch.criteria,
      grantFen: this.config.studios.grantFen,
      submittedBy: actor,
    };
    await this.ds.transaction(async (tx) => {
      // One application at a time per master, even from two requests at once.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('studio-master:' || $1))`, [dto.masterId]);
      const [live]: Array<{ id: string; status: string }> = await tx.query(`SELECT id, status FROM studios WHERE master_id = $1 AND ${LIVE} LIMIT 1`, [dto.masterId]);
      if (live)
        throw new ConflictException(`master ${dto.masterId} already has a studio application (${live.id}, ${live.status}); one studio is named after each master`);
      await tx.getRepository(StudioEntity).insert({
        id: studioId,
        batchId: batch.id,
        masterId: dto.masterId,
        name: dto.name,
        hostUnit: dto.hostUnit,
        premises: dto.premises,
        trade: dto.trade,
        plan: dto.plan,
        submittedBy: actor.userId,
        submittedRole: actor.role,
        submittedIssuer: actor.issuer ?? null,
        workflowId,
        status: 'applied',
        seq: 0,
        updatedAt: now,
      });
      await tx
        .getRepository(StudioApprenticeEntity)
        .insert(dto.apprentices.map((a) => ({ id: randomUUID(), studioId, name: a.name, startOn: a.startOn, createdBy: actor.userId })));
      await this.engine.start(workflowId, input);
    });
    return { studioId };
  }

  async get(id: string, claims: TokenClaims): Promise<StudioView> {
    const { studio, master } = await this.access.find(id, claims);
    return this.view(studio, await this.engine.state(studio), master);
  }

  /** The studios the caller may see, newest first, a page at a time, from the rows the workflows keep current. */
  async list(query: StudioListQuery, claims: TokenClaims): Promise<{ items: StudioSummary[]; total: number; page: number; pageSize: number }> {
    const { page, pageSize, offset } = pageOf(query);
    const q = this.ds
      .getRepository(StudioEntity)
      .createQueryBuilder('s')
      .innerJoin(CandidateEntity, 'c', 'c.id = s.master_id')
      .innerJoin(StudioBatchEntity, 'b', 'b.id = s.batch_id')
      .select(['s.id AS id', 's.name AS name', 's.host_unit AS "hostUnit"', 's.trade AS trade', 's.status AS status', `to_char(s.named_on, 'YYYY-MM-DD') AS "namedOn"`])
      .addSelect(['s.batch_id AS "batchId"', 'b.year AS "batchYear"', 's.master_id AS "masterId"', 'c.name AS "masterName"', 's.created_at AS "appliedAt"'])
      .addSelect('(SELECT count(*)::int FROM studio_apprentices a WHERE a.studio_id = s.id)', 'apprentices')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id');
    if (query.batchId) q.andWhere('s.batch_id = :batchId', { batchId: query.batchId });
    if (query.masterId) q.andWhere('s.master_id = :masterId', { masterId: query.masterId });
    if (query.status) q.andWhere('s.status = :status', { status: query.status });
    // strpos, not LIKE: a % or _ typed into the search box is looked for as itself.
    if (query.name) q.andWhere('(strpos(lower(s.name), lower(:name)) > 0 OR strpos(lower(c.name), lower(:name)) > 0)', { name: query.name });
    this.scope(q, claims);
    const [items, [{ total }]] = await Promise.all([
      q.clone().offset(offset).limit(pageSize).getRawMany<Omit<StudioSummary, 'appliedAt'> & { appliedAt: Date }>(),
      q.clone().select('count(*)::int', 'total').orderBy().getRawMany<{ total: number }>(),
    ]);
    return { items: items.map((i) => ({ ...i, appliedAt: new Date(i.appliedAt).toISOString() })), total, page, pageSize };
  }

  async screen(id: string, dto: ScreeningDto, claims: TokenClaims): Promise<StudioView> {
    const { studio, master } = await this.access.find(id, claims);
    const batch = await this.ds.getRepository(StudioBatchEntity).findOneByOrFail({ id: studio.batchId });
    // The workflow refuses the same; here each field is named in the 400.
    const problems = screeningProblems(batch.criteria, dto);
    if (problems.length) throw badRequest(problems);
    const state = await this.engine.update(studio, screenStudioUpdate, { ...dto, actor: actorOf(claims) });
    return this.view(studio, state, master);
  }

  /** A returned application goes back to screening; corrections to the studio's fields are kept only if the workflow takes it. */
  async resubmit(id: string, dto: StudioResubmissionDto, claims: TokenClaims): Promise<StudioView> {
    const { studio, master } = await this.access.find(id, claims);
    const state = await this.ds.transaction(async (tx) => {
      if (dto.form && Object.keys(dto.form).length) await tx.getRepository(StudioEntity).update({ id }, { ...dto.form });
      return this.engine.update(studio, resubmitStudioUpdate, { note: dto.note, actor: actorOf(claims) });
    });
    return this.view(Object.assign(studio, dto.form ?? {}), state, master);
  }

  async withdraw(id: string, dto: StudioReasonDto, claims: TokenClaims): Promise<StudioView> {
    const { studio, master } = await this.access.find(id, claims);
    const state = await this.engine.update(studio, withdrawStudioUpdate, { reason: dto.reason, actor: actorOf(claims) });
    return this.view(studio, state, master);
  }

  /**
   * The account the studio's grant is paid to: its host unit's (依托单位), never the master's.
   * The holder defaults to the host unit; recording the same account again changes nothing.
   */
  async recordBankAccount(id: string, dto: BankAccountDto, claims: TokenClaims): Promise<StudioView> {
    const { studio, master } = await this.access.find(id, claims);
    const changes = accountChanges(studio, dto, studio.hostUnit, this.pii, claims.sub);
    if (changes) {
      Object.assign(studio, changes);
      await this.ds.getRepository(StudioEntity).update({ id }, changes);
    }
    return this.view(studio, await this.engine.state(studio), master);
  }

  /** The studio's view with what it shows beside the workflow's state: its batch, apprentices and the grant's status in the finance inbox. */
  async view(studio: StudioEntity, state: StudioStateV1 | null, master: CandidateEntity, tx: EntityManager = this.ds.manager): Promise<StudioView> {
    const [batch, apprentices, grant] = await Promise.all([
      tx.getRepository(StudioBatchEntity).findOneByOrFail({ id: studio.batchId }),
      tx.getRepository(StudioApprenticeEntity).find({ where: { studioId: studio.id }, order: { startOn: 'ASC', createdAt: 'ASC' } }),
      tx.query(`SELECT status FROM payment_tasks WHERE studio_id = $1 AND status <> 'reissued' LIMIT 1`, [studio.id]) as Promise<Array<{ status: string }>>,
    ]);
    return studioView(studio, state, { master, batch, apprentices, grantStatus: grant[0]?.status ?? null, pii: this.pii });
  }

  /** The list sees what the caller may see (as `StudioAccess.visible`): a nominating unit its own masters' and applications, a union its area's. */
  private scope(q: ReturnType<typeof this.ds.createQueryBuilder>, claims: TokenClaims): void {
    if (claims.role === 'street_union') {
      if (claims.area) q.andWhere('c.area = :area', { area: claims.area });
      else q.andWhere('c.area IS NULL');
    }
    if (claims.role === 'nominator') {
      const mine = (t: string) => `(${t}.submitted_by = :sub AND ${t}.submitted_role = 'nominator' AND (${t}.submitted_issuer IS NULL OR ${t}.submitted_issuer = :iss))`;
      q.andWhere(`(${mine('c')} OR ${mine('s')})`, { sub: claims.sub, iss: claims.iss });
    }
  }
}
