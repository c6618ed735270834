import type { Knex } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { UserRole } from '../auth/user.entity';
import { badInput } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { mayViewVotesSql } from '../reviews/policy';
import type { ReportFilter } from './report.types';
import { OVERALL_SQL } from './score-aggregates.routines';

/**
 * What the viewer's aggregates may be computed from, and what they may show. Aggregates obey the
 * same visibility as the votes themselves (reviews/policy.ts `mayViewVotes`, whose SQL twin this
 * uses), so no statistic can reveal a score its reader may not see:
 * - officers: everything;
 * - reporters: every applicant, but only votes on applicants whose voting has closed, and never a
 *   cell, reviewer row or applicant row resting on fewer than k votes (REPORT_MIN_VOTES): such a
 *   cell is null and says `suppressed`, so one member's vote is never readable, even by pseudonym;
 * - members: applicants and votes of their own committees' sessions, minus applicants they are
 *   conflicted with, and in blind mode only where they have voted or the scores are revealed.
 */
/** The longest date range a report reads (decisionsPerDay has a row per day of it: list-sizes.ts counts 1,099). */
export const MAX_RANGE_DAYS = 3 * 366;

export interface ReportScope {
  kind: 'officer' | 'reporter' | 'member';
  userId: string;
  conflicted: string[];
  /** k: the fewest votes a cell shown to this reader may rest on (1 for officers and members). */
  minVotes: number;
  filter: { intakeId?: string; programId?: string; weekId?: string; from?: string; to?: string };
}

/** Whether a cell resting on `votes` votes may be shown to this reader (a cell of no votes reveals none). */
export function mayShowCell(scope: ReportScope, votes: number): boolean {
  return votes === 0 || votes >= scope.minVotes;
}

/** SQL twin of `mayShowCell` over a count expression (ranks and orders are computed among shown rows only). */
export function shownSql(scope: ReportScope, votes: string): string {
  return `(${votes} = 0 or ${votes} >= ${Math.trunc(scope.minVotes)})`;
}

export async function reportScope(ctx: Context, filter: ReportFilter | undefined): Promise<ReportScope> {
  const user = ctx.user!;
  const kind = user.role === UserRole.OFFICER ? 'officer' : user.role === UserRole.REPORTER ? 'reporter' : 'member';
  if (filter?.from && filter?.to && filter.from > filter.to) throw badInput('filter.from', '`from` is after `to`.');
  // Day-by-day reports make a row per day of the range: keep it to what an intake can span.
  if (filter?.from && filter?.to && Date.parse(filter.to) - Date.parse(filter.from) > MAX_RANGE_DAYS * 86_400_000) {
    throw badInput('filter.to', `A report covers at most ${MAX_RANGE_DAYS} days.`);
  }
  return {
    kind,
    userId: user.id,
    conflicted: kind === 'member' ? [...(await ctx.access.conflictedApplicantIds())] : [],
    minVotes: kind === 'reporter' ? ctx.settings.reportMinVotes : 1,
    filter: {
      intakeId: filter?.intakeId ? fromGlobalId('Intake', filter.intakeId, 'filter.intakeId') : undefined,
      programId: filter?.programId ? fromGlobalId('Program', filter.programId, 'filter.programId') : undefined,
      weekId: filter?.weekId ? fromGlobalId('ReviewWeek', filter.weekId, 'filter.weekId') : undefined,
      from: filter?.from,
      to: filter?.to,
    },
  };
}

export interface Fragment {
  sql: string;
  bindings: Knex.RawBinding[];
}

/** A conjunction of SQL conditions with their bindings, in order. */
export class Conditions {
  private readonly parts: string[] = ['true'];
  readonly bindings: Knex.RawBinding[] = [];

  add(sql: string, ...values: Knex.RawBinding[]): this {
    this.parts.push(sql);
    this.bindings.push(...values);
    return this;
  }

  get sql(): string {
    return this.parts.join(' and ');
  }
}

/** Conditions on applicant `a` (and its dates, via `dateColumn`). */
export function applicantConditions(scope: ReportScope, dateColumn = 'a.created_at'): Fragment {
  const where = new Conditions();
  const f = scope.filter;
  if (f.intakeId) where.add('a.intake_id = ?', f.intakeId);
  if (f.programId) where.add('a.program_id = ?', f.programId);
  if (f.weekId) {
    where.add('exists (select 1 from agenda_item wi join review_session ws on ws.id = wi.session_id where wi.applicant_id = a.id and ws.week_id = ?)', f.weekId);
  }
  if (f.from) where.add(`${dateColumn} >= ?::date`, f.from);
  if (f.to) where.add(`${dateColumn} < ?::date + 1`, f.to);
  if (scope.kind === 'member') {
    where.add(
      `exists (select 1 from agenda_item mi join review_session ms on ms.id = mi.session_id
                join committee_member mc on mc.committee_id = ms.committee_id
               where mi.applicant_id = a.id and mc.user_id = ?)`,
      scope.userId,
    );
    where.add('not (a.id = any(?::uuid[]))', scope.conflicted);
  }
  return { sql: where.sql, bindings: where.bindings };
}

