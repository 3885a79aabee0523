import type { EntityManager, FindOptionsWhere } from 'typeorm';
import type { z } from 'zod';
import type { auditQuery } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import type { Services } from '../services.js';
import { dbKind } from '../db/dataSource.js';
import { AuditCount, AuditEntry, type AuditDetail } from './audit.entity.js';
import { shanghaiDate } from './calendar.js';

export interface Actor {
  role: string;
  id: string;
}

export type AuditAction =
  'complaint.open' | 'complaint.accept' | 'complaint.resolve' | 'complaint.dismiss' | 'exemption.put' | 'exemption.delete' | 'key.rotate';

/** The stable identity of a caller: the user id of an enterprise user, the certificate of an officer. */
export function actorOf(p: Principal): Actor {
  switch (p.role) {
    case 'enterprise':
      return { role: p.role, id: p.userId };
    case 'officer':
      return { role: p.role, id: p.certNo };
    case 'supervisor':
    case 'admin':
      return { role: p.role, id: p.subject };
  }
}

/**
 * Appends one entry to the audit log. Call it with the transaction's manager, so the entry and
 * the change it records are committed (or rolled back) together.
 */
export async function recordAudit(
  m: EntityManager,
  entry: { at: Date; actor: Actor; action: AuditAction; target: { type: string; id: string }; detail?: AuditDetail },
): Promise<void> {
  await m.insert(AuditEntry, {
    at: entry.at,
    actorRole: entry.actor.role,
    actor: entry.actor.id.slice(0, 64),
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id.slice(0, 64),
    detail: entry.detail ?? null,
  });
  const counted = [shanghaiDate(entry.at).slice(0, 7), entry.action, entry.target.type, Math.floor(Math.random() * 4), 1];
  await m.query(
    dbKind(m.connection) === 'mysql'
      ? 'INSERT INTO `audit_counts` (`month`, `action`, `targetType`, `shard`, `entries`) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE `entries` = `entries` + 1'
      : 'INSERT INTO `audit_counts` (`month`, `action`, `targetType`, `shard`, `entries`) VALUES (?, ?, ?, ?, ?) ON CONFLICT (`month`, `action`, `targetType`, `shard`) DO UPDATE SET `entries` = `entries` + 1',
    counted,
  );
}

/** Recounts audit_counts from the log (for entries written around recordAudit, such as a bulk load; the migration runs it once). */
export function rebuildAuditCountsSql(kind: 'mysql' | 'sqlite'): string[] {
  const month = kind === 'mysql' ? "DATE_FORMAT(`at` + INTERVAL 8 HOUR, '%Y-%m')" : "strftime('%Y-%m', `at`, '+8 hours')";
  return [
    'DELETE FROM `audit_counts`',
    `INSERT INTO \`audit_counts\` (\`month\`, \`action\`, \`targetType\`, \`shard\`, \`entries\`) SELECT ${month}, \`action\`, \`targetType\`, 0, COUNT(*) FROM \`audit_log\` GROUP BY ${month}, \`action\`, \`targetType\``,
  ];
}

/** How many entries match: from audit_counts unless one target is asked for (then a handful of entries). */
async function countAudit(m: EntityManager, q: z.output<typeof auditQuery>, where: FindOptionsWhere<AuditEntry>): Promise<number> {
  if (q.targetId) return m.countBy(AuditEntry, where);
  const qb = m.createQueryBuilder(AuditCount, 'a').select('SUM(a.entries)', 'n');
  if (q.action) qb.andWhere('a.action = :action', { action: q.action });
  if (q.targetType) qb.andWhere('a.targetType = :targetType', { targetType: q.targetType });
  const row = await qb.getRawOne<{ n: unknown }>();
  return Number(row?.n ?? 0);
}

/** The audit log, newest first; read-only by design (no update or delete exists anywhere). */
export async function listAudit(s: Services, q: z.output<typeof auditQuery>) {
  const where: FindOptionsWhere<AuditEntry> = {};
  if (q.action) where.action = q.action;
  if (q.targetType) where.targetType = q.targetType;
  if (q.targetId) where.targetId = q.targetId;
  const [rows, total] = await Promise.all([
    s.ds.manager.find(AuditEntry, { where, order: { at: 'DESC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    countAudit(s.ds.manager, q, where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { role: r.actorRole, id: r.actor },
      action: r.action,
      target: { type: r.targetType, id: r.targetId },
      detail: r.detail,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
