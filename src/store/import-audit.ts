// The audit entry an import writes, in the same commit as the rows it imports (transact's audit option).
import type { AuditEntry } from '../domain';

export function importAudit(action: string, file: string, r: { added: unknown[]; updated: unknown[]; unchanged: unknown[] }): AuditEntry {
  return {
    at: new Date().toISOString(),
    actorId: 'operator',
    action,
    outcome: 'ok',
    detail: { file, added: r.added.length, updated: r.updated.length, unchanged: r.unchanged.length },
  };
}
