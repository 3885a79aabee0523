import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { Config } from '@inspection-code/config';
import { entities } from './entities.js';
import { mysqlMigrations, sqliteMigrations } from './migrations/index.js';

export type DbKind = 'sqlite' | 'mysql';

/** MariaDB reports column defaults differently from MySQL; TypeORM must know which it talks to. */
async function mysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const conn = await createConnection(url);
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return String((rows as { v: string }[])[0]?.v).includes('MariaDB') ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/** Builds (does not open) the data source for the configured database. Never `synchronize`. */
export async function createDataSource(database: Config['database']): Promise<DataSource> {
  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: database.file,
      entities,
      migrations: sqliteMigrations,
      // WAL lets readers run beside the writer; busy_timeout lets two processes share the file.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
    });
  }
  return new DataSource({
    type: await mysqlFlavour(database.url),
    url: database.url,
    entities,
    migrations: mysqlMigrations,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    extra: { connectionLimit: 20 },
  });
}

/** Opens the database and applies pending migrations; concurrent starts on MySQL take turns. */
export async function openDatabase(database: Config['database']): Promise<DataSource> {
  const ds = await createDataSource(database);
  await ds.initialize();
  if (database.kind === 'mysql') {
    const runner = ds.createQueryRunner();
    try {
      await runner.query("SELECT GET_LOCK('inspection_code_migrations', 120)");
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query("SELECT RELEASE_LOCK('inspection_code_migrations')").catch(() => undefined);
      await runner.release();
    }
  } else {
    await ds.runMigrations({ transaction: 'each' });
  }
  return ds;
}

export function dbKind(ds: DataSource): DbKind {
  return ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}
