import type { Knex } from '@mikro-orm/postgresql';
import { Kind, OperationDefinitionNode } from 'graphql';
import type { AuthUser } from '../auth/access';
import { AuditKind } from './audit-event.entity';
import type { OperationAudit } from './operation-audit';

/** One audit row as the application writes it (CHANGE rows are written by triggers). */
export interface AuditEntry {
  kind: AuditKind;
  action: string;
  actorId?: string | null;
  requestId?: string | null;
  operationId?: string | null;
  applicantIds?: readonly string[];
  outcome?: string | null;
  details?: Record<string, unknown> | null;
}

function toRow(entry: AuditEntry) {
  return {
    kind: entry.kind,
    action: entry.action,
    actor_id: entry.actorId ?? null,
    request_id: entry.requestId ?? null,
    operation_id: entry.operationId ?? null,
    applicant_ids: [...(entry.applicantIds ?? [])],
    outcome: entry.outcome ?? null,
    // jsonb: the driver would turn a top-level array into a PostgreSQL array.
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}

/** Any number of entries in one statement. */
export async function recordAudit(db: Knex, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await db('audit_event').insert(entries.map(toRow));
}

/** What an operation read, for whom: one READ entry, or none when it read no applicant's file. */
export function readEntry(audit: OperationAudit, viewer: AuthUser | null, action: string, requestId: string | null): AuditEntry | null {
  const applicantIds = audit.takeReads();
  if (applicantIds.length === 0) return null;
  return { kind: AuditKind.READ, action, actorId: viewer?.id ?? null, requestId, applicantIds };
}

/** The operation's root fields, e.g. `applicants,node`: what the READ row says was asked for. */
export function rootFieldsOf(operation: OperationDefinitionNode | null | undefined): string {
  const fields = operation?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) ?? [];
  return fields.join(',') || operation?.operation || 'query';
}
