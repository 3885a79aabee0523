import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import type { Log } from '../services.js';
import { driverCode } from './cluster.js';

const LEASE = 'schema';
const LEASE_SECONDS = 120;
const RENEW_MS = 30_000;
const WAIT_MS = 300_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lost a race for a row: a duplicate key, or (on Galera, from another node) a certification failure. */
const lostRace = (err: unknown) => ['ER_DUP_ENTRY', 'ER_LOCK_DEADLOCK'].includes(driverCode(err) ?? '');

async function allApplied(ds: DataSource): Promise<boolean> {
  try {
    const rows: { name: string }[] = await ds.query(`SELECT name FROM \`${ds.options.migrationsTableName ?? 'migrations'}\``);
    const applied = new Set(rows.map((r) => r.name));
    return ds.migrations.every((m) => applied.has(m.name!));
  } catch (err) {
    if (driverCode(err) === 'ER_NO_SUCH_TABLE') return false;
    throw err;
  }
}

/**
 * One winner among every process trying at once, on any node: a single autocommitted write to
 * one row. On one server the duplicate key decides; on Galera certification does (the loser gets
 * 1062 or 1213). A lease left by a process that died is taken over once it expires, again by a
 * single-row write that only one process can win. Times are the database's, not the hosts'.
 */
async function takeLease(ds: DataSource, me: string): Promise<boolean> {
  try {
    await ds.query('INSERT INTO migration_lease (name, holder, expiresAt) VALUES (?, ?, NOW(3) + INTERVAL ? SECOND)', [
      LEASE,
      me,
      LEASE_SECONDS,
    ]);
    return true;
  } catch (err) {
    if (!lostRace(err)) throw err;
  }
  try {
    const result: { affectedRows?: number } = await ds.query(
      'UPDATE migration_lease SET holder = ?, expiresAt = NOW(3) + INTERVAL ? SECOND WHERE name = ? AND expiresAt < NOW(3)',
      [me, LEASE_SECONDS, LEASE],
    );
    return result.affectedRows === 1;
  } catch (err) {
    if (lostRace(err)) return false;
    throw err;
  }
}

/**
 * Applies pending migrations exactly once however many processes start together, on one MySQL
 * server or on several nodes of a multi-master cluster (where GET_LOCK is local to one node and
 * locks nothing). The process that wins the lease migrates; the others wait until the migrations
 * table lists every migration they know. A restart with nothing pending writes nothing.
 */
export async function migrateOnce(ds: DataSource, log: Log): Promise<void> {
  if (await allApplied(ds)) return;
  await ds.query(
    'CREATE TABLE IF NOT EXISTS migration_lease (name varchar(32) NOT NULL, holder varchar(100) NOT NULL, expiresAt datetime(3) NOT NULL, PRIMARY KEY (name)) ENGINE=InnoDB',
  );
  const me = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const started = Date.now();
  while (!(await allApplied(ds))) {
    if (await takeLease(ds, me)) {
      // A long migration keeps its lease; a dead process stops renewing and loses it.
      const renew = setInterval(() => {
        ds.query('UPDATE migration_lease SET expiresAt = NOW(3) + INTERVAL ? SECOND WHERE name = ? AND holder = ?', [
          LEASE_SECONDS,
          LEASE,
          me,
        ]).catch(() => undefined);
      }, RENEW_MS);
      try {
        const ran = await ds.runMigrations({ transaction: 'each' });
        log({ level: 'info', msg: 'migrations applied', count: ran.length, migrations: ran.map((m) => m.name) });
      } finally {
        clearInterval(renew);
        await ds.query('DELETE FROM migration_lease WHERE name = ? AND holder = ?', [LEASE, me]).catch(() => undefined);
      }
      return;
    }
    if (Date.now() - started > WAIT_MS) {
      throw new Error(`Waited ${WAIT_MS / 1000} s for another process to apply the migrations; see the migration_lease table.`);
    }
    await sleep(150 + Math.random() * 150);
  }
  log({ level: 'info', msg: 'migrations applied by another process', waitedMs: Date.now() - started });
}
