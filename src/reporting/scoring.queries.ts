import type { Knex } from '@mikro-orm/postgresql';
import { numeric } from '../common/scalars';
import { toGlobalId } from '../common/global-id';
import { alphaFromSums, COINCIDENCE_SUMS, COUNTS_MEAN, COUNTS_MEDIAN, COUNTS_STDDEV_SAMP, UNIT_COUNTS, VALUE_SUMS, VALUES } from './agreement.sql';
import { Fragment, mayShowCell, overallCte, reportRows, ReportScope, shownSql, totalsAnswer, visibleItemsCte, visibleVotesCte } from './report-scope';
import { AgreementMetric, ApplicantCalibration, Calibration, ReviewerCalibration, ScoreBucket, ScoringGroup, ScoringRow } from './report.types';

const GROUPS: Record<ScoringGroup, { id: string; label: string; join: string; type: 'Program' | 'ReviewSession' }> = {
  PROGRAM: { id: 'vv.program_id', label: 'x.code', join: 'join program x on x.id = g.group_id', type: 'Program' },
  SESSION: { id: 'vv.session_id', label: 'x.title', join: 'join review_session x on x.id = g.group_id', type: 'ReviewSession' },
};

/**
 * Where a report's figures come from: the per-item running totals the database keeps
 * (score-aggregates.entity.ts: one row per item and criterion, instead of every score), or the
 * scores themselves — for reports that select votes by date, which the totals cannot tell apart,
 * and as the reference the totals are tested against.
 */
export type ScoreSource = 'totals' | 'scores';

/**
 * The CTEs each source gives the report: `units(group_id, criterion_id, m, n1 … n5)` (one row per
 * item and criterion with scores), `distribution(group_id, score, n)` (votes by rounded overall
 * score) and `groups(group_id, votes)` (scored votes).
 */
function scoringInputs(scope: ReportScope, groupId: string, source: ScoreSource): Fragment {
  if (source === 'scores') {
    const votes = visibleVotesCte(scope);
    return {
      sql: `${votes.sql},
       scores as (
         select ${groupId} as group_id, vv.id as vote_id, vv.session_id, vv.applicant_id, vs.criterion_id, rc.weight, vs.score as value
           from visible_votes vv join vote_score vs on vs.vote_id = vv.id join rubric_criterion rc on rc.id = vs.criterion_id),
       units as materialized (
         select group_id, criterion_id, ${UNIT_COUNTS} from scores group by group_id, criterion_id, session_id, applicant_id),
       overall as materialized (select group_id, vote_id, sum(value * weight) / nullif(sum(weight), 0) as overall from scores group by group_id, vote_id),
       distribution as materialized (select group_id, round(overall)::int as score, count(*) as n from overall group by 1, 2),
       groups as materialized (select group_id, count(*) as votes from overall group by group_id)`,
      bindings: votes.bindings,
    };
  }
  const items = visibleItemsCte(scope);
  const buckets = VALUES.map((v) => `(${v}, t.rounded${v})`).join(', ');
  return {
    sql: `${items.sql},
     units as materialized (
       select ${groupId} as group_id, u.criterion_id, u.m, ${VALUES.map((v) => `u.n${v}`).join(', ')}
         from visible_items vv join score_unit u on u.session_id = vv.session_id and u.applicant_id = vv.applicant_id
        where u.m > 0),
     item_totals as materialized (
       select ${groupId} as group_id, t.*
         from visible_items vv join item_score_summary t on t.session_id = vv.session_id and t.applicant_id = vv.applicant_id
        where t.votes > 0),
     distribution as materialized (
       select group_id, b.score, sum(b.n) as n from item_totals t cross join lateral (values ${buckets}) b(score, n)
        where b.n > 0 group by 1, 2),
     groups as materialized (select group_id, sum(votes) as votes from item_totals group by group_id)`,
    bindings: items.bindings,
  };
}

const CELLS = VALUES.flatMap((c) => VALUES.map((k) => `o${c}${k}`)).join(', ');
const CELLS_SUMMED = VALUES.flatMap((c) => VALUES.map((k) => `sum(o${c}${k}) as o${c}${k}`)).join(', ');

/**
 * Per program or per session: mean, median and sample standard deviation per criterion, the
 * distribution of overall scores, and agreement between reviewers — one statement.
 */
