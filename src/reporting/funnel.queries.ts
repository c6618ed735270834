import type { Knex } from '@mikro-orm/postgresql';
import { COMPLETE_SQL, IMPROPER_SQL } from '../applicants/policy';
import { AdmissionCondition, AdmissionStatus, ConditionStatus, DecisionOutcome } from '../decisions/decision.enums';
import { admissionStatusSql } from '../decisions/policy';
import { toGlobalId } from '../common/global-id';
import { numeric } from '../common/scalars';
import { applicantConditions, reportRows, ReportScope } from './report-scope';
import { FunnelDimension, FunnelRow } from './report.types';

const DIMENSIONS: Record<FunnelDimension, string[]> = {
  INTAKE: ['i.id as intake_id', 'i.code as intake_code'],
  PROGRAM: ['p.id as program_id', 'p.code as program_code'],
  WEEK: ['w.id as week_id', 'w.label as week_label'],
};
const GROUP_KEYS: Record<FunnelDimension, string[]> = { INTAKE: ['i.id', 'i.code'], PROGRAM: ['p.id', 'p.code'], WEEK: ['w.id', 'w.label', 'w.starts_on'] };
const ORDER_KEYS: Record<FunnelDimension, string> = { INTAKE: 'i.code', PROGRAM: 'p.code', WEEK: 'w.starts_on nulls last' };
const ADMITTED = `outcome in ('ADMIT', 'ADMIT_AS_TRANSFER')`;

/**
 * Registered → complete → scheduled → reviewed → decided → admitted → final (every condition
 * met), per the chosen dimensions, in one statement.
 */
export async function funnel(db: Knex, scope: ReportScope, groupBy: FunnelDimension[]): Promise<FunnelRow[]> {
  const dims = [...new Set(groupBy)];
  const where = applicantConditions(scope);
  const select = dims.flatMap((d) => DIMENSIONS[d]);
  const group = dims.flatMap((d) => GROUP_KEYS[d]);
  const rows = await reportRows(
    db,
    `with base as (
       select a.id, a.intake_id, a.program_id,
              ${scope.filter.weekId ? '?::uuid' : `(select s.week_id from agenda_item ai join review_session s on s.id = ai.session_id
                 join review_week rw on rw.id = s.week_id
                where ai.applicant_id = a.id order by rw.starts_on, s.starts_at limit 1)`} as week_id,
              ${COMPLETE_SQL} as complete,
              ${IMPROPER_SQL} as improper,
              exists (select 1 from agenda_item ai where ai.applicant_id = a.id) as scheduled,
              exists (select 1 from agenda_item ai where ai.applicant_id = a.id and ai.voting_status = 'CLOSED') as reviewed,
              d.outcome, d.scholarship_percent, ${admissionStatusSql('d')} as admission_status,
              array(select c.kind || ':' || c.status from decision_condition c where c.decision_id = d.id) as conditions
         from applicant a left join decision d on d.applicant_id = a.id
        where ${where.sql})
     select ${[...select, 'true as all_rows'].join(', ')},
            count(*) as registered,
            count(*) filter (where complete) as complete,
            count(*) filter (where improper) as improper,
            count(*) filter (where scheduled) as scheduled,
            count(*) filter (where reviewed) as reviewed,
            count(outcome) as decided,
            ${Object.values(DecisionOutcome).map((o) => `count(*) filter (where outcome = '${o}') as "${o}"`).join(', ')},
            count(*) filter (where ${ADMITTED}) :: float / nullif(count(outcome), 0) as admit_rate,
            count(*) filter (where ${ADMITTED}) as admitted,
            ${Object.values(AdmissionStatus).map((st) => `count(*) filter (where admission_status = '${st}') as "${st}"`).join(', ')},
            ${Object.values(AdmissionCondition)
              .flatMap((c) => [
                `count(*) filter (where ${ADMITTED} and exists (select 1 from unnest(conditions) x where x like '${c}:%')) as "${c}"`,
                ...Object.values(ConditionStatus).map((st) => `count(*) filter (where ${ADMITTED} and '${c}:${st}' = any(conditions)) as "${c}:${st}"`),
              ])
              .join(', ')},
            count(*) filter (where scholarship_percent > 0) as scholarships,
            avg(scholarship_percent) filter (where scholarship_percent > 0) as mean_scholarship
       from base
       join intake i on i.id = base.intake_id
       join program p on p.id = base.program_id
       left join review_week w on w.id = base.week_id
      ${group.length ? `group by ${group.join(', ')}` : ''}
      ${dims.length ? `order by ${dims.map((d) => ORDER_KEYS[d]).join(', ')}` : ''}`,
    scope.filter.weekId ? [scope.filter.weekId, ...where.bindings] : where.bindings,
  );
  return rows
    .filter((row: any) => Number(row.registered) > 0)
    .map((row: any) =>
      Object.assign(new FunnelRow(), {
        // Global ids, as ReportFilter takes them: a client narrows a report to the row it shows.
        intakeId: row.intake_id ? toGlobalId('Intake', row.intake_id) : null,
        intakeCode: row.intake_code ?? null,
        programId: row.program_id ? toGlobalId('Program', row.program_id) : null,
        programCode: row.program_code ?? null,
        weekId: row.week_id ? toGlobalId('ReviewWeek', row.week_id) : null,
        weekLabel: row.week_label ?? null,
        registered: Number(row.registered),
        complete: Number(row.complete),
        improper: Number(row.improper),
        scheduled: Number(row.scheduled),
        reviewed: Number(row.reviewed),
        decided: Number(row.decided),
        decisions: Object.values(DecisionOutcome).map((outcome) => ({ outcome, count: Number(row[outcome]) })),
        admitRate: numeric(row.admit_rate),
        admitted: Number(row.admitted),
        admissionsFinal: Number(row[AdmissionStatus.FINAL]),
        admissionsWithConditionsOutstanding: Number(row[AdmissionStatus.CONDITIONS_OUTSTANDING]),
        admissionsWithConditionFailed: Number(row[AdmissionStatus.CONDITION_FAILED]),
        conditionalAdmissions: Object.values(AdmissionCondition).map((condition) => ({
          condition,
          count: Number(row[condition]),
          met: Number(row[`${condition}:${ConditionStatus.MET}`]),
          outstanding: Number(row[`${condition}:${ConditionStatus.OUTSTANDING}`]),
          failed: Number(row[`${condition}:${ConditionStatus.FAILED}`]),
        })),
        scholarshipsGranted: Number(row.scholarships),
        meanScholarshipPercent: numeric(row.mean_scholarship),
      }),
    );
}
