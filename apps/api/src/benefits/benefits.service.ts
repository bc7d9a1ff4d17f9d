import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../../libs/audit';
import { shanghaiDate } from '../../../../libs/contract';
import type { TokenClaims } from '../../../../libs/security/token';
import { CandidateAccess } from '../candidates/candidate-access';
import { badRequest, type FieldError } from '../common/validation';
import { refuseTransition, type BenefitStatus } from './benefit-rules';
import type { BenefitDto, BenefitFilterDto, BenefitReportDto, BenefitStepDto, MasterBenefitsDto } from './benefit.dto';
import { BenefitsRepository, STEP_DATES } from './benefits.repository';

const OFFERING_ACTOR = { issuer: 'system', userId: 'benefits', role: 'system' };

/** Why a step's date or note cannot stand: not after today, not before the step before, and a reason to decline. */
function stepProblems(dto: BenefitStepDto, on: string, previous: string | null, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (on > today) problems.push({ field: 'on', reason: `on ${on} is after today (${today})` });
  else if (previous && on < previous) problems.push({ field: 'on', reason: `on ${on} is before the step before it (${previous})` });
  if (dto.status === 'declined' && !dto.note) problems.push({ field: 'note', reason: 'note is required when declined: why the master declines' });
  return problems;
}

/**
 * The named masters' benefits (疗休养, priority recommendations, school places) as tasks for the bodies
 * that grant them. A master's offers are created the first time anything reads benefits after they
 * were named — the round's ceremony or the import — dated the day they were named, each creation on
 * the audit chain; reading again creates nothing more (README "The masters' benefits").
 */
@Injectable()
export class BenefitsService {
  constructor(
    private readonly ds: DataSource,
    private readonly benefits: BenefitsRepository,
    private readonly access: CandidateAccess,
    private readonly audit: AuditLog,
  ) {}

  /** Offers what named masters (the one given, or all) lack; idempotent, and cheap when nothing is missing. */
  async ensureOffered(candidateId: string | null): Promise<void> {
    if (!(await this.benefits.anyMissing(candidateId))) return;
    await this.ds.transaction(async (tx) => {
      const offered = await this.benefits.offerMissing(tx, candidateId);
      const byMaster = new Map<string, typeof offered>();
      for (const o of offered) byMaster.set(o.candidateId, [...(byMaster.get(o.candidateId) ?? []), o]);
      for (const [master, rows] of byMaster) {
        await this.audit.appendWithin((sql, params) => tx.query(sql, params), {
          actor: OFFERING_ACTOR,
          action: 'benefits.offered',
          objectType: 'benefit',
          candidateId: master,
          detail: { kinds: rows.map((r) => r.kind), offeredOn: rows[0].offeredOn },
        });
      }
    });
  }

  async ofMaster(candidateId: string, claims: TokenClaims): Promise<MasterBenefitsDto> {
    await this.access.find(candidateId, claims);
    await this.ensureOffered(candidateId);
    const benefits = await this.benefits.ofCandidate(candidateId);
    return { candidateId, named: benefits.length > 0 || (await this.benefits.isNamed(candidateId)), benefits };
  }

  async list(filter: BenefitFilterDto): Promise<BenefitDto[]> {
    await this.ensureOffered(null);
    return this.benefits.list(filter);
  }

  /** Per master given, how many benefits stand at each status (offered first to any named master who lacks them). */
  async countsByStatus(candidateIds: string[]): Promise<Map<string, Record<BenefitStatus, number>>> {
    await this.ensureOffered(null);
    return this.benefits.countsByStatus(candidateIds);
  }

  async report(year: number): Promise<BenefitReportDto> {
    await this.ensureOffered(null);
    const [mastersNamed, kinds] = await Promise.all([this.benefits.mastersNamedIn(year), this.benefits.report(year)]);
    return { year, mastersNamed, kinds };
  }

  /** One step of the benefit's life; a step its status does not allow is a 409 naming the status. */
  async step(id: string, dto: BenefitStepDto, claims: TokenClaims): Promise<BenefitDto> {
    const today = shanghaiDate(Date.now());
    const candidateId = await this.ds.transaction(async (tx) => {
      const benefit = await this.benefits.lock(tx, id);
      if (!benefit) throw new NotFoundException(`benefit ${id} not found`);
      const refusal = refuseTransition(benefit.status, dto.status);
      if (refusal) throw new ConflictException(refusal);
      const on = dto.on ?? today;
      const problems = stepProblems(dto, on, benefit[STEP_DATES[dto.status].after], today);
      if (problems.length) throw badRequest(problems);
      await this.benefits.step(tx, id, dto.status, { status: dto.status, on, note: dto.note ?? null, by: claims.sub, role: claims.role, at: new Date().toISOString() });
      return benefit.candidateId;
    });
    return (await this.benefits.ofCandidate(candidateId)).find((b) => b.id === id)!;
  }
}
