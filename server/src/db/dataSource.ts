import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { Config } from '@inspection-code/config';
import type { Log } from '../services.js';
import { DeadTransactionGuard, registerCluster } from './cluster.js';
import { entities } from './entities.js';
import { migrateOnce } from './migrate.js';
import { mysqlMigrations, sqliteMigrations } from './migrations/index.js';

export type DbKind = 'sqlite' | 'mysql';

/**
 * MariaDB reports column defaults differently from MySQL; TypeORM must know which it talks to.
 * A Galera node (wsrep_on) needs causal reads and certification-aware transactions (cluster.ts).
 */
async function mysqlFlavour(url: string): Promise<{ type: 'mysql' | 'mariadb'; galera: boolean }> {
  const conn = await createConnection(url);
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    const [wsrep] = await conn.query("SHOW VARIABLES LIKE 'wsrep_on'");
    return {
      type: String((rows as { v: string }[])[0]?.v).includes('MariaDB') ? 'mariadb' : 'mysql',
      galera: String((wsrep as { Value?: string }[])[0]?.Value).toUpperCase() === 'ON',
    };
  } finally {
    await conn.end();
  }
}

/** Builds (does not open) the data source for the configured database. Never `synchronize`. */
export async function createDataSource(database: Config['database'], log: Log = () => undefined): Promise<DataSource> {
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
  const { type, galera } = await mysqlFlavour(database.url);
  const ds = new DataSource({
    type,
    url: database.url,
    entities,
    migrations: mysqlMigrations,
    subscribers: [DeadTransactionGuard],
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    extra: { connectionLimit: 20 },
  });
  registerCluster(ds, galera, log);
  return ds;
}

/** Opens the database and applies pending migrations, once, however many processes start together. */
export async function openDatabase(database: Config['database'], log: Log = () => undefined): Promise<DataSource> {
  const ds = await createDataSource(database, log);
  await ds.initialize();
  if (database.kind === 'mysql') await migrateOnce(ds, log);
  else await ds.runMigrations({ transaction: 'each' });
  return ds;
}

export function dbKind(ds: DataSource): DbKind {
  return ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}
