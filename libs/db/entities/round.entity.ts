import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One annual round (年度评选): its quota and its nomination and review windows. */
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
}
