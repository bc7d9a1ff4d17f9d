import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One accepted public vote. The voter and the address are keyed hashes only, never the clear values. */
@Entity('votes')
export class VoteEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'round_id' }) roundId!: string;
  @Column('uuid', { name: 'candidate_id' }) candidateId!: string;
  @Column('text', { name: 'voter_hash' }) voterHash!: string;
  @Column('text') verifier!: string;
  /** The Asia/Shanghai date of the vote, YYYY-MM-DD. */
  @Column('date') day!: string;
  @Column('timestamptz', { name: 'cast_at' }) castAt!: Date;
  @Column('text', { name: 'ip_hash' }) ipHash!: string;
}

/** The candidates a voter has voted for on one Asia/Shanghai day of a round. */
@Entity('voter_days')
export class VoterDayEntity {
  @PrimaryColumn('uuid', { name: 'round_id' }) roundId!: string;
  @PrimaryColumn('text', { name: 'voter_hash' }) voterHash!: string;
  @PrimaryColumn('date') day!: string;
  @Column('uuid', { name: 'candidate_ids', array: true }) candidateIds!: string[];
  /** How many: computed by PostgreSQL from the set. */
  @Column({ type: 'integer', insert: false, update: false }) candidates!: number;
}
