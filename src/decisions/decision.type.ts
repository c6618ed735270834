import { Field, Float, Int, ObjectType } from 'type-graphql';
import { EligibilityProblemCode } from '../applicants/applicant.enums';
import { Node } from '../common/node';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { PreparatoryCourseType, PrerequisiteCourseType } from '../programs/program.type';
import type { CourseResult, CourseSnapshot } from './decision-condition.entity';
import { AdmissionCondition, ConditionStatus, CourseOutcome, DecisionOutcome, LanguageSchoolResult, RejectionReason } from './decision.enums';

@ObjectType('Decision', { implements: Node })
export class DecisionNode extends Node {
  dbId: string;
  applicantId: string;
  sessionId: string | null;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => RejectionReason, { nullable: true, description: 'Why, for a rejection (and only then).' })
  rejectionReason: RejectionReason | null;

  @Field(() => String, { nullable: true, description: "The committee's words: why, for a rejection; anything else the applicant should know." })
  reason: string | null;

  @Field(() => Int, { nullable: true, description: 'Tuition waiver, percent; never covers living costs.' })
  scholarshipPercent: number | null;

  @Field(() => DateTimeScalar)
  decidedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  tuitionPaidAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Issued only once the decision is published and tuition paid.' })
  letterIssuedAt: Date | null;
}

@ObjectType('PreparatoryCourseResult')
export class PreparatoryCourseResultType implements CourseResult {
  @Field()
  courseCode: string;

  @Field(() => CourseOutcome)
  outcome: CourseOutcome;

  @Field(() => Float, { nullable: true, description: 'On the 4-point scale, for a GRADED result.' })
  gradePoints: number | null;
}

@ObjectType('PreparatoryCoursesEvidence', { description: 'The signed acceptance of the preparatory courses, the list signed, and the results so far.' })
export class PreparatoryCoursesEvidence {
  @Field(() => DateScalar, { nullable: true, description: 'When the applicant signed the acceptance of the preparatory courses.' })
  acceptanceSignedOn: string | null;

  @Field(() => [PreparatoryCourseType], { description: "The program's 10 courses / 60 ECTS as signed (empty before the signature)." })
  courses: PreparatoryCourseType[];

  @Field(() => [PreparatoryCourseResultType])
  results: PreparatoryCourseResultType[];

  @Field(() => Float, { nullable: true, description: 'ECTS-weighted, on the 4-point scale, over the results so far (F and N/A count 0); 2.5 is needed.' })
  cgpa: number | null;

  @Field(() => [String], { description: 'Codes of the courses without a result yet.' })
  remainingCourseCodes: string[];
}

@ObjectType('PrerequisitesEvidence')
export class PrerequisitesEvidence {
  @Field(() => [PrerequisiteCourseType], { description: 'The prerequisite courses missing at the decision.' })
  courses: PrerequisiteCourseType[];

  @Field(() => [String], { description: 'Codes of those taken since.' })
  takenCourseCodes: string[];

  @Field(() => [PrerequisiteCourseType], { description: 'Still to take.' })
  remaining: PrerequisiteCourseType[];
}

@ObjectType('EnglishExamEvidence')
export class EnglishExamEvidence {
  @Field(() => DateScalar, { nullable: true })
  takenOn: string | null;

  @Field(() => Boolean, { nullable: true })
  passed: boolean | null;
}

@ObjectType('LanguageSchoolEvidence')
export class LanguageSchoolEvidence {
  @Field(() => Int, { nullable: true, description: 'The level the placement test put the applicant in, 1–4.' })
  placementLevel: number | null;

  @Field(() => LanguageSchoolResult, { nullable: true })
  result: LanguageSchoolResult | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the placement or of the result.' })
  on: string | null;
}

@ObjectType('RecognitionEvidence')
export class RecognitionEvidence {
  @Field(() => DateScalar, { nullable: true })
  decidedOn: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the prior education was officially recognised.' })
  recognised: boolean | null;

  @Field(() => String, { nullable: true, description: "The recognition authority's reference." })
  reference: string | null;
}

@ObjectType('CommitteeRequirementEvidence')
export class CommitteeRequirementEvidence {
  @Field(() => DateScalar, { nullable: true })
  checkedOn: string | null;

  @Field(() => Boolean, { nullable: true })
  met: boolean | null;
}

