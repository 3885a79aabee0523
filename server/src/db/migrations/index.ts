// Written by server/scripts/generate-migration.ts: each database has its own generated SQL.
import type { MigrationInterface } from 'typeorm';
import { Initial1796416639127 as sqliteInitial1796416639127 } from './sqlite/1796416639127-Initial.js';
import { IssuanceRules1796416937859 as sqliteIssuanceRules1796416937859 } from './sqlite/1796416937859-IssuanceRules.js';
import { RateLimits1796416997343 as sqliteRateLimits1796416997343 } from './sqlite/1796416997343-RateLimits.js';
import { Supervision1796417524098 as sqliteSupervision1796417524098 } from './sqlite/1796417524098-Supervision.js';
import { InspectionRecord1796418356512 as sqliteInspectionRecord1796418356512 } from './sqlite/1796418356512-InspectionRecord.js';
import { SupervisionCounters1796423584066 as sqliteSupervisionCounters1796423584066 } from './sqlite/1796423584066-SupervisionCounters.js';
import { Initial1796416639127 as mysqlInitial1796416639127 } from './mysql/1796416639127-Initial.js';
import { IssuanceRules1796416937859 as mysqlIssuanceRules1796416937859 } from './mysql/1796416937859-IssuanceRules.js';
import { RateLimits1796416997343 as mysqlRateLimits1796416997343 } from './mysql/1796416997343-RateLimits.js';
import { Supervision1796417524098 as mysqlSupervision1796417524098 } from './mysql/1796417524098-Supervision.js';
import { InspectionRecord1796418356512 as mysqlInspectionRecord1796418356512 } from './mysql/1796418356512-InspectionRecord.js';
import { SupervisionCounters1796423584066 as mysqlSupervisionCounters1796423584066 } from './mysql/1796423584066-SupervisionCounters.js';

type MigrationClass = new () => MigrationInterface;

export const sqliteMigrations: MigrationClass[] = [sqliteInitial1796416639127, sqliteIssuanceRules1796416937859, sqliteRateLimits1796416997343, sqliteSupervision1796417524098, sqliteInspectionRecord1796418356512, sqliteSupervisionCounters1796423584066];
export const mysqlMigrations: MigrationClass[] = [mysqlInitial1796416639127, mysqlIssuanceRules1796416937859, mysqlRateLimits1796416997343, mysqlSupervision1796417524098, mysqlInspectionRecord1796418356512, mysqlSupervisionCounters1796423584066];
