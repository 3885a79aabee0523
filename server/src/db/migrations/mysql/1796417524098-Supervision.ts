import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Supervision1796417524098 implements MigrationInterface {
  name = 'Supervision1796417524098';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime(3) NOT NULL, \`actorRole\` varchar(16) NOT NULL, \`actor\` varchar(64) NOT NULL, \`action\` varchar(48) NOT NULL, \`targetType\` varchar(32) NOT NULL, \`targetId\` varchar(64) NOT NULL, \`detail\` text NULL, INDEX \`idx_audit_log_target\` (\`targetType\`, \`targetId\`, \`at\`), INDEX \`idx_audit_log_action\` (\`action\`, \`at\`), INDEX \`idx_audit_log_at\` (\`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`complaints\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ratingId\` int NOT NULL, \`codeNo\` varchar(20) NOT NULL, \`departmentCode\` varchar(32) NOT NULL, \`enterpriseCreditCode\` varchar(18) NOT NULL, \`notRecognised\` tinyint NOT NULL, \`repeated\` tinyint NOT NULL, \`inaction\` tinyint NOT NULL, \`abusive\` tinyint NOT NULL, \`status\` varchar(12) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`deadline\` datetime(3) NOT NULL, \`closedAt\` datetime(3) NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`idx_complaints_stats\` (\`createdAt\`, \`departmentCode\`, \`status\`, \`deadline\`, \`notRecognised\`, \`repeated\`, \`inaction\`, \`abusive\`), INDEX \`idx_complaints_abusive\` (\`abusive\`, \`createdAt\`), INDEX \`idx_complaints_inaction\` (\`inaction\`, \`createdAt\`), INDEX \`idx_complaints_repeated\` (\`repeated\`, \`createdAt\`), INDEX \`idx_complaints_not_recognised\` (\`notRecognised\`, \`createdAt\`), INDEX \`idx_complaints_overdue\` (\`status\`, \`deadline\`), INDEX \`idx_complaints_status\` (\`status\`, \`createdAt\`), INDEX \`idx_complaints_department\` (\`departmentCode\`, \`createdAt\`), INDEX \`idx_complaints_created\` (\`createdAt\`), UNIQUE INDEX \`uq_complaints_part\` (\`codeNo\`, \`departmentCode\`), UNIQUE INDEX \`uq_complaints_rating\` (\`ratingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`complaint_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`complaintId\` int NOT NULL, \`action\` varchar(16) NOT NULL, \`fromStatus\` varchar(12) NULL, \`toStatus\` varchar(12) NOT NULL, \`note\` varchar(2000) NULL, \`actorRole\` varchar(16) NOT NULL, \`actor\` varchar(64) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`idx_complaint_events_complaint\` (\`complaintId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE INDEX \`idx_inspections_issued\` ON \`inspections\` (\`issuedAt\`, \`revokedAt\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_ratings_time\` ON \`ratings\` (\`ratedAt\`, \`departmentCode\`, \`recognised\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_ratings_time\` ON \`ratings\``);
    await queryRunner.query(`DROP INDEX \`idx_inspections_issued\` ON \`inspections\``);
    await queryRunner.query(`DROP INDEX \`idx_complaint_events_complaint\` ON \`complaint_events\``);
    await queryRunner.query(`DROP TABLE \`complaint_events\``);
    await queryRunner.query(`DROP INDEX \`uq_complaints_rating\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`uq_complaints_part\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_created\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_department\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_status\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_overdue\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_not_recognised\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_repeated\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_inaction\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_abusive\` ON \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_complaints_stats\` ON \`complaints\``);
    await queryRunner.query(`DROP TABLE \`complaints\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_at\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_action\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_target\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
  }
}
