import type { EntityManager, FindOptionsWhere } from 'typeorm';
import type { z } from 'zod';
import type { auditQuery } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import type { Services } from '../services.js';
import { AuditEntry, type AuditDetail } from './audit.entity.js';

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
}

/** The audit log, newest first; read-only by design (no update or delete exists anywhere). */
export async function listAudit(s: Services, q: z.output<typeof auditQuery>) {
  const where: FindOptionsWhere<AuditEntry> = {};
  if (q.action) where.action = q.action;
  if (q.targetType) where.targetType = q.targetType;
  if (q.targetId) where.targetId = q.targetId;
  const [rows, total] = await s.ds.manager.findAndCount(AuditEntry, {
    where,
    order: { at: 'DESC', id: 'DESC' },
    skip: (q.page - 1) * q.pageSize,
    take: q.pageSize,
  });
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