export async function scoring(
  db: Knex,
  scope: ReportScope,
  by: ScoringGroup,
  metric: AgreementMetric,
  source: ScoreSource = totalsAnswer(scope) ? 'totals' : 'scores',
): Promise<ScoringRow[]> {
  const group = GROUPS[by];
  const inputs = scoringInputs(scope, group.id, source);
  const rows = await reportRows(
    db,
    `with ${inputs.sql},
     -- per criterion (units: applicants), and pooled over every criterion (units: applicant × criterion):
     -- the pooled sums add up the criteria's (the cells are additive), not the units again
     criterion_sums as materialized (
       select group_id, criterion_id, ${COINCIDENCE_SUMS} from units where m >= 2 group by group_id, criterion_id),
     alpha_sums as (
       select group_id::text || ':' || criterion_id::text as part, ${CELLS} from criterion_sums
       union all
       select group_id::text || ':*', ${CELLS_SUMMED} from criterion_sums group by group_id),
     ${alphaFromSums('alpha_sums', metric)},
     -- Scores are whole 1–5, so each criterion's statistics follow from its value counts (summed
     -- over the units already counted): no pass over the scores, and no sort for the median.
     criterion_counts as (
       select group_id, criterion_id, ${VALUE_SUMS} from units group by group_id, criterion_id),
     per_criterion as materialized (
       select group_id, criterion_id, n, ${COUNTS_MEAN} as mean, ${COUNTS_MEDIAN} as median, ${COUNTS_STDDEV_SAMP} as sd
         from criterion_counts),
     -- Joined, not looked up per row: a correlated scan of a CTE per group and criterion grew with
     -- their product (11 s for 395 sessions).
     criteria_of_group as (
       select c.group_id, json_agg(json_build_object('key', rc.key, 'n', c.n, 'mean', c.mean, 'median', c.median, 'sd', c.sd, 'alpha', al.alpha)
                order by rc.position) as criteria
         from per_criterion c join rubric_criterion rc on rc.id = c.criterion_id
         left join alpha al on al.part = c.group_id::text || ':' || c.criterion_id::text
        group by c.group_id),
     distribution_of_group as (
       select group_id, json_agg(json_build_object('score', score, 'n', n) order by score) as distribution from distribution group by group_id)
     select g.group_id, ${group.label} as group_label, g.votes, cg.criteria, dg.distribution, pooled.alpha
       from groups g ${group.join}
       left join criteria_of_group cg on cg.group_id = g.group_id
       left join distribution_of_group dg on dg.group_id = g.group_id
       left join alpha pooled on pooled.part = g.group_id::text || ':*'
      order by 2`,
    inputs.bindings,
  );
  return rows.map((row: any) => {
    const shown = mayShowCell(scope, Number(row.votes));
    return Object.assign(new ScoringRow(), {
      groupId: toGlobalId(group.type, row.group_id),
      groupLabel: row.group_label,
      suppressed: !shown,
      votes: shown ? Number(row.votes) : null,
      criteria: (row.criteria ?? []).map((c: any) => {
        const visible = shown && mayShowCell(scope, Number(c.n));
        return {
          criterionKey: c.key,
          suppressed: !visible,
          count: visible ? Number(c.n) : null,
          mean: visible ? numeric(c.mean) : null,
          median: visible ? numeric(c.median) : null,
          stdDev: visible ? numeric(c.sd) : null,
          alpha: visible ? numeric(c.alpha) : null,
        };
      }),
      overallDistribution: shown ? suppressBuckets(scope, (row.distribution ?? []).map((d: any) => ({ score: d.score, count: Number(d.n) }))) : [],
      alpha: shown ? numeric(row.alpha) : null,
    });
  });
}

/**
 * Buckets under k are suppressed; when only one would be, the next smallest is too, or the total
 * would give the hidden count away.
 */
function suppressBuckets(scope: ReportScope, buckets: { score: number; count: number }[]): ScoreBucket[] {
  const hidden = new Set(buckets.filter((b) => !mayShowCell(scope, b.count)).map((b) => b.score));
  if (hidden.size === 1) {
    const next = buckets.filter((b) => !hidden.has(b.score)).sort((a, b) => a.count - b.count)[0];
    if (next) hidden.add(next.score);
  }
  return buckets.map((b) => Object.assign(new ScoreBucket(), { score: b.score, count: hidden.has(b.score) ? null : b.count, suppressed: hidden.has(b.score) }));
}

