import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Hits of one client on one limited action in one minute, summed over every server process. */
@Entity('rate_limit_hits')
export class RateLimitHit {
  @PrimaryColumn({ type: 'varchar', length: 100 }) bucket!: string;
  /** Minutes since the epoch. */
  @PrimaryColumn({ type: 'int' }) minute!: number;
  @Column({ type: 'int', default: 0 }) hits!: number;
}
