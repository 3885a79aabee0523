// Written by server/scripts/generate-migration.ts: each database has its own generated SQL.
import type { MigrationInterface } from 'typeorm';
import { Initial1796416639127 as sqliteInitial1796416639127 } from './sqlite/1796416639127-Initial.js';
import { Initial1796416639127 as mysqlInitial1796416639127 } from './mysql/1796416639127-Initial.js';

type MigrationClass = new () => MigrationInterface;

export const sqliteMigrations: MigrationClass[] = [sqliteInitial1796416639127];
export const mysqlMigrations: MigrationClass[] = [mysqlInitial1796416639127];
