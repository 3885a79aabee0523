import { Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, TextColumn } from '../db/columns.js';

/**
 * One row per enterprise, written (insert-or-update) as the very first statement of every
 * transaction that issues that enterprise a code. Racing issuances for one enterprise therefore
 * write the same row: on one MariaDB the second waits for the first's row lock, on Galera
 * certification aborts one of them (1213, retried by inTransaction), on SQLite the write lock is
 * taken before anything is read. Whoever goes second re-reads the rules' inputs after the first
 * committed, so two officers cannot both slip under a cap or both pass a repeat check.
 */
@Entity('issuance_guards')
export class IssuanceGuard {
  @PrimaryColumn({ type: 'varchar', length: 18 }) enterpriseCreditCode!: string;
  /** The code number being issued: always a new value, so the write is never a no-op. */
  @TextColumn(20) lastCodeNo!: string;
  @DateTimeColumn() lastIssuedAt!: Date;
}

export type FlagKind = 'joint_waived' | 'repeat_justified' | 'cap_waived' | 'frequency' | 'late_emergency';

/** An issuance recorded for supervision: a justification that lifted a rule, a frequency alarm, a late code. */
@Entity('issuance_flags')
@Index('idx_issuance_flags_created', ['createdAt'])
@Index('idx_issuance_flags_department', ['departmentCode', 'createdAt'])
@Index('idx_issuance_flags_kind', ['kind', 'createdAt'])
@Index('idx_issuance_flags_code', ['codeNo'])
export class IssuanceFlag {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @TextColumn(24) kind!: FlagKind;
  @TextColumn(20) codeNo!: string;
  /** The department the flag is about: the one whose rule was lifted, or the applicant. */
  @TextColumn(32) departmentCode!: string;
  @TextColumn(18) enterpriseCreditCode!: string;
  @TextColumn(2000) detail!: string;
  @DateTimeColumn() createdAt!: Date;
}
