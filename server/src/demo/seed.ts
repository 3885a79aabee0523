import { inTransaction, isUniqueViolation } from '../db/transaction.js';
import { Department, Enterprise, ExemptEnterprise, ExemptItem, Item, Officer, Scenario } from '../registry/registry.entities.js';
import type { Services } from '../services.js';
import { Setting } from '../settings/setting.entity.js';
import { demoData } from './demoData.js';

/**
 * Seeds the Shanghai demo set once per database. The marker row is inserted in the same
 * transaction, so two processes starting together seed it exactly once.
 */
export async function seedDemoData(s: Services): Promise<boolean> {
  const now = s.clock();
  try {
    // inTransaction: on Galera the racing seeders meet at certification (1213) and the retry sees the marker.
    await inTransaction(s.ds, async (m) => {
      await m.insert(Setting, { key: 'demo_seeded', value: now.toISOString() });
      await m.insert(Department, demoData.departments);
      await m.insert(Officer, demoData.officers);
      await m.insert(Enterprise, demoData.enterprises);
      await m.insert(Item, demoData.items);
      for (const scenario of demoData.scenarios) await m.insert(Scenario, scenario);
      await m.insert(ExemptEnterprise, demoData.exemptEnterprises.map((creditCode) => ({ creditCode, addedBy: 'demo-seed', addedAt: now })));
      await m.insert(ExemptItem, demoData.exemptItems.map((itemCode) => ({ itemCode, addedBy: 'demo-seed', addedAt: now })));
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}
