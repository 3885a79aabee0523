import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IssuanceRules1796416937859 implements MigrationInterface {
  name = 'IssuanceRules1796416937859';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "issuance_guards" ("enterpriseCreditCode" varchar(18) PRIMARY KEY NOT NULL, "lastCodeNo" varchar(20) NOT NULL, "lastIssuedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "issuance_flags" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(24) NOT NULL, "codeNo" varchar(20) NOT NULL, "departmentCode" varchar(32) NOT NULL, "enterpriseCreditCode" varchar(18) NOT NULL, "detail" varchar(2000) NOT NULL, "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_issuance_flags_code" ON "issuance_flags" ("codeNo") `);
    await queryRunner.query(`CREATE INDEX "idx_issuance_flags_kind" ON "issuance_flags" ("kind", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "idx_issuance_flags_department" ON "issuance_flags" ("departmentCode", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "idx_issuance_flags_created" ON "issuance_flags" ("createdAt") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_issuance_flags_created"`);
    await queryRunner.query(`DROP INDEX "idx_issuance_flags_department"`);
    await queryRunner.query(`DROP INDEX "idx_issuance_flags_kind"`);
    await queryRunner.query(`DROP INDEX "idx_issuance_flags_code"`);
    await queryRunner.query(`DROP TABLE "issuance_flags"`);
    await queryRunner.query(`DROP TABLE "issuance_guards"`);
  }
}
