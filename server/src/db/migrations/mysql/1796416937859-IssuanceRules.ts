import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IssuanceRules1796416937859 implements MigrationInterface {
  name = 'IssuanceRules1796416937859';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`issuance_guards\` (\`enterpriseCreditCode\` varchar(18) NOT NULL, \`lastCodeNo\` varchar(20) NOT NULL, \`lastIssuedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`enterpriseCreditCode\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`issuance_flags\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(24) NOT NULL, \`codeNo\` varchar(20) NOT NULL, \`departmentCode\` varchar(32) NOT NULL, \`enterpriseCreditCode\` varchar(18) NOT NULL, \`detail\` varchar(2000) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`idx_issuance_flags_code\` (\`codeNo\`), INDEX \`idx_issuance_flags_kind\` (\`kind\`, \`createdAt\`), INDEX \`idx_issuance_flags_department\` (\`departmentCode\`, \`createdAt\`), INDEX \`idx_issuance_flags_created\` (\`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_issuance_flags_created\` ON \`issuance_flags\``);
    await queryRunner.query(`DROP INDEX \`idx_issuance_flags_department\` ON \`issuance_flags\``);
    await queryRunner.query(`DROP INDEX \`idx_issuance_flags_kind\` ON \`issuance_flags\``);
    await queryRunner.query(`DROP INDEX \`idx_issuance_flags_code\` ON \`issuance_flags\``);
    await queryRunner.query(`DROP TABLE \`issuance_flags\``);
    await queryRunner.query(`DROP TABLE \`issuance_guards\``);
  }
}
