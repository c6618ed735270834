import type { Routine } from '../audit/audit.routines';
import { VALUES } from './agreement.sql';

/**
 * The database keeps the reports' running totals (score-aggregates.entity.ts) and each vote's
 * overall score, in the transaction of whatever changes a score — the vote statement, the seed,
 * a bulk load, an abstention clearing scores, a deleted vote, a rubric weight edited — so no
 * writer can forget them. Totals change by deltas (+1 for each new score, −1 for each old one):
 * concurrent votes on one item add up under the unit rows' locks, which every writer takes in
 * key order (no deadlock between two votes), and a bulk load of millions of scores is one pass.
 * `overallSql` is the one definition of a vote's overall score.
 */

/** A vote's overall score from rows `vs` of vote_score joined to their criteria `rc` (aggregate). */
export const OVERALL_SQL = 'sum(vs.score * rc.weight) / nullif(sum(rc.weight), 0)';

const sumWhere = (sign: string, condition: string) => `coalesce(sum(${sign}) filter (where ${condition}), 0)`;

/** Adds `changes(vote_id, criterion_id, score, sign)` to the units and refreshes the votes' overall scores. */
function applyScoreChanges(changes: string): string {
  return `
  insert into score_unit as u (session_id, applicant_id, criterion_id, m, ${VALUES.map((v) => `n${v}`).join(', ')})
  select * from (
    select v.session_id, v.applicant_id, c.criterion_id, sum(c.sign)::int as m,
           ${VALUES.map((v) => `${sumWhere('c.sign', `c.score = ${v}`)}::int as n${v}`).join(', ')}
      from (${changes}) c join vote v on v.id = c.vote_id
     group by 1, 2, 3) d
   -- an unchanged score (the vote statement rewrites every criterion) is +1 and −1: no lock for it
   where (d.m, ${VALUES.map((v) => `d.n${v}`).join(', ')}) <> (0, ${VALUES.map(() => '0').join(', ')})
   order by 1, 2, 3
  on conflict (session_id, applicant_id, criterion_id) do update
     set m = u.m + excluded.m, ${VALUES.map((v) => `n${v} = u.n${v} + excluded.n${v}`).join(', ')};
  perform conclave_refresh_vote_overall(array(select distinct vote_id from (${changes}) c));`;
}

/** One trigger per event, each with its own transition tables and function. */
const SCORE_TRIGGERS = [
  { name: 'conclave_vote_scores_inserted', event: 'insert', tables: 'new table as new_scores', changes: 'select vote_id, criterion_id, score, 1 as sign from new_scores' },
  { name: 'conclave_vote_scores_deleted', event: 'delete', tables: 'old table as old_scores', changes: 'select vote_id, criterion_id, score, -1 as sign from old_scores' },
  {
    name: 'conclave_vote_scores_updated',
    event: 'update',
    tables: 'old table as old_scores new table as new_scores',
    changes: 'select vote_id, criterion_id, score, 1 as sign from new_scores union all select vote_id, criterion_id, score, -1 from old_scores',
  },
];

/**
 * Recomputes the overall score of these votes from their scores and moves each changed one
 * between its item's totals. Votes no longer there (deleted with their scores) are skipped:
 * conclave_vote_deleted took them out first.
 */
const REFRESH_OVERALL = `
create or replace function conclave_refresh_vote_overall(vote_ids uuid[]) returns void language plpgsql as $$
begin
  -- plpgsql, not sql: its statement's plan is kept for the session instead of planned per vote
  with fresh as (
    select v.id, v.session_id, v.applicant_id, v.overall as before, o.overall as after
      from vote v
      left join (select vs.vote_id, ${OVERALL_SQL} as overall
                   from vote_score vs join rubric_criterion rc on rc.id = vs.criterion_id
                  where vs.vote_id = any(vote_ids) group by vs.vote_id) o on o.vote_id = v.id
     where v.id = any(vote_ids)),
  changed as (select * from fresh where before is distinct from after),
  stored as (update vote v set overall = c.after from changed c where v.id = c.id),
  moves as (
    select session_id, applicant_id, before as value, -1 as sign from changed where before is not null
    union all
    select session_id, applicant_id, after, 1 from changed where after is not null)
  insert into item_score_summary as s (session_id, applicant_id, votes, overall_sum, ${VALUES.map((v) => `rounded${v}`).join(', ')})
  select session_id, applicant_id, sum(sign)::int, sum(sign * value),
         ${VALUES.map((v) => `${sumWhere('sign', `round(value) = ${v}`)}::int`).join(', ')}
    from moves group by 1, 2 order by 1, 2
  on conflict (session_id, applicant_id) do update
     set votes = s.votes + excluded.votes, overall_sum = s.overall_sum + excluded.overall_sum,
         ${VALUES.map((v) => `rounded${v} = s.rounded${v} + excluded.rounded${v}`).join(', ')};
end $$`;

/**
 * Before a vote row goes (its scores go with it, by cascade, after this): take its scores out of
 * the units and its overall out of its item's totals, while they can still be read.
 */
const VOTE_DELETED = `
create or replace function conclave_vote_deleted() returns trigger language plpgsql as $$
begin
  update score_unit u
     set m = u.m - 1, ${VALUES.map((v) => `n${v} = u.n${v} - (vs.score = ${v})::int`).join(', ')}
    from vote_score vs
   where vs.vote_id = old.id and u.session_id = old.session_id and u.applicant_id = old.applicant_id and u.criterion_id = vs.criterion_id;
  if old.overall is not null then
    update item_score_summary
       set votes = votes - 1, overall_sum = overall_sum - old.overall,
           ${VALUES.map((v) => `rounded${v} = rounded${v} - (round(old.overall) = ${v})::int`).join(', ')}
     where session_id = old.session_id and applicant_id = old.applicant_id;
  end if;
  return old;
end $$`;

/** A weight edited on a rubric that has scores changes the overall score of every vote on it. */
const WEIGHT_CHANGED = `
create or replace function conclave_rubric_weight_changed() returns trigger language plpgsql as $$
begin
  perform conclave_refresh_vote_overall(array(
    select distinct vs.vote_id from vote_score vs
     where vs.criterion_id in (select n.id from new_criteria n join old_criteria o on o.id = n.id where n.weight <> o.weight)));
  return null;
end $$`;

export function scoreAggregateRoutines(): Routine[] {
  return [
    { sql: REFRESH_OVERALL, on: 'item_score_summary' },
    ...SCORE_TRIGGERS.flatMap((t) => [
      { on: 'score_unit', sql: `create or replace function ${t.name}() returns trigger language plpgsql as $$ begin ${applyScoreChanges(t.changes)} return null; end $$` },
      { on: 'score_unit', sql: `create or replace trigger ${t.name} after ${t.event} on vote_score referencing ${t.tables} for each statement execute function ${t.name}()` },
    ]),
    { sql: VOTE_DELETED, on: 'score_unit' },
    { on: 'score_unit', sql: `create or replace trigger conclave_vote_deleted before delete on vote for each row execute function conclave_vote_deleted()` },
    { sql: WEIGHT_CHANGED, on: 'score_unit' },
    {
      on: 'score_unit',
      sql: `create or replace trigger conclave_rubric_weight_changed after update on rubric_criterion
              referencing old table as old_criteria new table as new_criteria
              for each statement execute function conclave_rubric_weight_changed()`,
    },
  ];
}
