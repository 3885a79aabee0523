import { Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn, TextColumn } from '../db/columns.js';
import type { InspectionRecord } from './inspection.record.js';

export type InspectionKind = 'planned' | 'triggered' | 'emergency';

/** One inspection code (检查码) and the inspection it authorises. */
@Entity('inspections')
@Index('idx_inspections_enterprise', ['enterpriseCreditCode', 'issuedAt'])
@Index('idx_inspections_issued', ['issuedAt', 'revokedAt'])
export class Inspection {
  @PrimaryColumn({ type: 'varchar', length: 20 }) codeNo!: string;
  @TextColumn(12) kind!: InspectionKind;
  @TextColumn(18) enterpriseCreditCode!: string;
  @TextColumn(64, { nullable: true }) planNo!: string | null;
  @TextColumn(500, { nullable: true }) reason!: string | null;
  @TextColumn(100, { nullable: true }) clueRef!: string | null;
  @DateTimeColumn({ nullable: true }) startedAt!: Date | null;
  @TextColumn(1000, { nullable: true }) justification!: string | null;
  @DateTimeColumn() validFrom!: Date;
  @DateTimeColumn() validTo!: Date;
  /** Department of the officer who applied; it may revoke the code. */
  @TextColumn(32) issuingDepartmentCode!: string;
  @TextColumn(32) issuedBy!: string;
  @DateTimeColumn() issuedAt!: Date;
  @TextColumn(16) kid!: string;
  @TextColumn(600) qrContent!: string;
  /** The names as issued (inspection.record.ts); null only for codes issued before it existed. */
  @JsonColumn({ nullable: true }) record!: InspectionRecord | null;
  /** The enterprise's first valid scan: its on-site check-in time. */
  @DateTimeColumn({ nullable: true }) checkedInAt!: Date | null;
  @DateTimeColumn({ nullable: true }) revokedAt!: Date | null;
  @TextColumn(500, { nullable: true }) revokeReason!: string | null;
  @TextColumn(32, { nullable: true }) revokedBy!: string | null;
  /** Not a column: the parts, when loaded together with the row (loadInspection). */
  parts?: InspectionDepartment[];
}

/** One department's part of an inspection: its officers, its items, its on-site result. */
@Entity('inspection_departments')
@Index('uq_inspection_departments', ['codeNo', 'departmentCode'], { unique: true })
@Index('idx_inspection_departments_department', ['departmentCode'])
export class InspectionDepartment {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @TextColumn(20) codeNo!: string;
  @TextColumn(32) departmentCode!: string;
  @JsonColumn() officerCertNos!: string[];
  @JsonColumn() itemCodes!: string[];
  @DateTimeColumn({ nullable: true }) completedAt!: Date | null;
  @TextColumn(32, { nullable: true }) completedBy!: string | null;
  @TextColumn(2000, { nullable: true }) summary!: string | null;
}
