import type { MigrationInterface } from 'typeorm';
import { Initial1796415867349 as MysqlInitial } from './mysql/1796415867349-Initial.js';
import { Initial1796415867349 as SqliteInitial } from './sqlite/1796415867349-Initial.js';

type MigrationClass = new () => MigrationInterface;

// Each database has its own generated SQL (server/scripts/generate-migration.ts writes both).
export const sqliteMigrations: MigrationClass[] = [SqliteInitial];
export const mysqlMigrations: MigrationClass[] = [MysqlInitial];
