import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOSED_STUDIO_STATUSES } from '../../../../libs/contract';
import { StudioApprenticeEntity, type ApprenticeOutcome } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';
import { badRequest } from '../common/validation';
import { StudioAccess } from './studio-access';
import type { AddApprenticeDto, ApprenticeOutcomeDto, UpdateApprenticeDto } from './studio.dto';
import { apprenticeView } from './studio-view';

const endsBeforeStart = (startOn: string, endOn: string | null | undefined) =>
  endOn && endOn < startOn ? [{ field: 'endOn', reason: `endOn ${endOn} is before the apprenticeship started (${startOn})` }] : [];

/** The studio's "1+N" mentoring (名师带徒): apprentices, each apprenticeship's start, end and outcome. People, so kept here only. */
@Injectable()
export class ApprenticesService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: StudioAccess,
  ) {}

  async add(studioId: string, dto: AddApprenticeDto, claims: TokenClaims) {
    const { studio } = await this.access.find(studioId, claims);
    if (CLOSED_STUDIO_STATUSES.includes(studio.status)) throw new ConflictException(`the studio application is ${studio.status}: it trains no apprentices`);
    const problems = endsBeforeStart(dto.startOn, dto.endOn);
    if (problems.length) throw badRequest(problems);
    const row: Partial<StudioApprenticeEntity> = {
      id: randomUUID(),
      studioId,
      name: dto.name,
      startOn: dto.startOn,
      endOn: dto.endOn ?? null,
      outcome: outcomeOf(dto.outcome),
      createdBy: claims.sub,
    };
    await this.ds.getRepository(StudioApprenticeEntity).insert(row);
    return { studioId, ...apprenticeView(await this.find(studioId, row.id!)) };
  }

  /** Records the end and the outcome; a field left out stays as it was. */
  async update(studioId: string, apprenticeId: string, dto: UpdateApprenticeDto, claims: TokenClaims) {
    await this.access.find(studioId, claims);
    const row = await this.find(studioId, apprenticeId);
    if (dto.endOn === undefined && dto.outcome === undefined) throw badRequest([{ field: 'outcome', reason: 'give endOn, outcome or both' }]);
    const problems = endsBeforeStart(row.startOn, dto.endOn);
    if (problems.length) throw badRequest(problems);
    await this.ds.getRepository(StudioApprenticeEntity).update(
      { id: apprenticeId },
      {
        ...(dto.endOn !== undefined && { endOn: dto.endOn }),
        ...(dto.outcome !== undefined && { outcome: outcomeOf(dto.outcome) }),
        updatedBy: claims.sub,
        updatedAt: new Date(),
      },
    );
    return { studioId, ...apprenticeView(await this.find(studioId, apprenticeId)) };
  }

  private async find(studioId: string, id: string): Promise<StudioApprenticeEntity> {
    const row = await this.ds.getRepository(StudioApprenticeEntity).findOneBy({ id, studioId });
    if (!row) throw new NotFoundException(`apprentice ${id} of studio ${studioId} not found`);
    return row;
  }
}

/** Only what was given: an empty outcome is none. */
function outcomeOf(dto: ApprenticeOutcomeDto | undefined): ApprenticeOutcome | null {
  if (!dto) return null;
  const { skillLevel, competition, note } = dto;
  const outcome: ApprenticeOutcome = {
    ...(skillLevel && { skillLevel }),
    ...(competition && { competition: { name: competition.name, year: competition.year, placing: competition.placing } }),
    ...(note && { note }),
  };
  return Object.keys(outcome).length ? outcome : null;
}
