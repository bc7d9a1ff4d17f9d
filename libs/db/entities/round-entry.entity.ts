import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One line of a round's frozen re-review list (复审名单), projected by the round workflow. A candidate
 * is votable while `outcome` is null; 'disqualified', 'withdrawn' and the like take it off the ballot.
 */
@Entity('round_entries')
export class RoundEntryEntity {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId!: string;
  @PrimaryColumn('uuid', { name: 'candidate_id' }) candidateId!: string;
  @Column('integer') rank!: number;
  @Column('integer', { name: 'expert_score_centi' }) expertScoreCenti!: number;
  @Column('text', { nullable: true }) outcome!: string | null;
  @Column('integer', { nullable: true }) votes!: number | null;
  @Column('integer', { name: 'vote_score_centi', nullable: true }) voteScoreCenti!: number | null;
  @Column('integer', { name: 'combined_centi', nullable: true }) combinedCenti!: number | null;
  @Column('integer', { name: 'combined_rank', nullable: true }) combinedRank!: number | null;
  @Column('text', { nullable: true }) reason!: string | null;
}
