import type { Knex } from '@mikro-orm/postgresql';
import { AuditKind } from '../audit/audit-event.entity';
import { effectiveConflictsSql } from '../conflicts/conflict.queries';
import { Acting, actAsIn } from '../db/acting';
import { APPLICANT_TABLES, rowsOfApplicants } from './applicant-data';

const IDS = '?::uuid[]';

/**
 * Anonymises applicants, in the caller's transaction, with a fixed number of statements whatever
 * their number. What is kept and removed is decided per table in applicant-data.ts. Before that:
 * - conflicts of interest detected from data about to be erased (a shared institution, a
 *   referee's email) are kept as declared ones, so no member starts seeing votes, tallies or
 *   aggregates on an applicant they were conflicted with;
 * After:
 * - the audit trail's entries about them lose their personal data (before, after, details),
 *   including the entries this erasure's own changes just wrote, and keep who did what when;
 * - one ERASURE entry names them.
 * Returns the applicants anonymised (those already anonymised are left alone).
 */
export async function eraseApplicants(trx: Knex.Transaction, applicantIds: string[], acting: Acting): Promise<string[]> {
  if (applicantIds.length === 0) return [];
  await actAsIn(trx, acting);
  const ids: string[] = (await trx.raw(`select id from applicant where id = any(${IDS}) and anonymised_at is null order by id for update`, [applicantIds])).rows.map(
    (row: { id: string }) => row.id,
  );
  if (ids.length === 0) return [];
  await trx.raw(
    `insert into conflict_of_interest (id, created_at, user_id, applicant_id, source, reason)
     select gen_random_uuid(), now(), c.user_id, c.applicant_id, 'DECLARED', 'Detected (' || c.source || ') before the applicant was erased'
       from (${effectiveConflictsSql('', `where id = any(${IDS})`)}) c
      where c.source <> 'DECLARED'
     on conflict (user_id, applicant_id, source) do nothing`,
    [ids],
  );
  for (const table of APPLICANT_TABLES) {
    const columns = Object.entries(table.erase ?? {}).map(([column, value]) => `${column} = ${value}`);
    if (table.table === 'applicant') columns.push('anonymised_at = now()');
    if (columns.length === 0) continue;
    await trx.raw(`update ${table.table} t set ${columns.join(', ')} where ${rowsOfApplicants(table, IDS)}`, [ids]);
  }
  await trx.raw(
    `update audit_event set before = null, after = null, details = null, redacted_at = now()
      where applicant_ids && ${IDS} and redacted_at is null and (before is not null or after is not null or details is not null)`,
    [ids],
  );
  await trx('audit_event').insert({
    kind: AuditKind.ERASURE,
    action: acting.action ?? 'erasure',
    actor_id: acting.actorId,
    request_id: acting.requestId,
    operation_id: acting.operationId,
    applicant_ids: ids,
    details: JSON.stringify({ count: ids.length }),
  });
  return ids;
}
