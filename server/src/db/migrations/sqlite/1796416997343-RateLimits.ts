import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1796416997343 implements MigrationInterface {
  name = 'RateLimits1796416997343';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rate_limit_hits" ("bucket" varchar(100) NOT NULL, "minute" integer NOT NULL, "hits" integer NOT NULL DEFAULT (0), PRIMARY KEY ("bucket", "minute"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_hits"`);
  }
}
