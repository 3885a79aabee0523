import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1796416997343 implements MigrationInterface {
  name = 'RateLimits1796416997343';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`rate_limit_hits\` (\`bucket\` varchar(100) NOT NULL, \`minute\` int NOT NULL, \`hits\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`bucket\`, \`minute\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`rate_limit_hits\``);
  }
}
