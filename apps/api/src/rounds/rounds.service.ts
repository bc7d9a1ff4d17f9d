import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThanOrEqual, MoreThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { CHANNELS, roundWorkflowId, type Channel } from '../../../../libs/contract';
import { RoundEntity } from '../../../../libs/db';
import { AREAS, INDUSTRIES, type Area, type Industry } from '../../../../libs/domain';
import type { FieldError } from '../common/validation';
import { durationMs, type CreateRoundDto } from './round.dto';
import { RoundEngine } from './round-engine';
import { factsFromProjection, roundView, type RoundView } from './round-view';
import { noOpenRoundMessage, outsideWindowMessage, parseInstant, roundPhase } from './round-time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AreaCount {
  count: number;
  target: number;
  meetsTarget: boolean;
}

export interface RoundReport {
  roundId: string;
  year: number;
  quota: number;
  total: number;
  byChannel: Record<Channel, number>;
  byIndustry: Record<Industry, number>;
  /** Organisational nominations per sub-district union, against the notice's "at least 3" target. */
  byArea: Record<Area, AreaCount>;
  /** Organisational nominations with no (or an unknown) sub-district recorded. */
  organisationalWithoutArea: number;
}

export interface RankingEntry {
  rank: number;
  candidateId: string;
  name: string;
  employer: string;
  industry: string;
  score: number;
  stage: string;
  status: string;
  /** From the round's projection, once the re-review list is frozen (null until the vote closes). */
  votes?: number | null;
  voteScore?: number | null;
  combinedScore?: number | null;
  combinedRank?: number | null;
  outcome?: string | null;
  /** Why the outcome (the formal list's, the approval's, an upheld objection's), from `round_entries`. */
  reason?: string | null;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

@Injectable()
export class RoundsService {
  /** The per-area target (the notice: each sub-district union forwards at least 3), validated at boot. */
  private readonly areaTarget: number;

  /** The notice period of a round that names none (PUBLIC_NOTICE_DURATION). */
  private readonly publicNoticeMs: number;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: RoundEngine,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.areaTarget = config.roundAreaTarget;
    this.publicNoticeMs = config.programme.publicNoticeMs;
  }

  private get rounds() {
    return this.ds.getRepository(RoundEntity);
  }

