import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { transactionKnex } from '../db/transaction-knex';
import { ConflictSource } from './conflict.entity';

export interface EffectiveConflict {
  userId: string;
  applicantId: string;
  source: ConflictSource;
  reason: string;
}

/**
 * Conflicts in force: declared ones not cleared, plus those detected from live data — the
 * member's institution is the applicant's prior institution, or the member is a referee —
 * unless an officer cleared that detection. Filter by users, applicants, or both.
 */
export async function effectiveConflicts(
  db: Knex,
  filter: { userIds?: readonly string[]; applicantIds?: readonly string[] },
): Promise<EffectiveConflict[]> {
  // Conditions are left out rather than written "? is null or …", which would keep PostgreSQL
  // from using the primary keys and scan every applicant for each vote's conflict check.
  const bindings: Knex.RawBinding[] = [];
  const only = (ids: readonly string[] | undefined) => {
    if (!ids) return '';
    bindings.push([...ids]);
    return 'where id = any(?::uuid[])';
  };
  const userFilter = only(filter.userIds);
  const applicantFilter = only(filter.applicantIds);
  const { rows } = await db.raw(effectiveConflictsSql(userFilter, applicantFilter), bindings);
  return rows.map((row: any) => ({ userId: row.user_id, applicantId: row.applicant_id, source: row.source, reason: row.reason }));
}

/**
 * The conflicts in force on each applicant, at most `max` per applicant, by member then source:
 * a page the API can return whole (Applicant.conflicts), however many members an institution has.
 */
export async function conflictsPerApplicant(db: Knex, applicantIds: readonly string[], max: number): Promise<EffectiveConflict[]> {
  const { rows } = await db.raw(
    `select user_id, applicant_id, source, reason from (
       select q.*, row_number() over (partition by q.applicant_id order by q.user_id, q.source) as rank
         from (${effectiveConflictsSql('', 'where id = any(?::uuid[])')}) q
     ) ranked
     where rank <= ?
     order by applicant_id, rank`,
    [[...applicantIds], max],
  );
  return rows.map((row: any) => ({ userId: row.user_id, applicantId: row.applicant_id, source: row.source, reason: row.reason }));
}

/**
 * The conflicts-in-force query (columns user_id, applicant_id, source, reason), with the given
 * WHERE clauses on app_user and applicant: for statements that check conflicts as one part of
 * their work (castVote).
 */
export function effectiveConflictsSql(userFilter: string, applicantFilter: string): string {
  return `
    with u as (select id, email, institution from app_user ${userFilter}),
         a as (select id, prior_institution from applicant ${applicantFilter})
    select c.user_id, c.applicant_id, c.source, c.reason
      from conflict_of_interest c
      join u on u.id = c.user_id
      join a on a.id = c.applicant_id
     where c.source = 'DECLARED' and c.cleared_at is null
    union all
    select u.id, a.id, 'SHARED_INSTITUTION', 'Prior institution ' || a.prior_institution || ' is the member''s institution.'
      from u join a on lower(trim(a.prior_institution)) = lower(trim(u.institution))
     where not exists (select 1 from conflict_of_interest c
                        where c.user_id = u.id and c.applicant_id = a.id and c.source = 'SHARED_INSTITUTION')
    union all
    select distinct u.id, a.id, 'REFEREE', 'The member wrote one of the applicant''s reference letters.'
      from reference_letter r
      join a on a.id = r.applicant_id
      join u on lower(u.email) = lower(r.referee_email)
     where not exists (select 1 from conflict_of_interest c
                        where c.user_id = u.id and c.applicant_id = a.id and c.source = 'REFEREE')
    `;
}

/**
 * The conflicts in force between one member and one applicant, read inside the caller's
 * transaction (on its connection: a second connection per transaction would exhaust the pool
 * under load and see a different snapshot).
 */
export async function conflictsBetween(em: EntityManager, userId: string, applicantId: string): Promise<EffectiveConflict[]> {
  return effectiveConflicts(transactionKnex(em), { userIds: [userId], applicantIds: [applicantId] });
}
