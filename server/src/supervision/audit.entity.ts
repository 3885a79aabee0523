import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn, TextColumn } from '../db/columns.js';

export type AuditDetail = Record<string, string | number | boolean | null | string[]>;

/**
 * 审计日志: who did what to which target, written in the same transaction as the change itself.
 * Append-only: the code never updates or deletes a row, and no endpoint offers to.
 */
@Entity('audit_log')
@Index('idx_audit_log_at', ['at'])
@Index('idx_audit_log_action', ['action', 'at'])
@Index('idx_audit_log_target', ['targetType', 'targetId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @DateTimeColumn() at!: Date;
  @TextColumn(16) actorRole!: string;
  @TextColumn(64) actor!: string;
  @TextColumn(48) action!: string;
  @TextColumn(32) targetType!: string;
  @TextColumn(64) targetId!: string;
  @JsonColumn({ nullable: true }) detail!: AuditDetail | null;
}

/**
 * How many audit entries of each action and target type were appended in each Asia/Shanghai
 * month (YYYY-MM), kept by recordAudit in the entry's own transaction: the audit list's total
 * reads a few dozen of these rows instead of counting millions of entries. `shard` spreads the
 * writers of one busy month over a few rows.
 */
@Entity('audit_counts')
export class AuditCount {
  @PrimaryColumn({ type: 'varchar', length: 7 }) month!: string;
  @PrimaryColumn({ type: 'varchar', length: 48 }) action!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) targetType!: string;
  @PrimaryColumn({ type: 'int' }) shard!: number;
  @Column({ type: 'int', default: 0 }) entries!: number;
}
