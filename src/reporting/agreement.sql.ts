import { AgreementMetric } from './report.types';

/**
 * Krippendorff's alpha as SQL, for every partition (`part`) of a `ratings(part, unit, value)`
 * relation at once: alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, from the coincidence
 * matrix o_ck of values paired within units (only units with two or more ratings count).
 * δ² is the metric: ordinal (the default for 1–5 rubric scores: distances by how many ratings
 * lie between two values), interval ((c − k)²) or nominal (c ≠ k). Null when undefined (fewer
 * than two pairable values, or every value the same). Checked against Krippendorff's published
 * example (test/reporting/agreement.test.ts).
 */
export function alphaCtes(ratings: string, metric: AgreementMetric): string {
  const delta =
    metric === AgreementMetric.NOMINAL
      ? '(x.value <> y.value)::int::numeric'
      : metric === AgreementMetric.INTERVAL
        ? 'power(x.value - y.value, 2)::numeric'
        : 'power(abs(x.mid - y.mid), 2)';
  return `
  alpha_pairable as (select part, unit, value, count(*) over (partition by part, unit) as m from ${ratings}),
  alpha_units as (select part, unit, value, count(*) as n_uc, max(m) as m from alpha_pairable where m >= 2 group by part, unit, value),
  alpha_coincidence as (
    select a.part, a.value as c, b.value as k,
           sum((case when a.value = b.value then a.n_uc * (a.n_uc - 1) else a.n_uc * b.n_uc end)::numeric / (a.m - 1)) as o
      from alpha_units a join alpha_units b on a.part = b.part and a.unit = b.unit
     group by a.part, a.value, b.value),
  alpha_marginals as (select part, c as value, sum(o) as n_c from alpha_coincidence group by part, c),
  alpha_ranked as (
    select part, value, n_c, sum(n_c) over (partition by part order by value) - n_c / 2.0 as mid, sum(n_c) over (partition by part) as n
      from alpha_marginals),
  alpha_delta as (
    select x.part, x.value as c, y.value as k, x.n_c * y.n_c as nn, x.n, ${delta} as d2
      from alpha_ranked x join alpha_ranked y on x.part = y.part),
  alpha as (
    select d.part, 1 - (max(d.n) - 1) * coalesce(sum(o.o * d.d2), 0) / nullif(sum(d.nn * d.d2), 0) as alpha
      from alpha_delta d left join alpha_coincidence o on o.part = d.part and o.c = d.c and o.k = d.k
     group by d.part)`;
}
