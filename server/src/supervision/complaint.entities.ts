import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, DateTimeColumn, TextColumn } from '../db/columns.js';

export type ComplaintStatus = 'open' | 'accepted' | 'resolved' | 'dismissed';

/**
 * A rating that is not recognised or flags repeated / inaction / abusive, under supervision.
 * The issue flags are copied from the rating so that filters and statistics read one table;
 * every filter of the list has an index that also yields "newest first".
 */
@Entity('complaints')
@Index('uq_complaints_rating', ['ratingId'], { unique: true })
@Index('uq_complaints_part', ['codeNo', 'departmentCode'], { unique: true })
@Index('idx_complaints_created', ['createdAt'])
@Index('idx_complaints_department', ['departmentCode', 'createdAt'])
@Index('idx_complaints_status', ['status', 'createdAt'])
// Overdue = pending past the deadline: the statistics count them per department from this index alone.
@Index('idx_complaints_overdue', ['status', 'deadline', 'createdAt', 'departmentCode'])
@Index('idx_complaints_not_recognised', ['notRecognised', 'createdAt'])
@Index('idx_complaints_repeated', ['repeated', 'createdAt'])
@Index('idx_complaints_inaction', ['inaction', 'createdAt'])
@Index('idx_complaints_abusive', ['abusive', 'createdAt'])
@Index('idx_complaints_stats', ['createdAt', 'departmentCode', 'status', 'deadline', 'notRecognised', 'repeated', 'inaction', 'abusive'])
export class Complaint {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ type: 'int' }) ratingId!: number;
  @TextColumn(20) codeNo!: string;
  @TextColumn(32) departmentCode!: string;
  @TextColumn(18) enterpriseCreditCode!: string;
  @BoolColumn() notRecognised!: boolean;
  @BoolColumn() repeated!: boolean;
  @BoolColumn() inaction!: boolean;
  @BoolColumn() abusive!: boolean;
  @TextColumn(12) status!: ComplaintStatus;
  @DateTimeColumn() createdAt!: Date;
  /** End of the last working day allowed for handling (Asia/Shanghai), as a UTC instant. */
  @DateTimeColumn() deadline!: Date;
  /** When it was resolved or dismissed. */
  @DateTimeColumn({ nullable: true }) closedAt!: Date | null;
  @DateTimeColumn() updatedAt!: Date;
}

/** One step of a complaint's handling: append-only, newest last. */
@Entity('complaint_events')
@Index('idx_complaint_events_complaint', ['complaintId', 'id'])
export class ComplaintEvent {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ type: 'int' }) complaintId!: number;
  @TextColumn(16) action!: string;
  @TextColumn(12, { nullable: true }) fromStatus!: ComplaintStatus | null;
  @TextColumn(12) toStatus!: ComplaintStatus;
  @TextColumn(2000, { nullable: true }) note!: string | null;
  @TextColumn(16) actorRole!: string;
  @TextColumn(64) actor!: string;
  @DateTimeColumn() at!: Date;
}
