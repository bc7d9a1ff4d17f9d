import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fileObjectionUpdate } from '../../../../libs/contract';
import { CandidateEntity, RoundEntity } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import type { ObjectionDto } from './round-actions.dto';
import { RoundEngine } from './round-engine';
import { windowText } from './round-time';
import { ObjectionRepository } from './objection.repository';
import { RoundsService } from './rounds.service';

/** Characters of the deeds the announcement shows. */
const SUMMARY = 100;

function summary(deeds: string | null): string {
  const text = (deeds ?? '').replace(/\s+/g, ' ').trim();
  return [...text].length > SUMMARY ? `${[...text].slice(0, SUMMARY).join('')}…` : text;
}

/** The public notice (社会公示) as the public reads it, and the public's objections. No token, no sensitive data. */
@Injectable()
export class PublicNoticeService {
  constructor(
    private readonly ds: DataSource,
    private readonly rounds: RoundsService,
    private readonly engine: RoundEngine,
    private readonly objections: ObjectionRepository,
    private readonly pii: PiiCipher,
  ) {}

  async notice(roundId: string) {
    const round = await this.rounds.find(roundId);
    if (!round.noticeStartsAt || !round.noticeEndsAt) throw new ConflictException(`the public notice of the ${round.year} round has not started`);
    const entries = await this.objections.noticeEntries(round.id);
    const open = Date.now() < round.noticeEndsAt.getTime();
    return {
      roundId: round.id,
      year: round.year,
      title: `瓯海区${round.year}年度"百名工匠大师"拟表彰人选公示`,
      startsAt: round.noticeStartsAt.toISOString(),
      endsAt: round.noticeEndsAt.toISOString(),
      window: `${windowText(round.noticeStartsAt, round.noticeEndsAt)} (Asia/Shanghai)`,
      open,
      candidates: entries.map((e) => ({ candidateId: e.candidateId, name: e.name, sex: e.sex, employer: e.employer, trade: e.trade, deeds: summary(e.deeds) })),
      howToObject: open
        ? `Anyone may object about a listed candidate until the notice ends: POST /public/candidates/{candidateId}/objections with your name, how to contact you (kept confidential) and your grounds. The programme office investigates each objection.`
        : 'The notice period is over; objections are no longer taken.',
    };
  }

  /**
   * Records the objection and hands it to the round in one transaction: the row is committed only if
   * the round accepts it (during its notice, about a candidate on the notice).
   */
  async file(candidateId: string, dto: ObjectionDto, clientIp: string): Promise<{ objectionId: string }> {
    const candidate = await this.ds.getRepository(CandidateEntity).findOneBy({ id: candidateId });
    if (!candidate) throw new NotFoundException(`candidate ${candidateId} not found`);
    const round = candidate.roundId ? await this.ds.getRepository(RoundEntity).findOneBy({ id: candidate.roundId }) : null;
    if (!round?.workflowId) throw new ConflictException('objections are taken only during a public notice, and this candidate is on none');
    const objectionId = randomUUID();
    await this.ds.transaction(async (tx) => {
      await this.objections.insert(tx, {
        id: objectionId,
        roundId: round.id,
        candidateId,
        objectorName: dto.name.trim(),
        contactCipher: this.pii.encrypt(dto.contact.trim()),
        grounds: dto.grounds.trim(),
        // Only a keyed hash of the address: enough to see a flood from one place, nothing to identify.
        ipHash: this.pii.blindIndex('objection-ip', clientIp),
      });
      await this.engine.update(round, fileObjectionUpdate, { objectionId, candidateId });
    });
    return { objectionId };
  }
}