  async create(dto: CreateRoundDto, createdBy: string): Promise<{ roundId: string }> {
    // The DTO has already checked each field's shape; these are the rules between fields.
    const opens = parseInstant(dto.nominationOpensAt) as Date;
    const closes = parseInstant(dto.nominationClosesAt) as Date;
    const reviewCloses = parseInstant(dto.reviewClosesAt) as Date;
    const fields: FieldError[] = [];
    if (closes.getTime() <= opens.getTime()) {
      fields.push({ field: 'nominationClosesAt', reason: 'nominationClosesAt must be after nominationOpensAt' });
    }
    if (reviewCloses.getTime() <= closes.getTime()) {
      fields.push({ field: 'reviewClosesAt', reason: 'reviewClosesAt must be after nominationClosesAt' });
    }
    if (fields.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
        fields,
      });
    }

    const existing = await this.rounds.findOne({ where: { year: dto.year } });
    if (existing) throw this.duplicateYear(dto.year, existing.id);
    const id = randomUUID();
    const row = this.rounds.create({
      id,
      year: dto.year,
      quota: dto.quota,
      nominationOpensAt: opens,
      nominationClosesAt: closes,
      reviewClosesAt: reviewCloses,
      createdBy,
      votingDays: dto.votingDays ?? 3,
      publicNoticeMs: dto.publicNoticeDuration ? durationMs(dto.publicNoticeDuration)! : this.publicNoticeMs,
      workflowId: roundWorkflowId(dto.year),
    });
    try {
      // The row is committed only once the round's workflow has started, so a failure leaves nothing behind.
      await this.ds.transaction(async (tx) => {
        await tx.getRepository(RoundEntity).insert(row);
        await this.engine.start(row);
      });
    } catch (err) {
      // Two requests for the same year at once: the unique constraint decides.
      if ((err as { driverError?: { code?: string }; code?: string }).driverError?.code === '23505' || (err as { code?: string }).code === '23505') {
        const winner = await this.rounds.findOne({ where: { year: dto.year } });
        throw this.duplicateYear(dto.year, winner?.id);
      }
      throw err;
    }
    return { roundId: id };
  }

  private duplicateYear(year: number, id?: string): ConflictException {
    return new ConflictException(`a round for ${year} already exists${id ? ` (${id})` : ''}; there is one round per year`);
  }

  async list(now = new Date()): Promise<RoundView[]> {
    const rows = await this.rounds.find({ order: { year: 'DESC' } });
    const outcomes = await this.outcomes(rows.map((r) => r.id));
    return rows.map((r) => roundView(factsFromProjection(r, outcomes.get(r.id) ?? {}), now));
  }

  async get(id: string, now = new Date()): Promise<RoundView> {
    const row = await this.find(id);
    const outcomes = await this.outcomes([id]);
    // The place of the ceremony lives in the round's workflow only.
    const place = row.ceremonyDate ? ((await this.engine.summary(row))?.ceremony?.place ?? null) : null;
    return roundView(factsFromProjection(row, outcomes.get(id) ?? {}, place), now);
  }

  /** Entries of each round's re-review list by outcome ('pending' while it has none), one grouped query. */
  private async outcomes(ids: string[]): Promise<Map<string, Record<string, number>>> {
    const out = new Map<string, Record<string, number>>();
    if (!ids.length) return out;
    const rows: Array<{ round_id: string; outcome: string; n: number }> = await this.ds.query(
      `SELECT round_id, coalesce(outcome, 'pending') AS outcome, count(*)::int AS n FROM round_entries WHERE round_id = ANY($1::uuid[]) GROUP BY 1, 2`,
      [ids],
    );
    for (const r of rows) out.set(r.round_id, { ...out.get(r.round_id), [r.outcome]: Number(r.n) });
    return out;
  }

  /** The round, or 404. */
  async find(id: string): Promise<RoundEntity> {
    const row = UUID.test(id) ? await this.rounds.findOne({ where: { id } }) : null;
    if (!row) throw new NotFoundException(`round ${id} not found`);
    return row;
  }

  /**
   * The round a nomination filed at `now` joins: the one named (404 if none), which must be taking
   * nominations (409 giving its window otherwise); or, none named, the one whose nomination window
   * contains `now` (409 if there is none, naming the next window; 409 if several overlap).
   */
  async resolveForNomination(roundId: string | undefined, now: Date): Promise<RoundEntity> {
    if (roundId !== undefined) {
      const round = await this.find(roundId);
      if (roundPhase(round, now) !== 'nominating') throw new ConflictException(outsideWindowMessage(round.year, round, now));
      return round;
    }
    const open = await this.rounds.find({
      where: { nominationOpensAt: LessThanOrEqual(now), nominationClosesAt: MoreThan(now) },
      order: { year: 'ASC' },
    });
    if (open.length === 1) return open[0];
    if (open.length > 1) {
      throw new ConflictException(`${open.length} rounds are open for nominations (${open.map((r) => r.year).join(', ')}); name the round with roundId`);
    }
    const next = await this.rounds.findOne({ where: { nominationOpensAt: MoreThan(now) }, order: { nominationOpensAt: 'ASC' } });
    throw new ConflictException(noOpenRoundMessage(now, next ?? undefined));
  }

  /** Nominations in the round per channel, industry and sub-district union: one grouped query each. */
  async report(id: string): Promise<RoundReport> {
    const round = await this.find(id);
    const [channels, industries, areas] = (await Promise.all([
      this.ds.query(`SELECT channel AS key, count(*)::int AS n FROM candidates WHERE round_id = $1 GROUP BY channel`, [id]),
      this.ds.query(`SELECT industry AS key, count(*)::int AS n FROM candidates WHERE round_id = $1 GROUP BY industry`, [id]),
      this.ds.query(`SELECT area AS key, count(*)::int AS n FROM candidates WHERE round_id = $1 AND channel = 'organisational' GROUP BY area`, [id]),
    ])) as Array<Array<{ key: string | null; n: number }>>;

    const byChannel = zeroes(CHANNELS);
    let total = 0;
    for (const { key, n } of channels) {
      total += n;
      if (key !== null && key in byChannel) byChannel[key as Channel] = n;
    }
    const byIndustry = zeroes(INDUSTRIES);
    for (const { key, n } of industries) if (key !== null && key in byIndustry) byIndustry[key as Industry] = n;
    const areaCounts = zeroes(AREAS);
    let organisationalWithoutArea = 0;
    for (const { key, n } of areas) {
      if (key !== null && key in areaCounts) areaCounts[key as Area] = n;
      else organisationalWithoutArea += n;
    }
    const target = this.areaTarget;
    const byArea = Object.fromEntries(AREAS.map((a) => [a, { count: areaCounts[a], target, meetsTarget: areaCounts[a] >= target }])) as Record<Area, AreaCount>;

    return { roundId: round.id, year: round.year, quota: round.quota, total, byChannel, byIndustry, byArea, organisationalWithoutArea };
  }

  /**
   * Candidates with an expert score, best first; equal scores share a rank (1, 2, 2, 4). Once the
   * re-review list is frozen, each line carries its vote count, vote score, combined score and rank
   * (from the vote's close) and its outcome, from the round's projection.
   */
  async ranking(id: string): Promise<{ roundId: string; year: number; quota: number; ranking: RankingEntry[] }> {
    const round = await this.find(id);
    return { roundId: round.id, year: round.year, quota: round.quota, ranking: await this.rankingLines(round.id) };
  }

  /**
   * Where one file stands in its round: its line of the ranking (null until it has an expert score),
   * ranked among the whole round by the same query. A file of no round has neither.
   */
  async standing(candidateId: string, roundId: string | null) {
    const round = roundId ? await this.find(roundId) : null;
    const [line] = round ? await this.rankingLines(round.id, candidateId) : [];
    return { candidateId, roundId: round?.id ?? null, year: round?.year ?? null, quota: round?.quota ?? null, line: line ?? null };
  }

  /** The ranking's lines: the whole round's, or one file's (ranked among the whole round before it is picked out). */
  private async rankingLines(roundId: string, candidateId: string | null = null): Promise<RankingEntry[]> {
    const rows: Array<{
      rank: string | number;
      id: string;
      name: string;
      employer: string;
      industry: string;
      score_centi: number;
      stage: string;
      status: string;
      listed: boolean;
      votes: number | null;
      vote_score_centi: number | null;
      combined_centi: number | null;
      combined_rank: number | null;
      outcome: string | null;
      reason: string | null;
    }> = await this.ds.query(
      // A listed file's score is its entry's: the status projection trails the file (under load a
      // file's first report may not even be written), and the round lists a file whose last expert
      // scored just before the freeze by asking the file itself. Such a file stands where every
      // listed file stood at the freeze: its review done, waiting for the round.
      `SELECT * FROM (
         SELECT rank() OVER (ORDER BY COALESCE(e.expert_score_centi, s.score_centi) DESC) AS rank,
                c.id, c.name, c.employer, c.industry, COALESCE(e.expert_score_centi, s.score_centi) AS score_centi,
                COALESCE(s.stage, 'expert_review') AS stage, COALESCE(s.status, 'awaiting_round') AS status,
                e.candidate_id IS NOT NULL AS listed, e.votes, e.vote_score_centi, e.combined_centi, e.combined_rank, e.outcome, e.reason
           FROM candidates c
           LEFT JOIN candidate_status s ON s.candidate_id = c.id
           LEFT JOIN round_entries e ON e.round_id = c.round_id AND e.candidate_id = c.id
          WHERE c.round_id = $1 AND (e.candidate_id IS NOT NULL OR s.score_centi IS NOT NULL)) ranked
        WHERE $2::uuid IS NULL OR ranked.id = $2::uuid
        ORDER BY ranked.score_centi DESC, ranked.name, ranked.id`,
      [roundId, candidateId],
    );
    const centi = (v: number | null) => (v === null ? null : Math.round(Number(v)) / 100);
    return rows.map((r) => ({
      rank: Number(r.rank),
      candidateId: r.id,
      name: r.name,
      employer: r.employer,
      industry: r.industry,
      score: Math.round(Number(r.score_centi)) / 100,
      stage: r.stage,
      status: r.status,
      ...(r.listed && {
        votes: r.votes === null ? null : Number(r.votes),
        voteScore: centi(r.vote_score_centi),
        combinedScore: centi(r.combined_centi),
        combinedRank: r.combined_rank === null ? null : Number(r.combined_rank),
        outcome: r.outcome,
        reason: r.reason,
      }),
    }));
  }
}
