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

/** Pairs of distinct values c < k: each disagreement counted once (o and δ² are symmetric). */
const PAIRS = VALUES.flatMap((c) => VALUES.filter((k) => k > c).map((k) => [c, k] as const));

/** δ²_ck over the marginals `m1` … `m5` (how often each value was paired). */
function deltaSquared(metric: AgreementMetric, c: number, k: number): string {
  if (metric === AgreementMetric.NOMINAL) return '1';
  if (metric === AgreementMetric.INTERVAL) return `${(c - k) ** 2}`;
  // ordinal: the ratings from c to k, less half of c's and k's own
  return `power(${VALUES.filter((g) => g >= c && g <= k).map((g) => `m${g}`).join(' + ')} - (m${c} + m${k}) / 2.0, 2)`;
}

/**
 * CTEs from `sums(part, o11 … o55)` to `alpha(part, alpha)`: the marginals and the sums over
 * pairs are column arithmetic on each part's row (25 cells), so the cost is one pass over the
 * parts, however many there are.
 */
export function alphaFromSums(sums: string, metric: AgreementMetric): string {
  const marginals = VALUES.map((c) => `${VALUES.map((k) => `o${c}${k}`).join(' + ')} as m${c}`).join(', ');
  const observed = PAIRS.map(([c, k]) => `(o${c}${k} + o${k}${c}) * ${deltaSquared(metric, c, k)}`).join(' + ');
  const expected = PAIRS.map(([c, k]) => `2 * m${c} * m${k} * ${deltaSquared(metric, c, k)}`).join(' + ');
  return `
  alpha_marginals as (select s.*, ${marginals} from ${sums} s),
  alpha as materialized (
    select part, 1 - (${VALUES.map((v) => `m${v}`).join(' + ')} - 1) * (${observed}) / nullif(${expected}, 0) as alpha
      from alpha_marginals)`;
}

/** For a plain `ratings(part, unit, value)` relation. */
export function alphaCtes(ratings: string, metric: AgreementMetric): string {
  return `
  alpha_units as (select part, ${UNIT_COUNTS} from ${ratings} group by part, unit having count(*) >= 2),
  alpha_sums as (select part, ${COINCIDENCE_SUMS} from alpha_units group by part),
  ${alphaFromSums('alpha_sums', metric)}`;
}
