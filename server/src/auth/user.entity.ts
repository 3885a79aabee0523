import { Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, TextColumn } from '../db/columns.js';

/** An enterprise user of the mini program, known by its WeChat openid, bound to at most one enterprise. */
@Entity('users')
@Index('uq_users_openid', ['openId'], { unique: true })
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @TextColumn(64) openId!: string;
  @TextColumn(18, { nullable: true }) enterpriseCreditCode!: string | null;
  @DateTimeColumn({ nullable: true }) boundAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
}

/**
 * A one-time binding code handed to an enterprise out of band (by the platform operator, after
 * checking who asks). Only its SHA-256 is stored.
 */
@Entity('binding_codes')
export class BindingCode {
  @PrimaryColumn({ type: 'varchar', length: 64 }) codeHash!: string;
  @TextColumn(18) creditCode!: string;
  @TextColumn(64) issuedBy!: string;
  @DateTimeColumn() issuedAt!: Date;
  @DateTimeColumn() expiresAt!: Date;
  @DateTimeColumn({ nullable: true }) usedAt!: Date | null;
  @TextColumn(36, { nullable: true }) usedBy!: string | null;
}
