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
  /** The round's notice period, fixed when the round started (null: a round from before rounds ran as workflows). */
  @Column('bigint', { name: 'public_notice_ms', nullable: true, transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) } })
  publicNoticeMs!: number | null;
  @Column('timestamptz', { name: 'notice_starts_at', nullable: true }) noticeStartsAt!: Date | null;
  @Column('timestamptz', { name: 'notice_ends_at', nullable: true }) noticeEndsAt!: Date | null;
  @Column('date', { name: 'ceremony_date', nullable: true }) ceremonyDate!: string | null;
  /** When the round reached phase `closed`: retention of not-named candidates' data counts from it. */
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  /** The round's workflow (`round-<year>`); null for a round created before rounds ran as workflows. */
  @Column('text', { name: 'workflow_id', nullable: true }) workflowId!: string | null;
}
