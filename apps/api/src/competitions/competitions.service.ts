import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '../../../../libs/contract';
import type { TokenClaims } from '../../../../libs/security/token';
import type { CompetitionDto, CompetitionSummaryDto, CreateCompetitionDto, ListCompetitionsQuery, RecordResultsDto } from './competition.dto';
import { CompetitionRepository } from './competition.repository';

/** Roles that see, per competition, which files rest on its results and who of them was named: district-wide staff who see every file. */
const SEES_NOMINEES: ReadonlySet<Role> = new Set<Role>(['union_office', 'auditor', 'admin']);

/**
 * Skill competitions (赛): the office records each competition and its placings; a placed competitor
 * can then be nominated on the competition channel with the result linked, and the office follows
 * who was nominated and who was named.
 */
@Injectable()
export class CompetitionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly competitions: CompetitionRepository,
  ) {}

  async create(dto: CreateCompetitionDto, claims: TokenClaims): Promise<CompetitionDto> {
    const id = randomUUID();
    await this.competitions.insert({ id, name: dto.name, trade: dto.trade, heldOn: dto.heldOn, level: dto.level, organiser: dto.organiser }, claims.sub);
    return this.get(id, claims);
  }

  list(query: ListCompetitionsQuery): Promise<CompetitionSummaryDto[]> {
    return this.competitions.list(query);
  }

  async get(id: string, claims: TokenClaims): Promise<CompetitionDto> {
    const competition = await this.competitions.find(id);
    if (!competition) throw new NotFoundException(`competition ${id} not found`);
    const results = await this.competitions.results(id);
    if (!SEES_NOMINEES.has(claims.role)) return { ...competition, results };
    const nominated = await this.competitions.nominees(id);
    return { ...competition, results, nominated, named: nominated.filter((n) => n.named) };
  }

  /** Adds placings; those recorded before stay (a result a nomination rests on is never rewritten). */
  async recordResults(id: string, dto: RecordResultsDto, claims: TokenClaims): Promise<CompetitionDto> {
    await this.ds.transaction(async (tx) => {
      if (!(await this.competitions.lock(tx, id))) throw new NotFoundException(`competition ${id} not found`);
      const rows = dto.results.map((r) => ({ id: randomUUID(), name: r.name, employer: r.employer, placing: r.placing, award: r.award ?? null }));
      await this.competitions.insertResults(tx, id, rows, claims.sub);
    });
    return this.get(id, claims);
  }
}
