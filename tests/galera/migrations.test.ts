import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/dataSource.js';
import { countOn, createClusterDatabase, NODES, nodeUrl, onNode } from './support.js';

let db: Awaited<ReturnType<typeof createClusterDatabase>>;
beforeAll(async () => {
  db = await createClusterDatabase();
});
afterAll(() => db?.drop());

describe('the migration lease', () => {
  it('is taken over once it has expired, when the process that held it died mid-way', async () => {
    await onNode(
      1,
      db.name,
      'CREATE TABLE migration_lease (name varchar(32) NOT NULL, holder varchar(100) NOT NULL, expiresAt datetime(3) NOT NULL, PRIMARY KEY (name)) ENGINE=InnoDB',
      [],
      false,
    );
    await onNode(1, db.name, "INSERT INTO migration_lease VALUES ('schema', 'a-process-that-died', NOW(3) - INTERVAL 1 SECOND)", [], false);
    const lines: Record<string, unknown>[] = [];
    const ds = await openDatabase({ kind: 'mysql', url: nodeUrl(2, db.name) }, (l) => lines.push(l));
    try {
      expect(lines.map((l) => l.msg)).toEqual(['migrations applied']);
      expect(await ds.showMigrations()).toBe(false);
      for (const n of NODES) {
        expect(await countOn(n, db.name, 'SELECT COUNT(*) AS n FROM migrations')).toBe(ds.migrations.length);
        expect(await countOn(n, db.name, 'SELECT COUNT(*) AS n FROM migration_lease')).toBe(0);
      }
    } finally {
      await ds.destroy();
    }
  });

  it('is not needed for a restart with nothing pending: the process writes nothing', async () => {
    const lines: Record<string, unknown>[] = [];
    const ds = await openDatabase({ kind: 'mysql', url: nodeUrl(3, db.name) }, (l) => lines.push(l));
    await ds.destroy();
    expect(lines).toEqual([]);
  });
});
