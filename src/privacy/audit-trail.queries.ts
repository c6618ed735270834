import type { Knex } from '@mikro-orm/postgresql';
import type { AuditKind } from '../audit/audit-event.entity';
import { toGlobalId } from '../common/global-id';
import { PageRequest, windowTotal } from '../common/pagination';
import { timestamp } from '../common/scalars';
import { AuditEventNode } from './audit-trail.type';

export interface AuditQuery {
  applicantId?: string;
  actorId?: string;
  kinds?: AuditKind[];
  from?: Date;
  to?: Date;
}

function toAuditEvent(row: any): AuditEventNode {
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

/**
 * Newest first. By applicant through the GIN index on applicant_ids, by user through
 * (actor_id, id): a page reads only its rows and their count.
 */
export async function auditPage(db: Knex, query: AuditQuery, page: PageRequest): Promise<{ nodes: AuditEventNode[]; totalCount: number }> {
  const q = db('audit_event as e').select('e.*', db.raw('count(*) over () as total_count'));
  if (query.applicantId) q.whereRaw('e.applicant_ids @> array[?]::uuid[]', [query.applicantId]);
  if (query.actorId) q.where('e.actor_id', query.actorId);
  if (query.kinds?.length) q.whereIn('e.kind', query.kinds);
  if (query.from) q.where('e.occurred_at', '>=', query.from);
  if (query.to) q.where('e.occurred_at', '<', query.to);
  const rows = await q.orderBy('e.id', 'desc').offset(page.offset).limit(page.limit);
  const totalCount = await windowTotal(rows, page.offset, async () => (await auditPage(db, query, { offset: 0, limit: 1 })).totalCount);
  return { nodes: rows.map(toAuditEvent), totalCount };
}
