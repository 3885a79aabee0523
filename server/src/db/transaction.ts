import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../http/errors.js';
import { CAUSAL_BARRIER, dbLog, driverCode, isGalera } from './cluster.js';
import { dbKind } from './dataSource.js';

const RETRYABLE_MYSQL = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
// Racing writers of one hot row on Galera get through one per certification round.
const MAX_ATTEMPTS = 8;

/** A duplicate key: someone else already wrote this row (ER_DUP_ENTRY, SQLITE_CONSTRAINT_*). */
export function isUniqueViolation(err: unknown): boolean {
  const code = driverCode(err);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isRetryable(err: unknown): boolean {
  const code = driverCode(err);
  // SQLITE_BUSY_SNAPSHOT: another process wrote after this transaction read; it must start over.
  return code !== undefined && (RETRYABLE_MYSQL.has(code) || code.startsWith('SQLITE_BUSY'));
}

// better-sqlite3 is one connection: transactions of concurrent requests must take turns. Keyed by
// file, so that two data sources on one file in one process take turns too instead of one
// blocking the event loop in SQLite's busy handler while the other holds the write lock.
const sqliteQueues = new Map<string, Promise<unknown>>();

/** One attempt; a causal one first waits until this node has applied every commit certified before it. */
async function attempt<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>, causal: boolean): Promise<T> {
  if (!causal) return ds.transaction(work);
  const runner = ds.createQueryRunner();
  try {
    await runner.query(CAUSAL_BARRIER);
    return await runner.manager.transaction(work);
  } finally {
    await runner.release();
  }
}

/**
 * Runs `work` as one transaction. Deadlocks, SQLite busy snapshots (another process wrote first)
 * and (on Galera) certification failures, which roll the
 * whole transaction back, are retried with jittered backoff, so `work` must only touch the
 * database (it is idempotent by rollback). On Galera a retry reads causally, so it sees whoever
 * won (a duplicate then shows as ER_DUP_ENTRY), and a refusal (AppError) is checked once more
 * causally, so it never comes from a node that has not yet applied the client's earlier write
 * made through another node. Conflicts that outlast every attempt answer 503.
 */
export async function inTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  if (dbKind(ds) === 'sqlite') {
    const file = String(ds.options.database);
    const previous = sqliteQueues.get(file) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => withRetries(ds, work, false));
    sqliteQueues.set(file, run);
    return run;
  }
  return withRetries(ds, work, isGalera(ds));
}

async function withRetries<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>, galera: boolean): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(ds, work, galera && n > 1);
    } catch (err) {
      if (err instanceof AppError && galera && n === 1) continue;
      if (!isRetryable(err)) throw err;
      if (n >= MAX_ATTEMPTS) {
        dbLog(ds)({ level: 'warn', msg: 'transaction gave up', attempts: n, code: driverCode(err) });
        throw new AppError('SERVICE_UNAVAILABLE', 'The database is busy with conflicting updates; try again shortly.');
      }
      dbLog(ds)({ level: 'info', msg: 'transaction retry', attempt: n, code: driverCode(err) });
      await new Promise((r) => setTimeout(r, Math.min(5 * 2 ** n, 200) * (0.5 + Math.random())));
    }
  }
}
