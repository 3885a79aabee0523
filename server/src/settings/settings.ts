import type { DataSource } from 'typeorm';
import { causalRead } from '../db/cluster.js';
import { isRetryable, isUniqueViolation } from '../db/transaction.js';
import { Setting } from './setting.entity.js';

/**
 * Returns the shared value under `key`, creating it with `make()` if absent. When two processes
 * start together, the first insert wins and both read the same value back.
 */
export async function sharedSetting(ds: DataSource, key: string, make: () => string): Promise<string> {
  const repo = ds.getRepository(Setting);
  const existing = await repo.findOneBy({ key });
  if (existing) return existing.value;
  try {
    await repo.insert({ key, value: make() });
  } catch (err) {
    // On Galera the insert that lost to one through another node may fail certification (1213).
    if (!isUniqueViolation(err) && !isRetryable(err)) throw err;
  }
  return (await causalRead(ds, (m) => m.findOneByOrFail(Setting, { key }))).value;
}
