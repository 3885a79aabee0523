import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Supervision1796417524098 implements MigrationInterface {
  name = 'Supervision1796417524098';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime(3) NOT NULL, "actorRole" varchar(16) NOT NULL, "actor" varchar(64) NOT NULL, "action" varchar(48) NOT NULL, "targetType" varchar(32) NOT NULL, "targetId" varchar(64) NOT NULL, "detail" text)`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_target" ON "audit_log" ("targetType", "targetId", "at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_action" ON "audit_log" ("action", "at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_at" ON "audit_log" ("at") `);
    await queryRunner.query(`CREATE TABLE "complaints" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ratingId" integer NOT NULL, "codeNo" varchar(20) NOT NULL, "departmentCode" varchar(32) NOT NULL, "enterpriseCreditCode" varchar(18) NOT NULL, "notRecognised" boolean NOT NULL, "repeated" boolean NOT NULL, "inaction" boolean NOT NULL, "abusive" boolean NOT NULL, "status" varchar(12) NOT NULL, "createdAt" datetime(3) NOT NULL, "deadline" datetime(3) NOT NULL, "closedAt" datetime(3), "updatedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_complaints_stats" ON "complaints" ("createdAt", "departmentCode", "status", "deadline", "notRecognised", "repeated", "inaction", "abusive") `);
    await queryRunner.query(`CREATE INDEX "idx_complaints_abusive" ON "complaints" ("abusive", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "idx_complaints_inaction" ON "complaints" ("inaction", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "idx_complaints_repeated" ON "complaints" ("repeated", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "idx_complaints_not_recognised" ON "complaints" ("notRecognised", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "idx_complaints_overdue" ON "complaints" ("status", "deadline") `);
    await queryRunner.query(`CREATE INDEX "idx_complaints_status" ON "complaints" ("status", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "idx_complaints_department" ON "complaints" ("departmentCode", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "idx_complaints_created" ON "complaints" ("createdAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_complaints_part" ON "complaints" ("codeNo", "departmentCode") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_complaints_rating" ON "complaints" ("ratingId") `);
    await queryRunner.query(`CREATE TABLE "complaint_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "complaintId" integer NOT NULL, "action" varchar(16) NOT NULL, "fromStatus" varchar(12), "toStatus" varchar(12) NOT NULL, "note" varchar(2000), "actorRole" varchar(16) NOT NULL, "actor" varchar(64) NOT NULL, "at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_complaint_events_complaint" ON "complaint_events" ("complaintId", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_inspections_issued" ON "inspections" ("issuedAt", "revokedAt") `);
    await queryRunner.query(`CREATE INDEX "idx_ratings_time" ON "ratings" ("ratedAt", "departmentCode", "recognised") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_ratings_time"`);
    await queryRunner.query(`DROP INDEX "idx_inspections_issued"`);
    await queryRunner.query(`DROP INDEX "idx_complaint_events_complaint"`);
    await queryRunner.query(`DROP TABLE "complaint_events"`);
    await queryRunner.query(`DROP INDEX "uq_complaints_rating"`);
    await queryRunner.query(`DROP INDEX "uq_complaints_part"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_created"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_department"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_status"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_overdue"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_not_recognised"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_repeated"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_inaction"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_abusive"`);
    await queryRunner.query(`DROP INDEX "idx_complaints_stats"`);
    await queryRunner.query(`DROP TABLE "complaints"`);
    await queryRunner.query(`DROP INDEX "idx_audit_log_at"`);
    await queryRunner.query(`DROP INDEX "idx_audit_log_action"`);
    await queryRunner.query(`DROP INDEX "idx_audit_log_target"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
