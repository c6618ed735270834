import type { Knex } from '@mikro-orm/postgresql';
import { numeric } from '../common/scalars';
import { toGlobalId } from '../common/global-id';
import { DecisionOutcome } from '../decisions/decision.enums';
import { decisionVisibleSql } from '../decisions/policy';
import { applicantConditions, Conditions, MAX_RANGE_DAYS, mayShowCell, reportRows, ReportScope, shownSql, visibleVotesCte } from './report-scope';
import { CommitteeWork, DecisionDay } from './report.types';

/** Sessions the viewer's reports cover: every one for officers and reporters, their committees' for members. */
function sessionConditions(scope: ReportScope): Conditions {
  const where = new Conditions();
  const f = scope.filter;
  if (f.weekId) where.add('s.week_id = ?', f.weekId);
  if (f.intakeId) where.add('w.intake_id = ?', f.intakeId);
  if (f.programId) where.add('exists (select 1 from committee_program cp where cp.committee_id = s.committee_id and cp.program_id = ?)', f.programId);
  if (f.from) where.add('s.starts_at >= ?::date', f.from);
  if (f.to) where.add('s.starts_at < ?::date + 1', f.to);
  if (scope.kind === 'member') where.add('exists (select 1 from committee_member sc where sc.committee_id = s.committee_id and sc.user_id = ?)', scope.userId);
  return where;
}

/** Votes per member, participation and time to decision per session, sessions held per week. */
export async function committeeWork(db: Knex, scope: ReportScope): Promise<CommitteeWork> {
  const votes = visibleVotesCte(scope);
  const sessions = sessionConditions(scope);
  const applicant = applicantConditions({ ...scope, filter: { ...scope.filter, from: undefined, to: undefined } });
  const anonymous = scope.kind === 'reporter';
  // A member sees nothing of an unpublished decision on an applicant they are conflicted with, not even its timing.
  const decisions = decisionVisibleSql('d', { isOfficer: scope.kind !== 'member', conflictedApplicantIds: scope.conflicted });
  const [members, perSession, perWeek] = await Promise.all([
    reportRows(
      db,
      `with ${votes.sql} select vv.member_id, u.name, count(*) as n from visible_votes vv join app_user u on u.id = vv.member_id
        group by vv.member_id, u.name order by ${shownSql(scope, 'count(*)')} desc, n desc, u.name`,
      votes.bindings,
    ),
    reportRows(
      db,
      `with counted_items as (
         -- The agenda items the filters select, and the votes on them: numerator and denominator
         -- of the participation rate come from the same items (counts of votes, never scores).
         select ai.session_id, count(*) as items,
                (select count(*) from vote v where v.session_id = ai.session_id and v.applicant_id = any(array_agg(ai.applicant_id))) as votes
           from agenda_item ai join applicant a on a.id = ai.applicant_id
          where ${applicant.sql}
          group by ai.session_id)
       select s.id, s.title, coalesce(max(ci.votes), 0) as votes,
              max(ci.votes)::float
                / nullif((select count(*) from committee_member cm where cm.committee_id = s.committee_id) * max(ci.items), 0) as participation,
              avg(extract(epoch from d.created_at - s.opened_at) / 60) as mean_minutes,
              percentile_cont(0.5) within group (order by extract(epoch from d.created_at - s.opened_at) / 60) as median_minutes
         from review_session s join review_week w on w.id = s.week_id
         left join counted_items ci on ci.session_id = s.id
         left join decision d on d.session_id = s.id and s.opened_at is not null and ${decisions.sql}
        where ${sessions.sql}
        group by s.id, s.title, s.starts_at, s.committee_id order by s.starts_at`,
      [...applicant.bindings, ...decisions.bindings, ...sessions.bindings],
    ),
    reportRows(
      db,
      `select w.id, w.label, count(s.id) filter (where s.opened_at is not null) as held
         from review_session s join review_week w on w.id = s.week_id
        where ${sessions.sql}
        group by w.id, w.label, w.starts_on order by w.starts_on`,
      sessions.bindings,
    ),
  ]);
  return {
    members: members.map((row: any, index: number) => {
      const shown = mayShowCell(scope, Number(row.n));
      return {
        memberId: anonymous ? null : toGlobalId('User', row.member_id),
        label: anonymous ? `Reviewer ${index + 1}` : row.name,
        suppressed: !shown,
        votesCast: shown ? Number(row.n) : null,
      };
    }),
    sessions: perSession.map((row: any) => ({
      sessionId: toGlobalId('ReviewSession', row.id),
      title: row.title,
      participationSuppressed: !mayShowCell(scope, Number(row.votes)),
      participationRate: mayShowCell(scope, Number(row.votes)) ? numeric(row.participation) : null,
      meanMinutesToDecision: numeric(row.mean_minutes),
      medianMinutesToDecision: numeric(row.median_minutes),
    })),
    weeks: perWeek.map((row: any) => ({ weekId: toGlobalId('ReviewWeek', row.id), label: row.label, sessionsHeld: Number(row.held) })),
  };
}

/** Decisions per day (every day of the range, zeros included), by outcome. */
export async function decisionsPerDay(db: Knex, scope: ReportScope): Promise<DecisionDay[]> {
  const where = applicantConditions(scope, 'd.created_at');
  const rows = await reportRows(
    db,
    `with decided as (
       select d.created_at::date as day, d.outcome from decision d join applicant a on a.id = d.applicant_id where ${where.sql}),
     days as (
       select generate_series(s, least(e, s + ${MAX_RANGE_DAYS}), interval '1 day')::date as day
         from (select coalesce(?::date, (select min(day) from decided)) as s, coalesce(?::date, (select max(day) from decided)) as e) range)
     select to_char(days.day, 'YYYY-MM-DD') as day, count(decided.outcome) as total,
            ${Object.values(DecisionOutcome).map((o) => `count(*) filter (where decided.outcome = '${o}') as "${o}"`).join(', ')}
       from days left join decided on decided.day = days.day
      group by days.day order by days.day`,
    [...where.bindings, scope.filter.from ?? null, scope.filter.to ?? null],
  );
  return rows.map((row: any) => ({
    day: row.day,
    total: Number(row.total),
    decisions: Object.values(DecisionOutcome).map((outcome) => ({ outcome, count: Number(row[outcome]) })),
  }));
}
