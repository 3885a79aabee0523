import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InspectionRecord1796418356512 implements MigrationInterface {
  name = 'InspectionRecord1796418356512';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_inspections_issued"`);
    await queryRunner.query(`DROP INDEX "idx_inspections_enterprise"`);
    await queryRunner.query(`CREATE TABLE "temporary_inspections" ("codeNo" varchar(20) PRIMARY KEY NOT NULL, "kind" varchar(12) NOT NULL, "enterpriseCreditCode" varchar(18) NOT NULL, "planNo" varchar(64), "reason" varchar(500), "clueRef" varchar(100), "startedAt" datetime(3), "justification" varchar(1000), "validFrom" datetime(3) NOT NULL, "validTo" datetime(3) NOT NULL, "issuingDepartmentCode" varchar(32) NOT NULL, "issuedBy" varchar(32) NOT NULL, "issuedAt" datetime(3) NOT NULL, "kid" varchar(16) NOT NULL, "qrContent" varchar(600) NOT NULL, "checkedInAt" datetime(3), "revokedAt" datetime(3), "revokeReason" varchar(500), "revokedBy" varchar(32), "record" text)`);
    await queryRunner.query(`INSERT INTO "temporary_inspections"("codeNo", "kind", "enterpriseCreditCode", "planNo", "reason", "clueRef", "startedAt", "justification", "validFrom", "validTo", "issuingDepartmentCode", "issuedBy", "issuedAt", "kid", "qrContent", "checkedInAt", "revokedAt", "revokeReason", "revokedBy") SELECT "codeNo", "kind", "enterpriseCreditCode", "planNo", "reason", "clueRef", "startedAt", "justification", "validFrom", "validTo", "issuingDepartmentCode", "issuedBy", "issuedAt", "kid", "qrContent", "checkedInAt", "revokedAt", "revokeReason", "revokedBy" FROM "inspections"`);
    await queryRunner.query(`DROP TABLE "inspections"`);
    await queryRunner.query(`ALTER TABLE "temporary_inspections" RENAME TO "inspections"`);
    await queryRunner.query(`CREATE INDEX "idx_inspections_issued" ON "inspections" ("issuedAt", "revokedAt") `);
    await queryRunner.query(`CREATE INDEX "idx_inspections_enterprise" ON "inspections" ("enterpriseCreditCode", "issuedAt") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_inspections_enterprise"`);
    await queryRunner.query(`DROP INDEX "idx_inspections_issued"`);
    await queryRunner.query(`ALTER TABLE "inspections" RENAME TO "temporary_inspections"`);
    await queryRunner.query(`CREATE TABLE "inspections" ("codeNo" varchar(20) PRIMARY KEY NOT NULL, "kind" varchar(12) NOT NULL, "enterpriseCreditCode" varchar(18) NOT NULL, "planNo" varchar(64), "reason" varchar(500), "clueRef" varchar(100), "startedAt" datetime(3), "justification" varchar(1000), "validFrom" datetime(3) NOT NULL, "validTo" datetime(3) NOT NULL, "issuingDepartmentCode" varchar(32) NOT NULL, "issuedBy" varchar(32) NOT NULL, "issuedAt" datetime(3) NOT NULL, "kid" varchar(16) NOT NULL, "qrContent" varchar(600) NOT NULL, "checkedInAt" datetime(3), "revokedAt" datetime(3), "revokeReason" varchar(500), "revokedBy" varchar(32))`);
    await queryRunner.query(`INSERT INTO "inspections"("codeNo", "kind", "enterpriseCreditCode", "planNo", "reason", "clueRef", "startedAt", "justification", "validFrom", "validTo", "issuingDepartmentCode", "issuedBy", "issuedAt", "kid", "qrContent", "checkedInAt", "revokedAt", "revokeReason", "revokedBy") SELECT "codeNo", "kind", "enterpriseCreditCode", "planNo", "reason", "clueRef", "startedAt", "justification", "validFrom", "validTo", "issuingDepartmentCode", "issuedBy", "issuedAt", "kid", "qrContent", "checkedInAt", "revokedAt", "revokeReason", "revokedBy" FROM "temporary_inspections"`);
    await queryRunner.query(`DROP TABLE "temporary_inspections"`);
    await queryRunner.query(`CREATE INDEX "idx_inspections_enterprise" ON "inspections" ("enterpriseCreditCode", "issuedAt") `);
    await queryRunner.query(`CREATE INDEX "idx_inspections_issued" ON "inspections" ("issuedAt", "revokedAt") `);
  }
}