/**
 * Reviewer severity (mean deviation from the committee's mean on the same applicants), scores
 * normalised within each reviewer (z-scores), and applicants ranked raw, normalised, and by
 * disagreement. Reporters get reviewers and applicants without names.
 */
export async function calibration(db: Knex, scope: ReportScope, source: ScoreSource = totalsAnswer(scope) ? 'totals' : 'scores'): Promise<Calibration> {
  const votes = visibleVotesCte(scope);
  // Numeric, not float: equal means must tie in the ranks, as they do from the scores.
  // Each scored vote with its item's committee mean and number of scored votes: from the item's
  // running totals, or (by date, or as the reference) from the visible votes' scores.
  const perUnit =
    source === 'totals'
      ? `per_unit as (
      select vv.id, vv.session_id, vv.applicant_id, vv.member_id, vv.overall, t.overall_sum / t.votes as committee_mean, t.votes as n_unit
        from visible_votes vv join item_score_summary t on t.session_id = vv.session_id and t.applicant_id = vv.applicant_id
       where vv.overall is not null)`
      : `${overallCte},
    per_unit as (
      select vv.id, vv.session_id, vv.applicant_id, vv.member_id, o.overall, avg(o.overall) over unit as committee_mean, count(*) over unit as n_unit
        from visible_votes vv join vote_overall o on o.vote_id = vv.id
      window unit as (partition by vv.session_id, vv.applicant_id))`;
  const base = `with ${votes.sql}, ${perUnit},
    reviewers as (
      select member_id, count(*) as votes, avg(overall) as mean, stddev_samp(overall) as sd,
             avg(overall - committee_mean) filter (where n_unit >= 2) as severity
        from per_unit group by member_id)`;
  const [reviewerRows, applicantRows] = await Promise.all([
    // Rows a reporter may not see come last, so their place in the order says nothing either.
    reportRows(
      db,
      `${base} select r.*, u.name from reviewers r join app_user u on u.id = r.member_id
        order by ${shownSql(scope, 'r.votes')} desc, r.severity nulls last, u.name`,
      votes.bindings,
    ),
    reportRows(
      db,
      `${base},
       z as (select p.applicant_id, p.overall, (p.overall - r.mean) / nullif(r.sd, 0) as z from per_unit p join reviewers r using (member_id)),
       ranked as (
         select applicant_id, count(*) as votes, avg(overall) as raw_mean, avg(z) as normalized_mean, stddev_samp(overall) as disagreement
           from z group by applicant_id)
       select ranked.*, rank() over (partition by ${shownSql(scope, 'votes')} order by raw_mean desc) as raw_rank,
              case when normalized_mean is null then null
                   else rank() over (partition by ${shownSql(scope, 'votes')}, normalized_mean is null order by normalized_mean desc) end as normalized_rank,
              a.first_name || ' ' || a.last_name as name
         from ranked join applicant a on a.id = ranked.applicant_id
        order by ${shownSql(scope, 'votes')} desc, disagreement desc nulls last, raw_mean desc, applicant_id`,
      votes.bindings,
    ),
  ]);
  const anonymous = scope.kind === 'reporter';
  return {
    reviewers: reviewerRows.map((row: any, index: number) => {
      const shown = mayShowCell(scope, Number(row.votes));
      return Object.assign(new ReviewerCalibration(), {
        reviewerId: anonymous ? null : toGlobalId('User', row.member_id),
        label: anonymous ? `Reviewer ${index + 1}` : row.name,
        suppressed: !shown,
        votes: shown ? Number(row.votes) : null,
        meanScore: shown ? Number(row.mean) : null,
        severity: shown ? numeric(row.severity) : null,
        stdDev: shown ? numeric(row.sd) : null,
      });
    }),
    applicants: applicantRows.map((row: any) => {
      const shown = mayShowCell(scope, Number(row.votes));
      return Object.assign(new ApplicantCalibration(), {
        applicantId: toGlobalId('Applicant', row.applicant_id),
        applicantName: anonymous ? null : row.name,
        suppressed: !shown,
        votes: shown ? Number(row.votes) : null,
        rawMean: shown ? Number(row.raw_mean) : null,
        rawRank: shown ? Number(row.raw_rank) : null,
        normalizedMean: shown ? numeric(row.normalized_mean) : null,
        normalizedRank: shown && row.normalized_rank !== null ? Number(row.normalized_rank) : null,
        disagreement: shown ? numeric(row.disagreement) : null,
      });
    }),
  };
}
