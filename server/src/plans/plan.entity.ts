import { Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn, TextColumn } from '../db/columns.js';

/** 检查计划: filed by a department before its planned inspections; codes reference its planNo. */
@Entity('plans')
@Index('idx_plans_department', ['departmentCode', 'createdAt'])
export class Plan {
  @PrimaryColumn({ type: 'varchar', length: 64 }) planNo!: string;
  @TextColumn(32) departmentCode!: string;
  @TextColumn(200) name!: string;
  @JsonColumn() itemCodes!: string[];
  @JsonColumn() enterpriseCreditCodes!: string[];
  @DateTimeColumn() periodFrom!: Date;
  @DateTimeColumn() periodTo!: Date;
  @TextColumn(32) createdBy!: string;
  @DateTimeColumn() createdAt!: Date;
}
