import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, DateTimeColumn, JsonColumn, TextColumn } from '../db/columns.js';

/**
 * The enterprise's rating of one department's part of an inspection. The unique index is what
 * makes "one rating per department per inspection" hold across server processes.
 */
@Entity('ratings')
@Index('uq_ratings_department', ['codeNo', 'departmentCode'], { unique: true })
@Index('idx_ratings_department_time', ['departmentCode', 'ratedAt'])
// Supervision statistics read ratings by time range from this index alone.
@Index('idx_ratings_time', ['ratedAt', 'departmentCode', 'recognised'])
export class Rating {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @TextColumn(20) codeNo!: string;
  @TextColumn(32) departmentCode!: string;
  @TextColumn(18) enterpriseCreditCode!: string;
  @BoolColumn() recognised!: boolean;
  @JsonColumn() disputedItemCodes!: string[];
  @BoolColumn({ default: false }) repeated!: boolean;
  @BoolColumn({ default: false }) inaction!: boolean;
  @BoolColumn({ default: false }) abusive!: boolean;
  @TextColumn(1000, { nullable: true }) comment!: string | null;
  /** The user who rated: visible to supervisors only. */
  @TextColumn(64) ratedBy!: string;
  @DateTimeColumn() ratedAt!: Date;
}
