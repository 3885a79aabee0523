import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796416639127 implements MigrationInterface {
  name = 'Initial1796416639127';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "openId" varchar(64) NOT NULL, "enterpriseCreditCode" varchar(18), "boundAt" datetime(3), "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_openid" ON "users" ("openId") `);
    await queryRunner.query(`CREATE TABLE "binding_codes" ("codeHash" varchar(64) PRIMARY KEY NOT NULL, "creditCode" varchar(18) NOT NULL, "issuedBy" varchar(64) NOT NULL, "issuedAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "usedAt" datetime(3), "usedBy" varchar(36))`);
    await queryRunner.query(`CREATE TABLE "inspections" ("codeNo" varchar(20) PRIMARY KEY NOT NULL, "kind" varchar(12) NOT NULL, "enterpriseCreditCode" varchar(18) NOT NULL, "planNo" varchar(64), "reason" varchar(500), "clueRef" varchar(100), "startedAt" datetime(3), "justification" varchar(1000), "validFrom" datetime(3) NOT NULL, "validTo" datetime(3) NOT NULL, "issuingDepartmentCode" varchar(32) NOT NULL, "issuedBy" varchar(32) NOT NULL, "issuedAt" datetime(3) NOT NULL, "kid" varchar(16) NOT NULL, "qrContent" varchar(600) NOT NULL, "checkedInAt" datetime(3), "revokedAt" datetime(3), "revokeReason" varchar(500), "revokedBy" varchar(32))`);
    await queryRunner.query(`CREATE INDEX "idx_inspections_enterprise" ON "inspections" ("enterpriseCreditCode", "issuedAt") `);
    await queryRunner.query(`CREATE TABLE "inspection_departments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "codeNo" varchar(20) NOT NULL, "departmentCode" varchar(32) NOT NULL, "officerCertNos" text NOT NULL, "itemCodes" text NOT NULL, "completedAt" datetime(3), "completedBy" varchar(32), "summary" varchar(2000))`);
    await queryRunner.query(`CREATE INDEX "idx_inspection_departments_department" ON "inspection_departments" ("departmentCode") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_inspection_departments" ON "inspection_departments" ("codeNo", "departmentCode") `);
    await queryRunner.query(`CREATE TABLE "signing_keys" ("kid" varchar(16) PRIMARY KEY NOT NULL, "publicJwk" text NOT NULL, "privatePem" varchar(400) NOT NULL, "createdAt" datetime(3) NOT NULL, "retiredAt" datetime(3))`);
    await queryRunner.query(`CREATE TABLE "plans" ("planNo" varchar(64) PRIMARY KEY NOT NULL, "departmentCode" varchar(32) NOT NULL, "name" varchar(200) NOT NULL, "itemCodes" text NOT NULL, "enterpriseCreditCodes" text NOT NULL, "periodFrom" datetime(3) NOT NULL, "periodTo" datetime(3) NOT NULL, "createdBy" varchar(32) NOT NULL, "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_plans_department" ON "plans" ("departmentCode", "createdAt") `);
    await queryRunner.query(`CREATE TABLE "ratings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "codeNo" varchar(20) NOT NULL, "departmentCode" varchar(32) NOT NULL, "enterpriseCreditCode" varchar(18) NOT NULL, "recognised" boolean NOT NULL, "disputedItemCodes" text NOT NULL, "repeated" boolean NOT NULL DEFAULT (0), "inaction" boolean NOT NULL DEFAULT (0), "abusive" boolean NOT NULL DEFAULT (0), "comment" varchar(1000), "ratedBy" varchar(64) NOT NULL, "ratedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_ratings_department_time" ON "ratings" ("departmentCode", "ratedAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_ratings_department" ON "ratings" ("codeNo", "departmentCode") `);
    await queryRunner.query(`CREATE TABLE "departments" ("code" varchar(32) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "officers" ("certNo" varchar(32) PRIMARY KEY NOT NULL, "name" varchar(50) NOT NULL, "departmentCode" varchar(32) NOT NULL, "active" boolean NOT NULL DEFAULT (1))`);
    await queryRunner.query(`CREATE INDEX "idx_officers_department" ON "officers" ("departmentCode") `);
    await queryRunner.query(`CREATE TABLE "enterprises" ("creditCode" varchar(18) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(24) NOT NULL DEFAULT ('legal_person'), "creditGrade" varchar(8))`);
    await queryRunner.query(`CREATE TABLE "items" ("code" varchar(32) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "departmentCode" varchar(32) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_items_department" ON "items" ("departmentCode") `);
    await queryRunner.query(`CREATE TABLE "scenarios" ("code" varchar(32) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "leadDepartmentCode" varchar(32) NOT NULL, "departmentCodes" text NOT NULL, "itemCodes" text NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "exempt_enterprises" ("creditCode" varchar(18) PRIMARY KEY NOT NULL, "addedBy" varchar(64) NOT NULL, "addedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "exempt_items" ("itemCode" varchar(32) PRIMARY KEY NOT NULL, "addedBy" varchar(64) NOT NULL, "addedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "settings" ("key" varchar(64) PRIMARY KEY NOT NULL, "value" varchar(1000) NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "settings"`);
    await queryRunner.query(`DROP TABLE "exempt_items"`);
    await queryRunner.query(`DROP TABLE "exempt_enterprises"`);
    await queryRunner.query(`DROP TABLE "scenarios"`);
    await queryRunner.query(`DROP INDEX "idx_items_department"`);
    await queryRunner.query(`DROP TABLE "items"`);
    await queryRunner.query(`DROP TABLE "enterprises"`);
    await queryRunner.query(`DROP INDEX "idx_officers_department"`);
    await queryRunner.query(`DROP TABLE "officers"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP INDEX "uq_ratings_department"`);
    await queryRunner.query(`DROP INDEX "idx_ratings_department_time"`);
    await queryRunner.query(`DROP TABLE "ratings"`);
    await queryRunner.query(`DROP INDEX "idx_plans_department"`);
    await queryRunner.query(`DROP TABLE "plans"`);
    await queryRunner.query(`DROP TABLE "signing_keys"`);
    await queryRunner.query(`DROP INDEX "uq_inspection_departments"`);
    await queryRunner.query(`DROP INDEX "idx_inspection_departments_department"`);
    await queryRunner.query(`DROP TABLE "inspection_departments"`);
    await queryRunner.query(`DROP INDEX "idx_inspections_enterprise"`);
    await queryRunner.query(`DROP TABLE "inspections"`);
    await queryRunner.query(`DROP TABLE "binding_codes"`);
    await queryRunner.query(`DROP INDEX "uq_users_openid"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