@ObjectType('DecisionCondition', {
  implements: Node,
  description: 'One condition of an admission, tracked to the end: its status is judged from its evidence (decisions/policy.ts).',
})
export class DecisionConditionNode extends Node {
  dbId: string;
  decisionId: string;
  courses: CourseSnapshot[] | null;
  acceptanceSignedOn: string | null;
  courseResults: CourseResult[] | null;
  takenCourseCodes: string[];
  examTakenOn: string | null;
  examPassed: boolean | null;
  placementLevel: number | null;
  schoolResult: LanguageSchoolResult | null;
  schoolResultOn: string | null;
  recognitionDecidedOn: string | null;
  recognised: boolean | null;
  recognitionReference: string | null;
  requirementCheckedOn: string | null;
  requirementMet: boolean | null;
  recordedById: string | null;

  @Field(() => AdmissionCondition)
  kind: AdmissionCondition;

  @Field({ description: "Required by the applicant's facts (the chair could not leave it out), or added by the committee." })
  required: boolean;

  @Field({ description: 'Why it applies; for a committee requirement, what it asks.' })
  description: string;

  @Field(() => ConditionStatus)
  status: ConditionStatus;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When evidence was last recorded.' })
  recordedAt: Date | null;
}

@ObjectType('EligibilityFinding', { description: 'A rule that keeps an outcome from being open, by code.' })
export class DecisionProblemType {
  @Field(() => EligibilityProblemCode)
  code: EligibilityProblemCode;

  @Field()
  message: string;
}

@ObjectType('ConditionRequirement', { description: 'A condition the facts require: one of `anyOf` (two only for English).' })
export class ConditionRequirementType {
  @Field(() => [AdmissionCondition])
  anyOf: AdmissionCondition[];

  @Field()
  reason: string;
}

@ObjectType('AdmissionOffer', { description: 'An admitting outcome open to the applicant, and the conditions it would carry.' })
export class AdmissionOfferType {
  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => [ConditionRequirementType], { description: 'Conditions the admission would have to carry (a committee may add more).' })
  requiredConditions: ConditionRequirementType[];
}

@ObjectType('DecisionOption', { description: 'One outcome the chair may record, and what it takes.' })
export class DecisionOptionType {
  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field({ description: 'Open to this applicant; when false, `problems` says why.' })
  allowed: boolean;

  @Field(() => [DecisionProblemType])
  problems: DecisionProblemType[];

  @Field(() => [ConditionRequirementType], { description: 'Conditions the decision must carry; they cannot be left out.' })
  requiredConditions: ConditionRequirementType[];

  @Field(() => [AdmissionCondition], { description: 'Conditions the chair may add (a committee requirement in words always may be, on an admission).' })
  optionalConditions: AdmissionCondition[];

  @Field(() => [AdmissionCondition], { description: 'What the API proposes: recordDecision takes these when `conditions` is left out.' })
  proposedConditions: AdmissionCondition[];

  @Field(() => [RejectionReason], { description: 'For REJECT: the reasons the facts bear out.' })
  rejectionReasons: RejectionReason[];
}

@ObjectType('DecisionDraft', { description: 'What the chair sees before recording a decision: every outcome with its conditions, or why it is not open.' })
export class DecisionDraftType {
  applicantId: string;
  sessionId: string;

  @Field({ description: 'A decision is recorded once voting on the applicant has closed.' })
  votingClosed: boolean;

  @Field(() => [DecisionOptionType])
  options: DecisionOptionType[];
}

/** The evidence of a condition, by kind; null for the other kinds. */
export function preparatoryEvidence(c: DecisionConditionNode, cgpa: number | null): PreparatoryCoursesEvidence | null {
  if (c.kind !== AdmissionCondition.PREPARATORY_COURSES) return null;
  const courses = (c.courses ?? []).map((course) => Object.assign(new PreparatoryCourseType(), { code: course.code, title: course.title, ects: course.ects ?? 0 }));
  const results = c.courseResults ?? [];
  return {
    acceptanceSignedOn: c.acceptanceSignedOn,
    courses,
    results: results.map((r) => Object.assign(new PreparatoryCourseResultType(), r)),
    cgpa,
    remainingCourseCodes: courses.filter((course) => !results.some((r) => r.courseCode === course.code)).map((course) => course.code),
  };
}

export function prerequisitesEvidence(c: DecisionConditionNode): PrerequisitesEvidence | null {
  if (c.kind !== AdmissionCondition.MISSING_PREREQUISITES) return null;
  const courses = (c.courses ?? []).map((course) => Object.assign(new PrerequisiteCourseType(), { programId: '', code: course.code, title: course.title }));
  return { courses, takenCourseCodes: c.takenCourseCodes, remaining: courses.filter((course) => !c.takenCourseCodes.includes(course.code)) };
}
