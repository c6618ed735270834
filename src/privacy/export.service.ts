import type { Knex } from '@mikro-orm/postgresql';
import { AuditKind } from '../audit/audit-event.entity';
import { APPLICANT_TABLES, ApplicantTable, rowsOfApplicants } from './applicant-data';

export const EXPORT_FORMAT = 'conclave-subject-access/1';

// A scalar (the cast): `= any(subquery)` would compare each uuid with the whole array.
const SUBJECT = '(select ids from subject)::uuid[]';

function rowsOf(table: ApplicantTable): string {
  const row = `to_jsonb(t) - ${`'{${(table.exportOmits ?? []).join(',')}}'::text[]`}`;
  const from = `from ${table.table} t where ${rowsOfApplicants(table, SUBJECT)}`;
  if (table.table === 'applicant') return `(select ${row} ${from})`;
  return `(select coalesce(jsonb_agg(${row} order by ${table.order ?? 't.created_at, t.id'}), '[]') ${from})`;
}

/**
 * Everything held on one applicant, as JSON (subject access): their row of every table in the
 * applicant data map (committee members' identities left out: they are third parties), and a
 * summary of the audit trail about them (what was done with their file, how often, first and
 * last time). One statement, which also writes the EXPORT entry of the audit trail: there is no
 * export that is not recorded.
 */
export async function exportApplicantData(db: Knex, applicantId: string, by: { actorId: string; requestId: string | null }): Promise<Record<string, unknown> | null> {
  const tables = APPLICANT_TABLES.map((table) => `'${table.table}', ${rowsOf(table)}`).join(',\n');
  const { rows } = await db.raw(
    `with subject as (select array[?::uuid] as ids),
          audit as (
            insert into audit_event (kind, action, actor_id, request_id, applicant_ids)
            select ?, 'applicantDataExport', ?, ?, ids from subject where exists (select 1 from applicant where id = any(ids))
          )
     select (select to_jsonb(t) from applicant t where t.id = any(${SUBJECT})) is not null as found,
            jsonb_build_object(${tables}) as tables,
            (select coalesce(jsonb_agg(x order by x.kind, x.action), '[]')
               from (select kind, action, count(*) as count, min(occurred_at) as first, max(occurred_at) as last
                       from audit_event where applicant_ids @> ${SUBJECT} group by kind, action) x) as audit_summary`,
    [applicantId, AuditKind.EXPORT, by.actorId, by.requestId],
  );
  const row = rows[0];
  if (!row.found) return null;
  return { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), applicantId, tables: row.tables, auditSummary: row.audit_summary };
}
