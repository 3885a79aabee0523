import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InspectionRecord1796418356512 implements MigrationInterface {
  name = 'InspectionRecord1796418356512';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`inspections\` ADD \`record\` text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`inspections\` DROP COLUMN \`record\``);
  }
}
