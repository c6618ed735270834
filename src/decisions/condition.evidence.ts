import { badInput, invalidState } from '../common/errors';
import { requireIntegerBetween, requireNumberBetween, requireText } from '../common/validation';
import type { RecordConditionEvidenceInput } from './condition.inputs';
import type { CourseResult, CourseSnapshot, DecisionCondition } from './decision-condition.entity';
import { CourseOutcome } from './decision.enums';
import type { ConditionEvidence } from './policy';

/** The evidence columns of a condition, as decisions/policy.ts `conditionStatus` reads them. */
export function evidenceOf(condition: DecisionCondition): ConditionEvidence {
  return {
    kind: condition.kind,
    courses: condition.courses ?? null,
    acceptanceSignedOn: condition.acceptanceSignedOn ?? null,
    courseResults: condition.courseResults ?? null,
    takenCourseCodes: condition.takenCourseCodes,
    examPassed: condition.examPassed ?? null,
    schoolResult: condition.schoolResult ?? null,
    recognised: condition.recognised ?? null,
    requirementMet: condition.requirementMet ?? null,
  };
}

type Evidence = Omit<RecordConditionEvidenceInput, 'conditionId' | 'note'>;

/**
 * Writes one kind of evidence onto the condition (checked against what it may be: courses of the
 * list signed, grade points 0–4, a placement level 1–4...). The signed acceptance records the
 * program's list of preparatory courses as it is at signature (`preparatoryCourses`).
 */
export async function applyEvidence(condition: DecisionCondition, input: Evidence, preparatoryCourses: () => Promise<CourseSnapshot[]>): Promise<void> {
  if (input.preparatoryCourses) {
    const evidence = input.preparatoryCourses;
    if (evidence.acceptanceSignedOn) {
      const courses = await preparatoryCourses();
      if (courses.length === 0) {
        throw invalidState("The program has not set its preparatory courses yet (setPreparatoryCourses): there is no list to sign.", 'preparatoryCourses.acceptanceSignedOn');
      }
      condition.acceptanceSignedOn = evidence.acceptanceSignedOn;
      condition.courses = courses;
    }
    if (evidence.results && evidence.results.length > 0) {
      if (!condition.acceptanceSignedOn) throw invalidState('Record the signed acceptance of the preparatory courses before their results.', 'preparatoryCourses.results');
      const results = new Map((condition.courseResults ?? []).map((r) => [r.courseCode, r]));
      evidence.results.forEach((result, index) => {
        const field = `preparatoryCourses.results[${index}]`;
        const code = requireText(`${field}.courseCode`, result.courseCode, 40).toUpperCase();
        if (!condition.courses!.some((c) => c.code === code)) throw badInput(`${field}.courseCode`, `${code} is not one of the preparatory courses signed for.`);
        const graded = result.outcome === CourseOutcome.GRADED;
        if (graded && (result.gradePoints === undefined || result.gradePoints === null)) throw badInput(`${field}.gradePoints`, 'A graded result has its grade points (0–4).');
        const entry: CourseResult = { courseCode: code, outcome: result.outcome, gradePoints: graded ? requireNumberBetween(`${field}.gradePoints`, result.gradePoints!, 0, 4) : null };
        results.set(code, entry);
      });
      condition.courseResults = [...results.values()];
    }
    return;
  }
  if (input.prerequisites) {
    const codes = input.prerequisites.takenCourseCodes.map((code, i) => requireText(`prerequisites.takenCourseCodes[${i}]`, code, 40).toUpperCase());
    const unknown = codes.find((code) => !(condition.courses ?? []).some((c) => c.code === code));
    if (unknown) throw badInput('prerequisites.takenCourseCodes', `${unknown} is not one of the prerequisites this admission requires.`);
    condition.takenCourseCodes = [...new Set([...condition.takenCourseCodes, ...codes])];
    return;
  }
  if (input.englishExam) {
    condition.examTakenOn = input.englishExam.takenOn;
    condition.examPassed = input.englishExam.passed;
    return;
  }
  if (input.languageSchool) {
    condition.placementLevel = requireIntegerBetween('languageSchool.placementLevel', input.languageSchool.placementLevel, 1, 4);
    condition.schoolResult = input.languageSchool.result;
    condition.schoolResultOn = input.languageSchool.on;
    return;
  }
  if (input.recognition) {
    condition.recognitionDecidedOn = input.recognition.decidedOn;
    condition.recognised = input.recognition.recognised;
    condition.recognitionReference = requireText('recognition.reference', input.recognition.reference, 200);
    return;
  }
  if (input.committeeRequirement) {
    condition.requirementCheckedOn = input.committeeRequirement.checkedOn;
    condition.requirementMet = input.committeeRequirement.met;
  }
}
