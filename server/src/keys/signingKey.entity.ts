import { Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn, TextColumn } from '../db/columns.js';

/** An ES256 code-signing key. Kept in the database so every server process signs and verifies alike. */
@Entity('signing_keys')
export class SigningKey {
  @PrimaryColumn({ type: 'varchar', length: 16 }) kid!: string;
  @JsonColumn() publicJwk!: { kty: string; crv: string; x: string; y: string };
  @TextColumn(400) privatePem!: string;
  @DateTimeColumn() createdAt!: Date;
  /** Set when a newer key replaces it; it still verifies the codes it signed until they expire. */
  @DateTimeColumn({ nullable: true }) retiredAt!: Date | null;
}
