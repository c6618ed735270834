import type { Knex } from '@mikro-orm/postgresql';
import type { AuditKind } from '../audit/audit-event.entity';
import { toGlobalId } from '../common/global-id';
import { KeysetPage, keysetPage, ordering, PageRequest } from '../common/pagination';
import { timestamp } from '../common/scalars';
import { AuditEventNode } from './audit-trail.type';

export interface AuditQuery {
  applicantId?: string;
  actorId?: string;
  kinds?: AuditKind[];
  from?: Date;
  to?: Date;
}

export function toAuditEvent(row: any): AuditEventNode {
  return Object.assign(new AuditEventNode(), {
    id: String(row.id),
    occurredAt: timestamp(row.occurred_at),
    kind: row.kind,
    action: row.action,
    actorId: row.actor_id,
    requestId: row.request_id,
    operationId: row.operation_id,
    applicantIds: (row.applicant_ids as string[]).map((id) => toGlobalId('Applicant', id)),
    outcome: row.outcome,
    table: row.table_name,
    operation: row.operation,
    before: row.before,
    after: row.after,
    details: row.details,
    redactedAt: timestamp(row.redacted_at),
  });
}

/** Newest first: the id is the order the trail was written in. */
export const AUDIT_ORDERING = ordering('auditEvents', 'id', 'desc', [{ sql: 'e.id', type: 'bigint' }]);

/**
 * By applicant through the GIN index on applicant_ids, by user through (actor_id, id): a page
 * reads only its rows and their count.
 */
export function auditPage(db: Knex, query: AuditQuery, page: PageRequest): Promise<KeysetPage<any>> {
  const q = db('audit_event as e').select('e.*');
  if (query.applicantId) q.whereRaw('e.applicant_ids @> array[?]::uuid[]', [query.applicantId]);
  if (query.actorId) q.where('e.actor_id', query.actorId);
  if (query.kinds?.length) q.whereIn('e.kind', query.kinds);
  if (query.from) q.where('e.occurred_at', '>=', query.from);
  if (query.to) q.where('e.occurred_at', '<', query.to);
  return keysetPage(db, q, page);
}
