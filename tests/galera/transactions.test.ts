import { createConnection, type Connection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/dataSource.js';
import { inTransaction } from '../../server/src/db/transaction.js';
import { countOn, createClusterDatabase, NODES, nodeUrl, onNode } from './support.js';

/**
 * GALERA.md's trap: a transaction aborted by a conflicting commit from another node fails with
 * 1213 at its next statement, after which the connection is in autocommit, so a caller that
 * swallowed the error would commit later statements one by one and get OK for its COMMIT.
 */
let db: Awaited<ReturnType<typeof createClusterDatabase>>;
let ds: DataSource;

beforeAll(async () => {
  db = await createClusterDatabase();
  ds = await openDatabase({ kind: 'mysql', url: nodeUrl(1, db.name) });
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const probe = (key: string) => onNode(1, db.name, 'INSERT INTO settings (`key`, value) VALUES (?, ?)', [key, 'start'], false);
const conflictFromNode2 = async (key: string) => {
  const updated = (await onNode(2, db.name, 'UPDATE settings SET value = ? WHERE `key` = ?', ['node2', key])) as unknown as {
    affectedRows: number;
  };
  expect(updated.affectedRows).toBe(1);
  // Once node 1 has applied node 2's commit, its conflicting local transaction has been aborted.
  await onNode(1, db.name, 'SELECT value FROM settings WHERE `key` = ?', [key]);
};
const rowsOnEveryNode = (pattern: string) =>
  Promise.all(NODES.map((n) => countOn(n, db.name, 'SELECT COUNT(*) AS n FROM settings WHERE `key` LIKE ?', [pattern])));

describe('a transaction aborted by another node', () => {
  it('on a bare connection: statements after the 1213 autocommit and COMMIT says OK (the trap)', async () => {
    await probe('bare');
    const conn: Connection = await createConnection(nodeUrl(1, db.name));
    try {
      await conn.query('START TRANSACTION');
      await conn.query('UPDATE settings SET value = ? WHERE `key` = ?', ['bare-tx', 'bare']);
      await conflictFromNode2('bare');
      await expect(conn.query('INSERT INTO settings (`key`, value) VALUES (?, ?)', ['bare-lost', 'x'])).rejects.toMatchObject({
        code: 'ER_LOCK_DEADLOCK',
      });
      await conn.query('INSERT INTO settings (`key`, value) VALUES (?, ?)', ['bare-leaked', 'x']);
      await conn.query('COMMIT');
    } finally {
      await conn.end();
    }
    expect(await rowsOnEveryNode('bare-leaked')).toEqual([1, 1, 1]);
  });

  it('in the server: once a statement failed with 1213, nothing more runs until ROLLBACK, and COMMIT fails', async () => {
    await probe('guarded');
    const runner = ds.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('UPDATE settings SET value = ? WHERE `key` = ?', ['guarded-tx', 'guarded']);
      await conflictFromNode2('guarded');
      await expect(runner.query('INSERT INTO settings (`key`, value) VALUES (?, ?)', ['guarded-lost', 'x'])).rejects.toMatchObject({
        driverError: { code: 'ER_LOCK_DEADLOCK' },
      });
      // A caller that swallowed that error and carried on:
      await expect(runner.query('INSERT INTO settings (`key`, value) VALUES (?, ?)', ['guarded-leaked', 'x'])).rejects.toMatchObject({
        code: 'ER_LOCK_DEADLOCK',
      });
      await expect(runner.commitTransaction()).rejects.toMatchObject({ code: 'ER_LOCK_DEADLOCK' });
      await runner.rollbackTransaction();
      // The connection is usable again after ROLLBACK.
      expect(await runner.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await runner.release();
    }
    expect(await rowsOnEveryNode('guarded-%')).toEqual([0, 0, 0]);
    expect((await onNode(3, db.name, 'SELECT value FROM settings WHERE `key` = ?', ['guarded']))[0].value).toBe('node2');
  });

  it('inTransaction retries work that swallowed the 1213, and commits it once, on top of the winner', async () => {
    await probe('retried');
    let attempts = 0;
    const result = await inTransaction(ds, async (m) => {
      attempts++;
      const [row] = await m.query('SELECT value FROM settings WHERE `key` = ?', ['retried']);
      await m.query('UPDATE settings SET value = ? WHERE `key` = ?', [`${row.value}+local`, 'retried']);
      if (attempts === 1) {
        await conflictFromNode2('retried');
        await m.query('INSERT INTO settings (`key`, value) VALUES (?, ?)', ['retried-extra', 'x']).catch(() => undefined);
      } else {
        await m.query('INSERT INTO settings (`key`, value) VALUES (?, ?)', ['retried-extra', 'x']);
      }
      return row.value as string;
    });
    expect(attempts).toBe(2);
    expect(result).toBe('node2');
    for (const n of NODES)
      expect((await onNode(n, db.name, 'SELECT value FROM settings WHERE `key` = ?', ['retried']))[0].value).toBe('node2+local');
    expect(await rowsOnEveryNode('retried-extra')).toEqual([1, 1, 1]);
  });
});
