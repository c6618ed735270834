import { AgreementMetric } from './report.types';

/**
 * Krippendorff's alpha in SQL, for rubric scores 1–5:
 *   alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 * from the coincidence matrix o_ck of values paired within units (only units with two or more
 * ratings count). Each unit is reduced to its five value counts (UNIT_COUNTS), and o_ck is the
 * sum over units of n_c · (n_k − [c = k]) / (m − 1) — additive, so one pass over the units gives
 * the matrix for every partition (COINCIDENCE_SUMS, e.g. with GROUPING SETS), with no self-join.
 * δ² is the metric: ordinal (the default: how many ratings lie between two values), interval
 * ((c − k)²) or nominal (c ≠ k). Null when undefined (no pairable values, or no variation).
 * Checked against Krippendorff's published example (test/reporting/agreement.test.ts).
 */
/** The values a rubric score takes. */
export const VALUES = [1, 2, 3, 4, 5];

/** Per unit, over rows with a `value` column: the number of ratings `m` and of each value. */
export const UNIT_COUNTS = ['count(*) as m', ...VALUES.map((v) => `count(*) filter (where value = ${v}) as n${v}`)].join(', ');

/** Aggregates over units (with UNIT_COUNTS): `n` and each value's count `n1` … `n5` of the whole. */
export const VALUE_SUMS = ['sum(m) as n', ...VALUES.map((v) => `sum(n${v}) as n${v}`)].join(', ');

/** Over VALUE_SUMS' columns: the mean, exact (numeric). */
export const COUNTS_MEAN = `(${VALUES.map((v) => `${v} * n${v}`).join(' + ')})::numeric / nullif(n, 0)`;

/** Over VALUE_SUMS' columns: the sample standard deviation (null for one value), exact to the square root. */
export const COUNTS_STDDEV_SAMP = `case when n > 1 then sqrt((n * (${VALUES.map((v) => `${v * v} * n${v}`).join(' + ')}) - power(${VALUES.map((v) => `${v} * n${v}`).join(' + ')}, 2))::numeric / (n * (n - 1))) end`;

/** The value at 0-based rank `r` of the sorted values, from the counts. */
const valueAt = (r: string) => `case ${VALUES.slice(0, -1).map((v) => `when ${r} < ${VALUES.slice(0, v).map((u) => `n${u}`).join(' + ')} then ${v}`).join(' ')} else ${VALUES[VALUES.length - 1]} end`;

/** Over VALUE_SUMS' columns: the median as percentile_cont(0.5) gives it (the mean of the two middle values). */
export const COUNTS_MEDIAN = `case when n > 0 then (${valueAt('floor((n - 1) / 2.0)')} + ${valueAt('ceil((n - 1) / 2.0)')}) / 2.0 end`;

/** Aggregates over units (with UNIT_COUNTS): the 25 cells o_ck of the coincidence matrix. */
export const COINCIDENCE_SUMS = VALUES.flatMap((c) => VALUES.map((k) => `sum(n${c}::float8 * (n${k} - ${c === k ? 1 : 0}) / (m - 1)) as o${c}${k}`)).join(', ');

/** CTEs from `sums(part, o11 … o55)` to `alpha(part, alpha)`. */
export function alphaFromSums(sums: string, metric: AgreementMetric): string {
  const delta =
    metric === AgreementMetric.NOMINAL
      ? '(x.value <> y.value)::int::float8'
      : metric === AgreementMetric.INTERVAL
        ? 'power(x.value - y.value, 2)'
        : 'power(abs(x.mid - y.mid), 2)';
  const cells = VALUES.flatMap((c) => VALUES.map((k) => `(${c}, ${k}, o${c}${k})`)).join(', ');
  return `
  alpha_coincidence as (
    select s.part, cell.c, cell.k, cell.o from ${sums} s cross join lateral (values ${cells}) cell(c, k, o) where cell.o > 0),
  alpha_marginals as (select part, c as value, sum(o) as n_c from alpha_coincidence group by part, c),
  alpha_ranked as (
    select part, value, n_c, sum(n_c) over (partition by part order by value) - n_c / 2.0 as mid, sum(n_c) over (partition by part) as n
      from alpha_marginals),
  alpha_delta as (
    select x.part, x.value as c, y.value as k, x.n_c * y.n_c as nn, x.n, ${delta} as d2
      from alpha_ranked x join alpha_ranked y on x.part = y.part),
  alpha as materialized (
    select d.part, 1 - (max(d.n) - 1) * coalesce(sum(o.o * d.d2), 0) / nullif(sum(d.nn * d.d2), 0) as alpha
      from alpha_delta d left join alpha_coincidence o on o.part = d.part and o.c = d.c and o.k = d.k
     group by d.part)`;
}

/** For a plain `ratings(part, unit, value)` relation. */
export function alphaCtes(ratings: string, metric: AgreementMetric): string {
  return `
  alpha_units as (select part, ${UNIT_COUNTS} from ${ratings} group by part, unit having count(*) >= 2),
  alpha_sums as (select part, ${COINCIDENCE_SUMS} from alpha_units group by part),
  ${alphaFromSums('alpha_sums', metric)}`;
}
