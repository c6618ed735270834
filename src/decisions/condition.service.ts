import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput } from '../common/errors';
import { inTransaction } from '../common/transaction';
import { optionalText } from '../common/validation';
import { SessionEventType } from '../events/session-event.entity';
import { PreparatoryCourse } from '../programs/preparatory-course.entity';
import { applyEvidence, evidenceOf } from './condition.evidence';
import { RecordConditionEvidenceInput } from './condition.inputs';
import { DecisionCondition } from './decision-condition.entity';
import { Decision } from './decision.entity';
import { AdmissionCondition, AdmissionStatus } from './decision.enums';
import { admissionStatus, conditionStatus, evidenceRefusal } from './policy';

/** Which evidence group goes with which kind of condition. */
const GROUPS = {
  preparatoryCourses: AdmissionCondition.PREPARATORY_COURSES,
  prerequisites: AdmissionCondition.MISSING_PREREQUISITES,
  englishExam: AdmissionCondition.ENGLISH_EXAM,
  languageSchool: AdmissionCondition.ENGLISH_LANGUAGE_SCHOOL,
  recognition: AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION,
  committeeRequirement: AdmissionCondition.COMMITTEE_REQUIREMENT,
} as const;

/**
 * The office records what happened to one condition of an admission (a signed acceptance, course
 * results, an exam, a placement, a recognition...). The condition's status is judged again from
 * its evidence (decisions/policy.ts `conditionStatus`); the decision's session hears of it, and
 * of the admission becoming final when its last condition is met.
 */
export async function recordConditionEvidence(ctx: Context, input: RecordConditionEvidenceInput): Promise<{ conditionId: string; decisionId: string }> {
  return inTransaction(ctx, async (em, events) => {
    const found = await findByGlobalId(em, DecisionCondition, 'DecisionCondition', input.conditionId, 'conditionId');
    // One officer at a time per admission, so "final" is judged on every condition's latest state.
    await em.execute('select id from decision where id = ? for no key update', [found.decision.id]);
    const decision = await em.findOneOrFail(Decision, found.decision.id, { populate: ['conditions'], refresh: true });
    const condition = decision.conditions.getItems().find((c) => c.id === found.id)!;
    const given = (Object.keys(GROUPS) as (keyof typeof GROUPS)[]).filter((group) => input[group] !== undefined && input[group] !== null);
    if (given.length !== 1) throw badInput('evidence', `Give exactly one kind of evidence: for this condition, ${groupOf(condition.kind)}.`);
    const refusal = evidenceRefusal({
      published: !!decision.publishedAt,
      admissionStatus: admissionStatus(decision.outcome, decision.conditions.getItems()),
      kind: condition.kind,
      evidenceKind: GROUPS[given[0]],
    });
    if (refusal) throw refusal;

    await applyEvidence(condition, input, async () => {
      const applicant = await em.findOneOrFail(Applicant, decision.applicant.id);
      const courses = await em.find(PreparatoryCourse, { program: applicant.program.id }, { orderBy: { position: 'asc' } });
      return courses.map((c) => ({ code: c.code, title: c.title, ects: c.ects }));
    });
    if (input.note !== undefined) condition.note = optionalText('note', input.note, 2000);
    condition.status = conditionStatus(evidenceOf(condition));
    condition.recordedAt = new Date();
    condition.recordedBy = ctx.user!.id as never;

    const after = admissionStatus(decision.outcome, decision.conditions.getItems());
    const sessionId = decision.session?.id;
    if (sessionId) {
      const about = { applicantId: decision.applicant.id, data: { conditionId: condition.id, decisionId: decision.id, status: condition.status } };
      events.record(sessionId, SessionEventType.CONDITION_RECORDED, about);
      if (after === AdmissionStatus.FINAL) events.record(sessionId, SessionEventType.ADMISSION_FINAL, { applicantId: decision.applicant.id, data: { decisionId: decision.id } });
    }
    return { conditionId: condition.id, decisionId: decision.id };
  });
}

function groupOf(kind: AdmissionCondition): string {
  return Object.entries(GROUPS).find(([, k]) => k === kind)![0];
}

