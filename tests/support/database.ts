import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A fresh, empty database for one test file: a SQLite file in a temp folder, or — when
 * TEST_DATABASE_URL=mysql://… is set — a new database on that MariaDB/MySQL server.
 */
export interface TestDatabase {
  kind: 'sqlite' | 'mysql';
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const testingMysql = () => process.env.TEST_DATABASE_URL?.startsWith('mysql://') ?? false;

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ic-test-'));
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !testingMysql()) {
    return { kind: 'sqlite', env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `ic_test_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection(url);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    kind: 'mysql',
    env: { DATA_DIR: dataDir, DATABASE_URL: url.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`).replace(/undefined$/, '') },
    async drop() {
      const conn = await createConnection(url);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
