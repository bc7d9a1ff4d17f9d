import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '../../../../libs/contract';
import type { TokenClaims } from '../../../../libs/security/token';
import { badRequest, type FieldError } from '../common/validation';
import type { AddParticipantsDto, CreateBaseDto, CreateCourseDto, ParticipantOutcomeDto, SetAsideDto, SpendingDto } from './training.dto';
import { trainingFundByYear } from './training-fund';
import type { BaseDto, BaseSummaryDto, CourseDto, FundYearDto, TrainingFundDto, TrainingReportDto } from './training-views.dto';
import { TrainingRepository } from './training.repository';

/** Why an outcome cannot stand: a certificate (and its date) with outcome certified only, never after today nor before the course began. */
function outcomeProblems(o: ParticipantOutcomeDto, course: { startsOn: string }, today: string): FieldError[] {
  if (o.outcome !== 'certified') {
    return (['certificate', 'certifiedOn'] as const)
      .filter((f) => o[f] !== undefined)
      .map((field) => ({ field, reason: `${field} is given only with outcome certified` }));
  }
  const problems: FieldError[] = [];
  if (!o.certificate) problems.push({ field: 'certificate', reason: 'certificate is required with outcome certified: the level obtained' });
  if (!o.certifiedOn) problems.push({ field: 'certifiedOn', reason: 'certifiedOn is required with outcome certified' });
  else if (o.certifiedOn > today) problems.push({ field: 'certifiedOn', reason: `certifiedOn ${o.certifiedOn} is after today (${today})` });
  else if (o.certifiedOn < course.startsOn)
    problems.push({ field: 'certifiedOn', reason: `certifiedOn ${o.certifiedOn} is before the course began (${course.startsOn})` });
  return problems;
}

/** Training (训): bases, courses, participants and their certificates, and the union's training fund. */
@Injectable()
export class TrainingService {
  constructor(
    private readonly ds: DataSource,
    private readonly training: TrainingRepository,
  ) {}

  async createBase(dto: CreateBaseDto, claims: TokenClaims): Promise<BaseDto> {
    const id = randomUUID();
    await this.training.insertBase(id, dto, claims.sub);
    return this.base(id);
  }

  listBases(): Promise<BaseSummaryDto[]> {
    return this.training.listBases();
  }

  async base(id: string): Promise<BaseDto> {
    const base = await this.training.findBase(id);
    if (!base) throw new NotFoundException(`training base ${id} not found`);
    return { ...base, courses: await this.training.coursesOf(id) };
  }

  async addCourse(baseId: string, dto: CreateCourseDto, claims: TokenClaims): Promise<CourseDto> {
    if (!(await this.training.findBase(baseId))) throw new NotFoundException(`training base ${baseId} not found`);
    const id = randomUUID();
    await this.training.insertCourse(id, baseId, dto, claims.sub);
    return this.course(id);
  }

  async course(id: string): Promise<CourseDto> {
    const course = await this.training.findCourse(id);
    if (!course) throw new NotFoundException(`course ${id} not found`);
    return { ...course, participants: await this.training.participantsOf(id) };
  }

  async addParticipants(courseId: string, dto: AddParticipantsDto, claims: TokenClaims): Promise<CourseDto> {
    await this.ds.transaction(async (tx) => {
      if (!(await this.training.findCourse(courseId, tx, true))) throw new NotFoundException(`course ${courseId} not found`);
      await this.training.insertParticipants(
        tx,
        courseId,
        dto.participants.map((p) => ({ id: randomUUID(), name: p.name, employer: p.employer })),
        claims.sub,
      );
    });
    return this.course(courseId);
  }

  async recordOutcome(courseId: string, participantId: string, dto: ParticipantOutcomeDto, claims: TokenClaims): Promise<CourseDto> {
    const course = await this.training.findCourse(courseId);
    if (!course) throw new NotFoundException(`course ${courseId} not found`);
    const problems = outcomeProblems(dto, course, shanghaiDate(Date.now()));
    if (problems.length) throw badRequest(problems);
    if (!(await this.training.setOutcome(courseId, participantId, dto, claims.sub)))
      throw new NotFoundException(`course ${courseId} has no participant ${participantId}`);
    return this.course(courseId);
  }

  report(year: number): Promise<TrainingReportDto> {
    return this.training.report(year);
  }

  fund(): Promise<TrainingFundDto> {
    return trainingFundByYear(this.ds);
  }

  async setAside(dto: SetAsideDto, claims: TokenClaims): Promise<FundYearDto> {
    await this.training.upsertSetAside(dto.year, dto.setAsideFen, dto.basis ?? null, claims.sub);
    return this.fundYear(dto.year);
  }

  async spend(dto: SpendingDto, claims: TokenClaims): Promise<FundYearDto> {
    const today = shanghaiDate(Date.now());
    if (dto.spentOn > today) throw badRequest([{ field: 'spentOn', reason: `spentOn ${dto.spentOn} is after today (${today})` }]);
    if (dto.courseId && !(await this.training.courseExists(dto.courseId))) throw badRequest([{ field: 'courseId', reason: `no course ${dto.courseId} is recorded` }]);
    await this.training.insertSpending(
      randomUUID(),
      { spentOn: dto.spentOn, amountFen: dto.amountFen, purpose: dto.purpose, courseId: dto.courseId ?? null },
      claims.sub,
    );
    return this.fundYear(Number(dto.spentOn.slice(0, 4)));
  }

  /** The year's line of the fund, as GET /training/fund shows it. */
  private async fundYear(year: number): Promise<FundYearDto> {
    return (await this.fund()).years.find((y) => y.year === year)!;
  }
}
