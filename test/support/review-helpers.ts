import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { STAGE_OWNER, type DecisionStage } from '../../libs/contract';
import { dataSourceOptions } from '../../libs/db';
import { checkCharacter } from '../../libs/domain/id-number';
import { signLocalToken } from '../../libs/security/local-issuer';
import { type client, token } from './service';

type Http = ReturnType<typeof client>;

const issued = new Set<string>();

/**
 * A valid GB 11643 ID number nobody else in this process has: Ouhai's region code, a birth date
 * between 1966 and 1995 (of working age), a random sequence whose parity gives the sex, and the
 * right check character.
 */
export function idNumber(sex: 'male' | 'female' = randomInt(2) ? 'male' : 'female'): string {
  for (;;) {
    const y = 1966 + randomInt(30);
    const m = 1 + randomInt(12);
    const d = 1 + randomInt(28);
    let seq = randomInt(1000);
    if ((seq % 2 === 1) !== (sex === 'male')) seq = (seq + 1) % 1000;
    const first17 = `330304${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    const id = first17 + checkCharacter(first17);
    if (!issued.has(id)) {
      issued.add(id);
      return id;
    }
  }
}

/** A unique mainland mobile number. */
export function mobileNumber(): string {
  return `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

/** A street union's token for one sub-district. */
export function streetUnion(area: string, sub = `su-${area}-${randomInt(1e9)}`): string {
  return signLocalToken({ sub, role: 'street_union', area }, process.env.AUTH_LOCAL_PRIVATE_KEY!);
}

export interface TestRound {
  roundId: string;
  year: number;
  nominationOpensAt: Date;
  nominationClosesAt: Date;
  reviewClosesAt: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Creates a round in a free year between 2030 and 2099 (one round per year, and the database is
 * shared and never reset). By default its nomination window contains now: opened an hour ago,
 * closing in a day, the review closing ten days later.
 */
export async function createRound(
  http: Http,
  windows: (year: number) => { nominationOpensAt: Date; nominationClosesAt: Date; reviewClosesAt: Date } = () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    return { nominationOpensAt: new Date(now - HOUR), nominationClosesAt: new Date(now + DAY), reviewClosesAt: new Date(now + 10 * DAY) };
  },
  office = token('union_office', 'office-review-helpers'),
  extra: { quota?: number; votingDays?: number; publicNoticeDuration?: string } = {},
): Promise<TestRound> {
  // Years refused here: taken meanwhile by another file, or a year whose row a clean-up deleted while its
  // `round-<year>` workflow still runs (the API answers 409 for both; GET /rounds cannot show the second).
  const refused = new Set<number>();
  for (;;) {
    // Pick among the years no round has yet; another file may take the same one meanwhile (409): try again.
    const listed = await http.get('/rounds', office);
    if (listed.status !== 200) throw new Error(`GET /rounds answered ${listed.status}: ${JSON.stringify(listed.body)}`);
    const taken = new Set((listed.body as Array<{ year: number }>).map((r) => r.year));
    const free = Array.from({ length: 70 }, (_, i) => 2030 + i).filter((y) => !taken.has(y) && !refused.has(y));
    if (!free.length) break;
    const year = free[randomInt(free.length)];
    const w = windows(year);
    const res = await http.post(
      '/rounds',
      {
        year,
        quota: 30,
        ...extra,
        nominationOpensAt: w.nominationOpensAt.toISOString(),
        nominationClosesAt: w.nominationClosesAt.toISOString(),
        reviewClosesAt: w.reviewClosesAt.toISOString(),
      },
      office,
    );
    if (res.status === 201) return { roundId: res.body.roundId, year, ...w };
    if (res.status !== 409) throw new Error(`POST /rounds answered ${res.status}: ${JSON.stringify(res.body)}`);
    refused.add(year);
  }
  throw new Error('no free year between 2030 and 2099 for a round: every one is taken in this database or its Temporal server (run on fresh ones)');
}

/**
 * A round as it stood before rounds ran as workflows: a row with its windows and no workflow. Its
 * files keep the per-candidate path (voting, leadership, notice, approval, commendation decided
 * file by file), which files started before the round workflow still take. Windows as createRound's.
 */
export async function createLegacyRound(db: DataSource): Promise<TestRound> {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const w = { nominationOpensAt: new Date(now - HOUR), nominationClosesAt: new Date(now + DAY), reviewClosesAt: new Date(now + 10 * DAY) };
  for (let attempt = 0; attempt < 50; attempt++) {
    const year = 2030 + randomInt(70);
    const roundId = randomUUID();
    try {
      await db.query(
        `INSERT INTO rounds (id, year, quota, nomination_opens_at, nomination_closes_at, review_closes_at, created_by) VALUES ($1, $2, 30, $3, $4, $5, 'it-legacy')`,
        [roundId, year, w.nominationOpensAt, w.nominationClosesAt, w.reviewClosesAt],
      );
      return { roundId, year, ...w };
    } catch (err) {
      if ((err as { code?: string }).code !== '23505') throw err; // the year is taken: try another
    }
  }
  throw new Error('no free year between 2030 and 2099 for a legacy round');
}

/** The due instant of a timed review stage, as the round divides its review window (libs/domain/deadlines). */
export function dueAtOf(round: TestRound, stage: 'qualification' | 'inspection' | 'expert_review' | 'voting' | 'leadership'): string {
  const order = ['qualification', 'inspection', 'expert_review', 'voting', 'leadership'];
  const start = round.nominationClosesAt.getTime();
  const slice = (round.reviewClosesAt.getTime() - start) / order.length;
  return new Date(Math.round(start + slice * (order.indexOf(stage) + 1))).toISOString();
}

/** A data source on the shared database, for counting rows and tidying up what a file created. */
export function openDb(): Promise<DataSource> {
  return new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 2)).initialize();
}

/**
 * Ends the nomination windows of the rounds a file created, so that once it is done they no longer
 * catch nominations filed without a roundId by other files on the shared database.
 */
export async function closeRounds(db: DataSource | undefined, roundIds: string[]): Promise<void> {
  if (!db || !roundIds.length) return;
  await db.query(
    `UPDATE rounds SET nomination_closes_at = GREATEST(nomination_opens_at + interval '1 millisecond', now())
      WHERE id = ANY($1) AND nomination_closes_at > now()`,
    [roundIds],
  );
}

/** A decision by the stage's owner (a fresh token of that role unless one is given). */
export async function decide(http: Http, candidateId: string, stage: DecisionStage, extra: Record<string, unknown> = {}, as = token(STAGE_OWNER[stage])) {
  return http.post(`/candidates/${candidateId}/decisions`, { stage, outcome: 'approve', reason: `${stage}: approved`, ...extra }, as);
}

/** Like decide, but the decision must be accepted. */
export async function approve(http: Http, candidateId: string, stage: DecisionStage, extra: Record<string, unknown> = {}) {
  const res = await decide(http, candidateId, stage, extra);
  if (res.status !== 200) throw new Error(`${stage}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
