import {
  EventSubscriber,
  type AfterQueryEvent,
  type BeforeQueryEvent,
  type DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
} from 'typeorm';
import type { Log } from '../services.js';

/**
 * What the server must know about a multi-master cluster (MariaDB Galera): whether it is on one,
 * how to read causally there, and how not to be fooled by a transaction the cluster aborted.
 * On a single MySQL/MariaDB server or SQLite every helper here is a no-op.
 */
interface ClusterInfo {
  galera: boolean;
  log: Log;
}

const info = new WeakMap<DataSource, ClusterInfo>();
const quiet: Log = () => undefined;

export function registerCluster(ds: DataSource, galera: boolean, log: Log): void {
  info.set(ds, { galera, log });
}

export function isGalera(ds: DataSource): boolean {
  return info.get(ds)?.galera ?? false;
}

export function dbLog(ds: DataSource): Log {
  return info.get(ds)?.log ?? quiet;
}

export function driverCode(err: unknown): string | undefined {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

/**
 * A Galera node applies other nodes' commits a moment after they are certified, so a plain read
 * can miss a row another node committed an instant ago. This statement waits until this node has
 * applied everything committed anywhere before it started (wsrep_sync_wait, for one statement):
 * reads after it on the same connection see those commits. Costs a group round trip (≈0.1 ms on
 * loopback, more under write load), so it is used only where a client may read its own write.
 */
export const CAUSAL_BARRIER = 'SET STATEMENT wsrep_sync_wait=1 FOR SELECT 1';

/** Runs `work` on one connection after a causal barrier (on Galera; elsewhere a plain read). */
export async function causalRead<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  if (!isGalera(ds)) return work(ds.manager);
  const runner = ds.createQueryRunner();
  try {
    await runner.query(CAUSAL_BARRIER);
    return await work(runner.manager);
  } finally {
    await runner.release();
  }
}

/**
 * A lookup by key that misses on a Galera node may be a row committed through another node an
 * instant ago (a code just issued, a user just created): look once more, causally, before
 * answering "not there". Hits, the common case, pay nothing.
 */
export async function findCausally<T>(ds: DataSource, find: (m: EntityManager) => Promise<T | null>): Promise<T | null> {
  const hit = await find(ds.manager);
  if (hit !== null || !isGalera(ds)) return hit;
  return causalRead(ds, find);
}

const DEAD = 'deadTransaction';
// A full ROLLBACK (not ROLLBACK TO SAVEPOINT: the savepoint went with the transaction) ends it.
const ENDS_TRANSACTION = /^\s*(ROLLBACK\s*$|START TRANSACTION)/i;

/**
 * After a deadlock, or a Galera certification failure or brute-force abort (both 1213), the
 * server has already rolled the whole transaction back, and the connection carries on in
 * autocommit: further statements would commit one by one, and a COMMIT would answer OK for
 * nothing. Code that catches such an error inside a transaction must not be able to do that, so
 * once a statement of a transaction fails this way, every later statement on that connection
 * fails the same way until ROLLBACK (which TypeORM's transaction() sends on any error).
 */
@EventSubscriber()
export class DeadTransactionGuard implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent<unknown>): void {
    const dead = event.queryRunner.data?.[DEAD] as Error | undefined;
    if (!dead) return;
    if (ENDS_TRANSACTION.test(event.query)) {
      delete event.queryRunner.data[DEAD];
      return;
    }
    throw Object.assign(
      new Error(
        `The database rolled this transaction back (${driverCode(dead)}); refusing to run "${event.query.slice(0, 60)}" outside it.`,
      ),
      {
        code: driverCode(dead),
      },
    );
  }

  afterQuery(event: AfterQueryEvent<unknown>): void {
    if (event.success || !event.queryRunner.isTransactionActive) return;
    // A lock wait timeout only undoes its statement; a deadlock undoes the transaction.
    if (driverCode(event.error) === 'ER_LOCK_DEADLOCK') {
      event.queryRunner.data ??= {};
      event.queryRunner.data[DEAD] = event.error;
    }
  }
}
