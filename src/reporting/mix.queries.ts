import type { Knex } from '@mikro-orm/postgresql';
import { ENGLISH_ACCEPTED_SQL, MINIMUM_GRADE, ROUTE_SQL } from '../applicants/policy';
import { applicantConditions, reportRows, ReportScope } from './report-scope';
import { MixDimension, MixRow } from './report.types';

/**
 * Grade bands are judged on each applicant's own scale (never across scales): below the
 * minimum, then adequate / good / excellent from 3.0 and 3.5 of 4, or 75 and 85 of 100.
 */
const GRADE_BAND_SQL = `case
  when a.grade_scale = 'FOUR_POINT' then case when a.grade_value < ${MINIMUM_GRADE.FOUR_POINT} then 'BELOW_MINIMUM'
       when a.grade_value < 3.0 then 'ADEQUATE' when a.grade_value < 3.5 then 'GOOD' else 'EXCELLENT' end
  else case when a.grade_value < ${MINIMUM_GRADE.HUNDRED_POINT} then 'BELOW_MINIMUM'
       when a.grade_value < 75 then 'ADEQUATE' when a.grade_value < 85 then 'GOOD' else 'EXCELLENT' end end`;

const ENGLISH_PATH_SQL = `case when ${ENGLISH_ACCEPTED_SQL} then 'CERTIFICATE' else 'PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL' end`;

const EXPRESSIONS: Record<MixDimension, string> = {
  ROUTE: ROUTE_SQL,
  GRADE_BAND: GRADE_BAND_SQL,
  ENGLISH_PATH: ENGLISH_PATH_SQL,
  VISA: `case when a.needs_visa then 'VISA_REQUIRED' else 'NO_VISA' end`,
  NATIONALITY: 'a.nationality',
};

/** Counts and shares of applicants along one dimension, in one statement. */
export async function applicantMix(db: Knex, scope: ReportScope, dimension: MixDimension): Promise<MixRow[]> {
  const where = applicantConditions(scope);
  const rows = await reportRows(
    db,
    `select value, count(*) as count, count(*)::float / sum(count(*)) over () as share
       from (select ${EXPRESSIONS[dimension]} as value from applicant a where ${where.sql}) x
      group by value order by count(*) desc, value`,
    where.bindings,
  );
  return rows.map((row: any) => Object.assign(new MixRow(), { value: row.value, count: Number(row.count), share: Number(row.share) }));
}
