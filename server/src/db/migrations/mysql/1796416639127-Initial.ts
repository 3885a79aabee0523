import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796416639127 implements MigrationInterface {
  name = 'Initial1796416639127';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`users\` (\`id\` varchar(36) NOT NULL, \`openId\` varchar(64) NOT NULL, \`enterpriseCreditCode\` varchar(18) NULL, \`boundAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_users_openid\` (\`openId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`binding_codes\` (\`codeHash\` varchar(64) NOT NULL, \`creditCode\` varchar(18) NOT NULL, \`issuedBy\` varchar(64) NOT NULL, \`issuedAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`usedAt\` datetime(3) NULL, \`usedBy\` varchar(36) NULL, PRIMARY KEY (\`codeHash\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`inspections\` (\`codeNo\` varchar(20) NOT NULL, \`kind\` varchar(12) NOT NULL, \`enterpriseCreditCode\` varchar(18) NOT NULL, \`planNo\` varchar(64) NULL, \`reason\` varchar(500) NULL, \`clueRef\` varchar(100) NULL, \`startedAt\` datetime(3) NULL, \`justification\` varchar(1000) NULL, \`validFrom\` datetime(3) NOT NULL, \`validTo\` datetime(3) NOT NULL, \`issuingDepartmentCode\` varchar(32) NOT NULL, \`issuedBy\` varchar(32) NOT NULL, \`issuedAt\` datetime(3) NOT NULL, \`kid\` varchar(16) NOT NULL, \`qrContent\` varchar(600) NOT NULL, \`checkedInAt\` datetime(3) NULL, \`revokedAt\` datetime(3) NULL, \`revokeReason\` varchar(500) NULL, \`revokedBy\` varchar(32) NULL, INDEX \`idx_inspections_enterprise\` (\`enterpriseCreditCode\`, \`issuedAt\`), PRIMARY KEY (\`codeNo\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`inspection_departments\` (\`id\` int NOT NULL AUTO_INCREMENT, \`codeNo\` varchar(20) NOT NULL, \`departmentCode\` varchar(32) NOT NULL, \`officerCertNos\` text NOT NULL, \`itemCodes\` text NOT NULL, \`completedAt\` datetime(3) NULL, \`completedBy\` varchar(32) NULL, \`summary\` varchar(2000) NULL, INDEX \`idx_inspection_departments_department\` (\`departmentCode\`), UNIQUE INDEX \`uq_inspection_departments\` (\`codeNo\`, \`departmentCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`signing_keys\` (\`kid\` varchar(16) NOT NULL, \`publicJwk\` text NOT NULL, \`privatePem\` varchar(400) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`retiredAt\` datetime(3) NULL, PRIMARY KEY (\`kid\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`plans\` (\`planNo\` varchar(64) NOT NULL, \`departmentCode\` varchar(32) NOT NULL, \`name\` varchar(200) NOT NULL, \`itemCodes\` text NOT NULL, \`enterpriseCreditCodes\` text NOT NULL, \`periodFrom\` datetime(3) NOT NULL, \`periodTo\` datetime(3) NOT NULL, \`createdBy\` varchar(32) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`idx_plans_department\` (\`departmentCode\`, \`createdAt\`), PRIMARY KEY (\`planNo\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`ratings\` (\`id\` int NOT NULL AUTO_INCREMENT, \`codeNo\` varchar(20) NOT NULL, \`departmentCode\` varchar(32) NOT NULL, \`enterpriseCreditCode\` varchar(18) NOT NULL, \`recognised\` tinyint NOT NULL, \`disputedItemCodes\` text NOT NULL, \`repeated\` tinyint NOT NULL DEFAULT 0, \`inaction\` tinyint NOT NULL DEFAULT 0, \`abusive\` tinyint NOT NULL DEFAULT 0, \`comment\` varchar(1000) NULL, \`ratedBy\` varchar(64) NOT NULL, \`ratedAt\` datetime(3) NOT NULL, INDEX \`idx_ratings_department_time\` (\`departmentCode\`, \`ratedAt\`), UNIQUE INDEX \`uq_ratings_department\` (\`codeNo\`, \`departmentCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`departments\` (\`code\` varchar(32) NOT NULL, \`name\` varchar(100) NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`officers\` (\`certNo\` varchar(32) NOT NULL, \`name\` varchar(50) NOT NULL, \`departmentCode\` varchar(32) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, INDEX \`idx_officers_department\` (\`departmentCode\`), PRIMARY KEY (\`certNo\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`enterprises\` (\`creditCode\` varchar(18) NOT NULL, \`name\` varchar(200) NOT NULL, \`kind\` varchar(24) NOT NULL DEFAULT 'legal_person', \`creditGrade\` varchar(8) NULL, PRIMARY KEY (\`creditCode\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`items\` (\`code\` varchar(32) NOT NULL, \`name\` varchar(200) NOT NULL, \`departmentCode\` varchar(32) NOT NULL, INDEX \`idx_items_department\` (\`departmentCode\`), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`scenarios\` (\`code\` varchar(32) NOT NULL, \`name\` varchar(200) NOT NULL, \`leadDepartmentCode\` varchar(32) NOT NULL, \`departmentCodes\` text NOT NULL, \`itemCodes\` text NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`exempt_enterprises\` (\`creditCode\` varchar(18) NOT NULL, \`addedBy\` varchar(64) NOT NULL, \`addedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`creditCode\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`exempt_items\` (\`itemCode\` varchar(32) NOT NULL, \`addedBy\` varchar(64) NOT NULL, \`addedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`itemCode\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`settings\` (\`key\` varchar(64) NOT NULL, \`value\` varchar(1000) NOT NULL, PRIMARY KEY (\`key\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`settings\``);
    await queryRunner.query(`DROP TABLE \`exempt_items\``);
    await queryRunner.query(`DROP TABLE \`exempt_enterprises\``);
    await queryRunner.query(`DROP TABLE \`scenarios\``);
    await queryRunner.query(`DROP INDEX \`idx_items_department\` ON \`items\``);
    await queryRunner.query(`DROP TABLE \`items\``);
    await queryRunner.query(`DROP TABLE \`enterprises\``);
    await queryRunner.query(`DROP INDEX \`idx_officers_department\` ON \`officers\``);
    await queryRunner.query(`DROP TABLE \`officers\``);
    await queryRunner.query(`DROP TABLE \`departments\``);
    await queryRunner.query(`DROP INDEX \`uq_ratings_department\` ON \`ratings\``);
    await queryRunner.query(`DROP INDEX \`idx_ratings_department_time\` ON \`ratings\``);
    await queryRunner.query(`DROP TABLE \`ratings\``);
    await queryRunner.query(`DROP INDEX \`idx_plans_department\` ON \`plans\``);
    await queryRunner.query(`DROP TABLE \`plans\``);
    await queryRunner.query(`DROP TABLE \`signing_keys\``);
    await queryRunner.query(`DROP INDEX \`uq_inspection_departments\` ON \`inspection_departments\``);
    await queryRunner.query(`DROP INDEX \`idx_inspection_departments_department\` ON \`inspection_departments\``);
    await queryRunner.query(`DROP TABLE \`inspection_departments\``);
    await queryRunner.query(`DROP INDEX \`idx_inspections_enterprise\` ON \`inspections\``);
    await queryRunner.query(`DROP TABLE \`inspections\``);
    await queryRunner.query(`DROP TABLE \`binding_codes\``);
    await queryRunner.query(`DROP INDEX \`uq_users_openid\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
  }
}
