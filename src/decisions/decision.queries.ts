import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { numeric, timestamp } from '../common/scalars';
import { DecisionConditionNode, DecisionNode } from './decision.type';

export function toDecision(row: any): DecisionNode {
  return Object.assign(new DecisionNode(), {
    id: toGlobalId('Decision', row.id),
    dbId: row.id,
    applicantId: row.applicant_id,
    sessionId: row.session_id,
    outcome: row.outcome,
    rejectionReason: row.rejection_reason,
    reason: row.reason,
    scholarshipPercent: row.scholarship_percent,
    decidedAt: timestamp(row.created_at),
    publishedAt: timestamp(row.published_at),
    tuitionPaidAt: timestamp(row.tuition_paid_at),
    letterIssuedAt: timestamp(row.letter_issued_at),
  });
}

export async function decisionsById(db: Knex, ids: readonly string[]): Promise<DecisionNode[]> {
  return (await db('decision').whereIn('id', ids)).map(toDecision);
}

/** `date` columns as `YYYY-MM-DD` text, whatever the driver's type parsing. */
const day = (value: string | Date | null) => (value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

function toCondition(row: any): DecisionConditionNode {
  return Object.assign(new DecisionConditionNode(), {
    id: toGlobalId('DecisionCondition', row.id),
    dbId: row.id,
    decisionId: row.decision_id,
    kind: row.kind,
    required: row.required,
    description: row.description,
    status: row.status,
    courses: row.courses,
    acceptanceSignedOn: day(row.acceptance_signed_on),
    courseResults: row.course_results?.map((r: any) => ({ ...r, gradePoints: numeric(r.gradePoints) })) ?? null,
    takenCourseCodes: row.taken_course_codes,
    examTakenOn: day(row.exam_taken_on),
    examPassed: row.exam_passed,
    placementLevel: row.placement_level,
    schoolResult: row.school_result,
    schoolResultOn: day(row.school_result_on),
    recognitionDecidedOn: day(row.recognition_decided_on),
    recognised: row.recognised,
    recognitionReference: row.recognition_reference,
    requirementCheckedOn: day(row.requirement_checked_on),
    requirementMet: row.requirement_met,
    note: row.note,
    recordedAt: timestamp(row.recorded_at),
    recordedById: row.recorded_by_id,
  });
}

/** Conditions in a fixed order: required ones first, then as the chair recorded them. */
export async function conditionsByDecision(db: Knex, decisionIds: readonly string[]): Promise<DecisionConditionNode[]> {
  return (await db('decision_condition').whereIn('decision_id', decisionIds).orderBy([{ column: 'required', order: 'desc' }, 'created_at', 'kind', 'id'])).map(toCondition);
}

export async function conditionsById(db: Knex, ids: readonly string[]): Promise<DecisionConditionNode[]> {
  return (await db('decision_condition').whereIn('id', ids)).map(toCondition);
}
