import type { DataSource, EntityManager } from 'typeorm';
import { dbKind } from './dataSource.js';

const RETRYABLE_MYSQL = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 5;

function driverCode(err: unknown): string | undefined {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

/** A duplicate key: someone else already wrote this row (ER_DUP_ENTRY, SQLITE_CONSTRAINT_*). */
export function isUniqueViolation(err: unknown): boolean {
  const code = driverCode(err);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isRetryable(err: unknown): boolean {
  const code = driverCode(err);
  return (code !== undefined && RETRYABLE_MYSQL.has(code)) || code === 'SQLITE_BUSY';
}

// better-sqlite3 is one connection: transactions of concurrent requests must take turns.
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` as one transaction. Deadlocks and (on Galera) certification failures are retried a
 * few times with jitter, so `work` must only touch the database (it is idempotent by rollback).
 */
export async function inTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  if (dbKind(ds) === 'sqlite') {
    const previous = sqliteQueues.get(ds) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => ds.transaction(work));
    sqliteQueues.set(ds, run);
    return run;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (err) {
      if (!isRetryable(err) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, 5 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
