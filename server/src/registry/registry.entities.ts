import { Entity, Index, PrimaryColumn } from 'typeorm';
import { BoolColumn, DateTimeColumn, JsonColumn, TextColumn } from '../db/columns.js';

@Entity('departments')
export class Department {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: string;
  @TextColumn(100) name!: string;
}

@Entity('officers')
@Index('idx_officers_department', ['departmentCode'])
export class Officer {
  @PrimaryColumn({ type: 'varchar', length: 32 }) certNo!: string;
  @TextColumn(50) name!: string;
  @TextColumn(32) departmentCode!: string;
  @BoolColumn({ default: true }) active!: boolean;
}

export type EnterpriseKind = 'legal_person' | 'unincorporated' | 'individual_business';

@Entity('enterprises')
export class Enterprise {
  @PrimaryColumn({ type: 'varchar', length: 18 }) creditCode!: string;
  @TextColumn(200) name!: string;
  @TextColumn(24, { default: 'legal_person' }) kind!: EnterpriseKind;
  @TextColumn(8, { nullable: true }) creditGrade!: string | null;
}

@Entity('items')
@Index('idx_items_department', ['departmentCode'])
export class Item {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: string;
  @TextColumn(200) name!: string;
  @TextColumn(32) departmentCode!: string;
}

@Entity('scenarios')
export class Scenario {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: string;
  @TextColumn(200) name!: string;
  @TextColumn(32) leadDepartmentCode!: string;
  @JsonColumn() departmentCodes!: string[];
  @JsonColumn() itemCodes!: string[];
}

/** 无感监管对象清单: enterprises that planned inspections leave alone. */
@Entity('exempt_enterprises')
export class ExemptEnterprise {
  @PrimaryColumn({ type: 'varchar', length: 18 }) creditCode!: string;
  @TextColumn(64) addedBy!: string;
  @DateTimeColumn() addedAt!: Date;
}

/** 无事不扰事项清单: items that planned inspections leave alone. */
@Entity('exempt_items')
export class ExemptItem {
  @PrimaryColumn({ type: 'varchar', length: 32 }) itemCode!: string;
  @TextColumn(64) addedBy!: string;
  @DateTimeColumn() addedAt!: Date;
}
