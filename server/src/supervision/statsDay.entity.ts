import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Daily counters behind the supervision statistics, the complaint list's totals and the ratings
 * summary: for one Asia/Shanghai calendar day and one department (or '' for city-wide figures),
 * how many codes, ratings, complaints and flags were written that day; and the same for each
 * month, in rows keyed 'M' + YYYY-MM, written together with the day's. Each count is added in the same transaction as the
 * row it counts (statsCounters.ts), keyed by that row's own timestamp, so the counters always
 * equal a count over the raw rows; a statistic over a year then reads a few thousand counter rows
 * instead of millions of ratings. `shard` spreads concurrent writers of one busy day and
 * department over a few rows (lock waits on MariaDB, certification conflicts on Galera); readers
 * add the shards up, and fold those of past days into shard 0 (foldPastShards).
 */
@Entity('stats_daily')
@Index('idx_stats_daily_department', ['departmentCode', 'day'])
export class StatsDay {
  /** YYYY-MM-DD in Asia/Shanghai, or M + YYYY-MM for the month's rows (after every day key). */
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  /** The department counted, or '' for the city-wide rows (codes issued, revoked, joint). */
  @PrimaryColumn({ type: 'varchar', length: 32 }) departmentCode!: string;
  @PrimaryColumn({ type: 'int' }) shard!: number;
  /** Codes naming the department, issued that day and not revoked; of them naming 2+ departments (joint). City row: all such codes. */
  @Column({ type: 'int', default: 0 }) inspections!: number;
  @Column({ type: 'int', default: 0 }) jointInspections!: number;
  /** City row only: codes issued that day, revoked ones included; of them revoked since. */
  @Column({ type: 'int', default: 0 }) codesIssued!: number;
  @Column({ type: 'int', default: 0 }) revokedCodes!: number;
  /** Ratings given that day, of them recognised. */
  @Column({ type: 'int', default: 0 }) ratings!: number;
  @Column({ type: 'int', default: 0 }) recognised!: number;
  /** Complaints made that day and their issues (a complaint's issues are its rating's). */
  @Column({ type: 'int', default: 0 }) complaints!: number;
  @Column({ type: 'int', default: 0 }) notRecognised!: number;
  @Column({ type: 'int', default: 0 }) repeated!: number;
  @Column({ type: 'int', default: 0 }) inaction!: number;
  @Column({ type: 'int', default: 0 }) abusive!: number;
  /** Of the complaints made that day, those resolved or dismissed since (added when they are closed). */
  @Column({ type: 'int', default: 0 }) resolved!: number;
  @Column({ type: 'int', default: 0 }) dismissed!: number;
  /** Issuance flags recorded that day about the department. */
  @Column({ type: 'int', default: 0 }) flags!: number;
}
