import type { Knex } from '@mikro-orm/postgresql';
import { numeric } from '../common/scalars';
import { toGlobalId } from '../common/global-id';
import { alphaCtes } from './agreement.sql';
import { ReportScope, visibleVotesCte } from './report-scope';
import { AgreementMetric, ApplicantCalibration, Calibration, ReviewerCalibration, ScoringGroup, ScoringRow } from './report.types';

const GROUPS: Record<ScoringGroup, { id: string; label: string; join: string; type: 'Program' | 'ReviewSession' }> = {
  PROGRAM: { id: 'vv.program_id', label: 'g.code', join: 'join program g on g.id = vv.program_id', type: 'Program' },
  SESSION: { id: 'vv.session_id', label: 'g.title', join: 'join review_session g on g.id = vv.session_id', type: 'ReviewSession' },
};

/**
 * Per program or per session: mean, median and sample standard deviation per criterion, the
 * distribution of overall scores, and agreement between reviewers — one statement.
 */
export async function scoring(db: Knex, scope: ReportScope, by: ScoringGroup, metric: AgreementMetric): Promise<ScoringRow[]> {
  const votes = visibleVotesCte(scope);
  const group = GROUPS[by];
  const { rows } = await db.raw(
    `with ${votes.sql},
     scores as (
       select ${group.id} as group_id, ${group.label} as group_label, vv.id as vote_id, vv.session_id, vv.applicant_id,
              rc.key, rc.position, vs.score
         from visible_votes vv ${group.join}
         join vote_score vs on vs.vote_id = vv.id join rubric_criterion rc on rc.id = vs.criterion_id),
     ratings as (
       select group_id || ':' || key as part, session_id || '/' || applicant_id as unit, score as value from scores
       union all
       select group_id || ':*', session_id || '/' || applicant_id || '/' || key, score from scores),
     ${alphaCtes('ratings', metric)},
     per_criterion as (
       select group_id, key, min(position) as position, count(*) as n, avg(score) as mean,
              percentile_cont(0.5) within group (order by score) as median, stddev_samp(score) as sd
         from scores group by group_id, key),
     distribution as (
       select ${group.id} as group_id, round(vv.overall)::int as score, count(*) as n
         from visible_votes vv where vv.overall is not null group by 1, 2)
     select g.group_id, max(g.group_label) as group_label,
            (select count(distinct vote_id) from scores s where s.group_id = g.group_id) as votes,
            (select json_agg(json_build_object('key', c.key, 'n', c.n, 'mean', c.mean, 'median', c.median, 'sd', c.sd,
                      'alpha', (select alpha from alpha where part = c.group_id || ':' || c.key)) order by c.position)
               from per_criterion c where c.group_id = g.group_id) as criteria,
            (select json_agg(json_build_object('score', d.score, 'n', d.n) order by d.score) from distribution d where d.group_id = g.group_id) as distribution,
            (select alpha from alpha where part = g.group_id || ':*') as alpha
       from scores g group by g.group_id order by max(g.group_label)`,
    votes.bindings,
  );
  return rows.map((row: any) =>
    Object.assign(new ScoringRow(), {
      groupId: toGlobalId(group.type, row.group_id),
      groupLabel: row.group_label,
      votes: Number(row.votes),
      criteria: (row.criteria ?? []).map((c: any) => ({
        criterionKey: c.key,
        count: Number(c.n),
        mean: numeric(c.mean),
        median: numeric(c.median),
        stdDev: numeric(c.sd),
        alpha: numeric(c.alpha),
      })),
      overallDistribution: (row.distribution ?? []).map((d: any) => ({ score: d.score, count: Number(d.n) })),
      alpha: numeric(row.alpha),
    }),
  );
}

/**
 * Reviewer severity (mean deviation from the committee's mean on the same applicants), scores
 * normalised within each reviewer (z-scores), and applicants ranked raw, normalised, and by
 * disagreement. Reporters get reviewers and applicants without names.
 */
export async function calibration(db: Knex, scope: ReportScope): Promise<Calibration> {
  const votes = visibleVotesCte(scope);
  const base = `with ${votes.sql},
    per_unit as (
      select vv.*, avg(overall) over unit as committee_mean, count(*) over unit as n_unit
        from visible_votes vv where overall is not null
      window unit as (partition by session_id, applicant_id)),
    reviewers as (
      select member_id, count(*) as votes, avg(overall) as mean, stddev_samp(overall) as sd,
             avg(overall - committee_mean) filter (where n_unit >= 2) as severity
        from per_unit group by member_id)`;
  const [reviewerRows, applicantRows] = await Promise.all([
    db.raw(`${base} select r.*, u.name from reviewers r join app_user u on u.id = r.member_id order by r.severity nulls last, u.name`, votes.bindings),
    db.raw(
      `${base},
       z as (select p.applicant_id, p.overall, (p.overall - r.mean) / nullif(r.sd, 0) as z from per_unit p join reviewers r using (member_id)),
       ranked as (
         select applicant_id, count(*) as votes, avg(overall) as raw_mean, avg(z) as normalized_mean, stddev_samp(overall) as disagreement
           from z group by applicant_id)
       select ranked.*, rank() over (order by raw_mean desc) as raw_rank,
              case when normalized_mean is null then null else rank() over (order by normalized_mean desc nulls last) end as normalized_rank,
              a.first_name || ' ' || a.last_name as name
         from ranked join applicant a on a.id = ranked.applicant_id
        order by disagreement desc nulls last, raw_mean desc`,
      votes.bindings,
    ),
  ]);
  const anonymous = scope.kind === 'reporter';
  return {
    reviewers: reviewerRows.rows.map((row: any, index: number) =>
      Object.assign(new ReviewerCalibration(), {
        reviewerId: anonymous ? null : toGlobalId('User', row.member_id),
        label: anonymous ? `Reviewer ${index + 1}` : row.name,
        votes: Number(row.votes),
        meanScore: Number(row.mean),
        severity: numeric(row.severity),
        stdDev: numeric(row.sd),
      }),
    ),
    applicants: applicantRows.rows.map((row: any) =>
      Object.assign(new ApplicantCalibration(), {
        applicantId: toGlobalId('Applicant', row.applicant_id),
        applicantName: anonymous ? null : row.name,
        votes: Number(row.votes),
        rawMean: Number(row.raw_mean),
        rawRank: Number(row.raw_rank),
        normalizedMean: numeric(row.normalized_mean),
        normalizedRank: row.normalized_rank === null ? null : Number(row.normalized_rank),
        disagreement: numeric(row.disagreement),
      }),
    ),
  };
}
