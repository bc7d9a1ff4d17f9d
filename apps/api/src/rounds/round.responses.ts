import { VotingWindowDto } from '../voting/vote.dto';
import type { VotingService } from '../voting/voting.service';
import { Flag, Int, ListOf, NULLABLE, Num, Obj, Objs, One, OneOf, Text, type Answer, type Fields, type ItemOf } from '../common/api-response';
import type { objectionView } from './objection-view';
import type { PublicNoticeService } from './public-notice.service';
import type { RoundProgressService } from './round-progress.service';
import type { RankingEntry, RoundReport, RoundsService } from './rounds.service';

/** Which round a report is of. */
export class RoundHeadDto {
  @Text() roundId!: string;
  @Int() year!: number;
  @Int() quota!: number;
}

export class RoundReportDto extends RoundHeadDto implements Fields<RoundReport> {
  @Int('nominations in all') total!: number;
  @Obj('channel → nominations') byChannel!: object;
  @Obj('industry → nominations') byIndustry!: object;
  @Obj('sub-district → {count, target, meetsTarget} (organisational nominations against ROUND_AREA_TARGET)') byArea!: object;
  @Int('organisational nominations without a known sub-district') organisationalWithoutArea!: number;
}

export class RoundFunnelDto extends RoundHeadDto implements Fields<Answer<RoundProgressService, 'funnel'>> {
  @Int("the round's files") files!: number;
  @Obj('stage → files') byStage!: object;
  @Obj('status → files') byStatus!: object;
  @Int('candidates on the re-review list') reReviewList!: number;
  @Obj('outcome → candidates on the list') byOutcome!: object;
}

export class RankingEntryDto implements Fields<RankingEntry> {
  @Int('equal scores share a rank') rank!: number;
  @Text() candidateId!: string;
  @Text() name!: string;
  @Text() employer!: string;
  @Text() industry!: string;
  @Num('the expert score') score!: number;
  @Text() stage!: string;
  @Text() status!: string;
  @Int('once the list is frozen (null until the vote closes)', { nullable: true, optional: true }) votes!: number | null;
  @Num(undefined, { nullable: true, optional: true }) voteScore!: number | null;
  @Num(undefined, { nullable: true, optional: true }) combinedScore!: number | null;
  @Int(undefined, { nullable: true, optional: true }) combinedRank!: number | null;
  @Text(undefined, { nullable: true, optional: true }) outcome!: string | null;
  @Text('why the outcome', { nullable: true, optional: true }) reason!: string | null;
}

export class RankingDto extends RoundHeadDto implements Fields<Answer<RoundsService, 'ranking'>> {
  @ListOf(RankingEntryDto) ranking!: RankingEntryDto[];
}

export class CandidateStandingDto implements Fields<Answer<RoundsService, 'standing'>> {
  @Text() candidateId!: string;
  @Text('null for a file of no round', NULLABLE) roundId!: string | null;
  @Int(undefined, NULLABLE) year!: number | null;
  @Int(undefined, NULLABLE) quota!: number | null;
  @One(RankingEntryDto, "the file's line of the round's ranking; null until it has an expert score", NULLABLE) line!: RankingEntryDto | null;
}

export class ProgrammeDto implements Fields<Answer<RoundProgressService, 'programme'>> {
  @Int('PROGRAMME_TARGET') target!: number;
  @Int('masters commended so far') commended!: number;
  @Int() remaining!: number;
  @Int("the rounds' quotas together") quotas!: number;
  @Flag('the quotas together fall short of the target') quotasShortOfTarget!: boolean;
  @Objs('per round: {roundId, year, quota, phase, ceremonyDate, commended}') rounds!: object[];
  @Obj("the union's training fund per year: {years: [{year, setAsideFen, spentFen, remainingFen, growsOnPreviousYear}], flaggedYears}") trainingFund!: object;
  @Obj('studios named against STUDIO_TARGET (30), per batch, and the apprentices the named studios train, per studio and per year') studios!: object;
}

export class ObjectionViewDto implements Fields<ReturnType<typeof objectionView>> {
  @Text() id!: string;
  @Text() roundId!: string;
  @Int() year!: number;
  @Text() candidateId!: string;
  @Text() candidateName!: string;
  @Text() objectorName!: string;
  @Text('in clear for the programme office, masked for other roles') contact!: string;
  @Text() grounds!: string;
  @Text('ISO instant') filedAt!: string;
  @OneOf(['open', 'upheld', 'dismissed']) status!: string;
  @Obj('{outcome, reason, resolvedBy, resolvedAt}; null while open', NULLABLE) resolution!: object | null;
}

export class PublicNoticeDto implements Fields<Answer<PublicNoticeService, 'notice'>> {
  @Text() roundId!: string;
  @Int() year!: number;
  @Text() title!: string;
  @Text('ISO instant') startsAt!: string;
  @Text('ISO instant') endsAt!: string;
  @Text('the window in words, Asia/Shanghai') window!: string;
  @Flag('objections are taken now') open!: boolean;
  @Objs('{candidateId, name, sex, employer, trade, deeds (in short)}') candidates!: object[];
  @Text() howToObject!: string;
}

export class ObjectionFiledDto implements Fields<Answer<PublicNoticeService, 'file'>> {
  @Text() objectionId!: string;
}

type Tally = Answer<VotingService, 'tally'>;
export class TallyCandidateDto implements Fields<ItemOf<Tally['candidates']>> {
  @Text() candidateId!: string;
  @Text() name!: string;
  @Int() rank!: number;
  @Text(undefined, NULLABLE) outcome!: string | null;
  @Int() votes!: number;
}

export class VoteTallyDto implements Fields<Tally> {
  @Text() roundId!: string;
  @Int() year!: number;
  @Text() phase!: string;
  @One(VotingWindowDto) voting!: VotingWindowDto;
  @Int() totalVotes!: number;
  @Int() distinctVoters!: number;
  @ListOf(TallyCandidateDto) candidates!: TallyCandidateDto[];
  @Objs('per Asia/Shanghai day: {day, votes, voters}') byDay!: object[];
}
