import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One annual round (年度评选): its quota, its nomination and review windows, and its voting projection. */
@Entity('rounds')
export class RoundEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('integer') year!: number;
  @Column('integer') quota!: number;
  @Column('timestamptz', { name: 'nomination_opens_at' }) nominationOpensAt!: Date;
  @Column('timestamptz', { name: 'nomination_closes_at' }) nominationClosesAt!: Date;
  @Column('timestamptz', { name: 'review_closes_at' }) reviewClosesAt!: Date;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** The round workflow's phase as it last projected it; null for a round without one (phase from the windows). */
  @Column('text', { nullable: true }) phase!: string | null;
  @Column('timestamptz', { name: 'voting_opens_at', nullable: true }) votingOpensAt!: Date | null;
  @Column('timestamptz', { name: 'voting_closes_at', nullable: true }) votingClosesAt!: Date | null;
  @Column('integer', { name: 'voting_days', default: 3 }) votingDays!: number;
}
