import { Entity, PrimaryColumn } from 'typeorm';
import { TextColumn } from '../db/columns.js';

/** Small shared values every server process must agree on (generated secrets, seed marker). */
@Entity('settings')
export class Setting {
  @PrimaryColumn({ type: 'varchar', length: 64 }) key!: string;
  @TextColumn(1000) value!: string;
}