/**
 * `visible_items(session_id, applicant_id, program_id)`: the agenda items whose votes this
 * viewer's aggregates may use. Vote visibility is decided per item (reviews/policy.ts
 * `mayViewVotes`: the session's committee, conflicts, blind mode, voting closed), so the running
 * totals kept per item (score-aggregates.entity.ts) obey it exactly. Dates are not part of it:
 * `from`/`to` select votes by when they were cast (`visibleVotesCte`).
 */
export function visibleItemsCte(scope: ReportScope): Fragment {
  const applicant = applicantConditions({ ...scope, filter: { ...scope.filter, from: undefined, to: undefined } });
  const where = new Conditions().add(applicant.sql, ...applicant.bindings);
  if (scope.filter.weekId) where.add('s.week_id = ?', scope.filter.weekId);
  if (scope.kind === 'reporter') where.add(`ai.voting_status = 'CLOSED'`);
  if (scope.kind === 'member') {
    where.add(
      mayViewVotesSql({
        isOfficer: 'false',
        sitsOnSession: 'exists (select 1 from committee_member sc where sc.committee_id = s.committee_id and sc.user_id = ?)',
        conflicted: '(ai.applicant_id = any(?::uuid[]))',
        blind: 's.blind',
        revealed: 'ai.scores_revealed',
        hasVoted: 'exists (select 1 from vote own where own.session_id = ai.session_id and own.applicant_id = ai.applicant_id and own.member_id = ?)',
      }),
      scope.userId,
      scope.conflicted,
      scope.userId,
    );
  }
  return {
    sql: `visible_items as (
      select ai.session_id, ai.applicant_id, a.program_id
        from agenda_item ai
        join applicant a on a.id = ai.applicant_id
        join review_session s on s.id = ai.session_id
       where ${where.sql})`,
    bindings: where.bindings,
  };
}

/** Whether the per-item running totals answer this scope: not when it selects votes by date. */
export function totalsAnswer(scope: ReportScope): boolean {
  return !scope.filter.from && !scope.filter.to;
}

/**
 * `visible_votes(id, session_id, applicant_id, member_id, recommendation, created_at, program_id, overall)`:
 * the votes this viewer's aggregates may use (after `visible_items`' CTE, which this includes).
 */
export function visibleVotesCte(scope: ReportScope): Fragment {
  const items = visibleItemsCte(scope);
  const where = new Conditions();
  if (scope.filter.from) where.add('v.created_at >= ?::date', scope.filter.from);
  if (scope.filter.to) where.add('v.created_at < ?::date + 1', scope.filter.to);
  return {
    sql: `${items.sql},
    visible_votes as (
      select v.id, v.session_id, v.applicant_id, v.member_id, v.recommendation, v.created_at, vi.program_id, v.overall
        from visible_items vi join vote v on v.session_id = vi.session_id and v.applicant_id = vi.applicant_id
       where ${where.sql})`,
    bindings: [...items.bindings, ...where.bindings],
  };
}

/**
 * `vote_overall(vote_id, overall)`: each visible vote's score weighted by its rubric, from its scores
 * (after `visible_votes`): the reference the kept `vote.overall` is tested against, and the date-range path.
 */
export const overallCte = `vote_overall as (
  select vs.vote_id, ${OVERALL_SQL} as overall
    from visible_votes vv join vote_score vs on vs.vote_id = vv.id join rubric_criterion rc on rc.id = vs.criterion_id
   group by vs.vote_id)`;

/**
 * Runs one report statement. Reports aggregate millions of rows: a larger sort and hash
 * budget for this statement only keeps them in memory instead of spilling to disk.
 */
export async function reportRows(db: Knex, sql: string, bindings: Knex.RawBinding[]): Promise<any[]> {
  return db.transaction(async (trx) => {
    await trx.raw(`set local work_mem = '64MB'`);
    // No JIT: a report's many expressions cost PostgreSQL more to compile than they save (the
    // funnel spent 1.9 s of 2.2 s compiling 338 functions at 10,000 applicants).
    await trx.raw(`set local jit = off`);
    return (await trx.raw(sql, bindings)).rows;
  });
}
