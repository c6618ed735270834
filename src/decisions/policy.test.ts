import { EligibilityProblemCode as Code, EnglishTest, GradeScale } from '../applicants/applicant.enums';
import { assessEligibility, EligibilityFacts } from '../applicants/policy';
import { ErrorCode } from '../common/errors';
import { DocumentKind, DocumentQuality } from '../documents/document.entity';
import { ReferenceStatus } from '../references/reference.entity';
import { AdmissionCondition as C, AdmissionStatus, ConditionStatus, CourseOutcome, DecisionOutcome as O, LanguageSchoolResult, RejectionReason as R } from './decision.enums';
import { admissionStatus, ConditionEvidence, conditionStatus, decisionOptions, DecisionInput, judgeDecision, mayViewDecision, outstandingConditions, preparatoryCgpa } from './policy';

const received = { academic: true, status: ReferenceStatus.RECEIVED };

function eligibility(overrides: Partial<EligibilityFacts> = {}) {
  return assessEligibility({
    ects: 240,
    gradeValue: 3.2,
    gradeScale: GradeScale.FOUR_POINT,
    englishCertificates: [{ test: EnglishTest.IELTS_ACADEMIC, score: 7 }],
    needsVisa: false,
    relevantBackground: false,
    completedCourses: [],
    withdrawn: false,
    program: { minAcademicReferences: 2, portfolioRequired: false, relevantBackgroundRequired: false, prerequisites: [] },
    references: [received, received],
    portfolio: null,
    documents: [],
    intakeWeeks: [],
    ...overrides,
  });
}

const decide = (e: ReturnType<typeof eligibility>, input: Partial<DecisionInput>) =>
  judgeDecision(e, { outcome: O.ADMIT, conditions: null, committeeRequirements: [], rejectionReason: null, scholarshipPercent: null, ...input });
const kinds = (result: ReturnType<typeof decide>) => ('conditions' in result ? result.conditions.map((c) => c.kind).sort() : result.refusal.extensions);
const admit = (e: ReturnType<typeof eligibility>) => decisionOptions(e).find((o) => o.outcome === O.ADMIT)!;

describe('the conditions an admission must carry', () => {
  it('recognition of prior education on every admission, and nothing else for a regular, certified, prepared applicant', () => {
    expect(admit(eligibility()).requiredConditions.map((r) => r.anyOf)).toEqual([[C.RECOGNITION_OF_PRIOR_EDUCATION]]);
    expect(kinds(decide(eligibility(), {}))).toEqual([C.RECOGNITION_OF_PRIOR_EDUCATION]);
  });

  it.each([
    [179, 'TRANSFER'],
    [180, [C.PREPARATORY_COURSES, C.RECOGNITION_OF_PRIOR_EDUCATION]],
    [239, [C.PREPARATORY_COURSES, C.RECOGNITION_OF_PRIOR_EDUCATION]],
    [240, [C.RECOGNITION_OF_PRIOR_EDUCATION]],
  ])('%i ECTS → %o', (ects, expected) => {
    const option = admit(eligibility({ ects }));
    if (expected === 'TRANSFER') expect(option.problems.map((p) => p.code)).toEqual([Code.TRANSFER_ROUTE]);
    else expect(option.proposedConditions.sort()).toEqual(expected);
  });

  it.each([
    [[{ test: EnglishTest.IELTS_ACADEMIC, score: 5.5 }], true],
    [[{ test: EnglishTest.IELTS_ACADEMIC, score: 6 }], false],
    [[{ test: EnglishTest.TOEFL_IBT, score: 78 }], true],
    [[{ test: EnglishTest.TOEFL_IBT, score: 79 }], false],
    [[{ test: EnglishTest.IELTS_ACADEMIC, score: 5.5 }, { test: EnglishTest.TOEFL_IBT, score: 80 }], false],
    [[], true],
  ])('English %o → exam or school required: %s', (englishCertificates, required) => {
    const option = admit(eligibility({ englishCertificates }));
    expect(option.requiredConditions.some((r) => r.anyOf.includes(C.ENGLISH_EXAM) && r.anyOf.includes(C.ENGLISH_LANGUAGE_SCHOOL))).toBe(required);
  });

  it('the missing prerequisites, listed as they are at the decision', () => {
    const program = { minAcademicReferences: 2, portfolioRequired: false, relevantBackgroundRequired: false, prerequisites: [{ code: 'PSY101', title: 'Intro' }, { code: 'PSY102', title: 'History' }] };
    expect(admit(eligibility({ program, completedCourses: ['PSY101'] })).requiredConditions[1]).toEqual({ anyOf: [C.MISSING_PREREQUISITES], reason: expect.stringMatching(/PSY102/) });
    expect(admit(eligibility({ program, completedCourses: ['psy101', 'PSY102'] })).requiredConditions).toHaveLength(1);
  });

  it('no required condition may be dropped: an empty list, or one without recognition, is refused', () => {
    const e = eligibility({ ects: 200, englishCertificates: [] });
    for (const conditions of [[], [C.PREPARATORY_COURSES, C.ENGLISH_EXAM], [C.RECOGNITION_OF_PRIOR_EDUCATION, C.ENGLISH_EXAM]]) {
      const result = decide(e, { conditions });
      expect('refusal' in result && result.refusal.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'conditions' });
    }
    expect(kinds(decide(e, { conditions: [C.PREPARATORY_COURSES, C.ENGLISH_LANGUAGE_SCHOOL, C.RECOGNITION_OF_PRIOR_EDUCATION] }))).toEqual(
      [C.ENGLISH_LANGUAGE_SCHOOL, C.PREPARATORY_COURSES, C.RECOGNITION_OF_PRIOR_EDUCATION],
    );
  });

  it('a condition that cannot apply is refused: English Language School for an IELTS 7 holder, preparation on the regular route', () => {
    for (const extra of [C.ENGLISH_LANGUAGE_SCHOOL, C.ENGLISH_EXAM, C.PREPARATORY_COURSES, C.MISSING_PREREQUISITES]) {
      const result = decide(eligibility(), { conditions: [C.RECOGNITION_OF_PRIOR_EDUCATION, extra] });
      expect('refusal' in result && result.refusal.message).toMatch(new RegExp(`${extra} cannot apply`));
    }
  });

  it('the chair may add what applies: the other English path, and committee requirements in words', () => {
    const e = eligibility({ englishCertificates: [] });
    expect(admit(e).optionalConditions).toEqual([]);
    const both = decide(e, { conditions: [C.RECOGNITION_OF_PRIOR_EDUCATION, C.ENGLISH_EXAM, C.ENGLISH_LANGUAGE_SCHOOL], committeeRequirements: ['Final transcript with the thesis grade'] });
    expect('conditions' in both && both.conditions.map((c) => [c.kind, c.required])).toEqual([
      [C.RECOGNITION_OF_PRIOR_EDUCATION, true],
      [C.ENGLISH_EXAM, true],
      [C.ENGLISH_LANGUAGE_SCHOOL, true],
      [C.COMMITTEE_REQUIREMENT, false],
    ]);
  });

  it('a transfer offer carries recognition and English where needed, never preparation or prerequisites', () => {
    const e = eligibility({ ects: 150, englishCertificates: [] });
    const transfer = decisionOptions(e).find((o) => o.outcome === O.ADMIT_AS_TRANSFER)!;
    expect(transfer.allowed).toBe(true);
    expect(transfer.proposedConditions).toEqual([C.RECOGNITION_OF_PRIOR_EDUCATION, C.ENGLISH_EXAM]);
    expect(decisionOptions(eligibility()).find((o) => o.outcome === O.ADMIT_AS_TRANSFER)!.problems.map((p) => p.code)).toEqual([Code.NOT_TRANSFER_ROUTE]);
  });

  it('only an admission carries conditions or a scholarship', () => {
    expect('refusal' in decide(eligibility(), { outcome: O.WAITLIST, conditions: [C.RECOGNITION_OF_PRIOR_EDUCATION] })).toBe(true);
    expect(kinds(decide(eligibility(), { outcome: O.WAITLIST }))).toEqual([]);
    expect('refusal' in decide(eligibility(), { outcome: O.WAITLIST, scholarshipPercent: 10 })).toBe(true);
  });
});

describe('improper and incomplete applications', () => {
  const photographed = { documents: [{ kind: DocumentKind.DIPLOMA, quality: DocumentQuality.PHOTOGRAPHED, fileName: 'IMG_2041.jpg' }] };

  it('an improper application can only be rejected, for improper documents', () => {
    const options = decisionOptions(eligibility(photographed));
    expect(options.filter((o) => o.allowed).map((o) => o.outcome)).toEqual([O.REJECT]);
    expect(options.find((o) => o.outcome === O.REJECT)!.rejectionReasons).toEqual([R.IMPROPER_DOCUMENTS]);
    const other = decide(eligibility(photographed), { outcome: O.REJECT, rejectionReason: R.COMMITTEE_JUDGEMENT });
    expect('refusal' in other && other.refusal.extensions.field).toBe('rejectionReason');
    const waitlist = decide(eligibility(photographed), { outcome: O.WAITLIST });
    expect('refusal' in waitlist && waitlist.refusal.extensions).toMatchObject({ code: ErrorCode.NOT_ELIGIBLE, problems: [Code.IMPROPER_DOCUMENTS] });
    expect(kinds(decide(eligibility(photographed), { outcome: O.REJECT, rejectionReason: R.IMPROPER_DOCUMENTS }))).toEqual([]);
  });

  it.each([
    ['1 of 2 references', { references: [received] }, Code.MISSING_REFERENCES, R.MISSING_REFERENCES],
    ['no portfolio', { program: { minAcademicReferences: 2, portfolioRequired: true, relevantBackgroundRequired: false, prerequisites: [] } }, Code.MISSING_PORTFOLIO, R.MISSING_PORTFOLIO],
    ['no design background', { program: { minAcademicReferences: 2, portfolioRequired: false, relevantBackgroundRequired: true, prerequisites: [] } }, Code.NO_RELEVANT_BACKGROUND, R.NO_RELEVANT_BACKGROUND],
  ] as [string, Partial<EligibilityFacts>, Code, R][])('%s: not admitted, and the refusal says what is missing; it may be rejected for it', (_what, facts, code, reason) => {
    const e = eligibility(facts);
    const result = decide(e, {});
    expect('refusal' in result && result.refusal.extensions).toMatchObject({ code: ErrorCode.NOT_ELIGIBLE, field: 'outcome', problems: [code] });
    expect(decisionOptions(e).find((o) => o.outcome === O.WAITLIST)!.allowed).toBe(true);
    expect(decisionOptions(e).find((o) => o.outcome === O.REJECT)!.rejectionReasons).toEqual([reason, R.COMMITTEE_JUDGEMENT]);
  });

  it('a rejection states a reason the file bears out', () => {
    expect('refusal' in decide(eligibility(), { outcome: O.REJECT })).toBe(true);
    expect('refusal' in decide(eligibility(), { outcome: O.REJECT, rejectionReason: R.MINIMUM_GRADE_NOT_MET })).toBe(true);
    expect('conditions' in decide(eligibility({ gradeValue: 2.49 }), { outcome: O.REJECT, rejectionReason: R.MINIMUM_GRADE_NOT_MET })).toBe(true);
    expect('conditions' in decide(eligibility(), { outcome: O.REJECT, rejectionReason: R.COMMITTEE_JUDGEMENT })).toBe(true);
  });
});

describe('conditions judged from their evidence', () => {
  const base: ConditionEvidence = {
    kind: C.PREPARATORY_COURSES,
    courses: Array.from({ length: 10 }, (_, i) => ({ code: `P${i}`, title: `Course ${i}`, ects: 6 })),
    acceptanceSignedOn: '2020-11-16',
    courseResults: [],
    takenCourseCodes: [],
    examPassed: null,
    schoolResult: null,
    recognised: null,
    requirementMet: null,
  };
  const graded = (points: number[]) => points.map((gradePoints, i) => ({ courseCode: `P${i}`, outcome: CourseOutcome.GRADED, gradePoints }));

  it('preparatory courses: signed, all ten passed with CGPA ≥ 2.5 and no N/A or F', () => {
    expect(conditionStatus({ ...base, acceptanceSignedOn: null })).toBe(ConditionStatus.OUTSTANDING);
    expect(conditionStatus({ ...base, courseResults: graded([3, 3, 3]) })).toBe(ConditionStatus.OUTSTANDING);
    expect(conditionStatus({ ...base, courseResults: graded(Array(10).fill(2.5)) })).toBe(ConditionStatus.MET);
    expect(conditionStatus({ ...base, courseResults: graded([...Array(9).fill(2.5), 2.4]) })).toBe(ConditionStatus.FAILED);
    expect(conditionStatus({ ...base, courseResults: [...graded([4, 4]), { courseCode: 'P2', outcome: CourseOutcome.FAIL, gradePoints: null }] })).toBe(ConditionStatus.FAILED);
    expect(conditionStatus({ ...base, courseResults: [{ courseCode: 'P0', outcome: CourseOutcome.NOT_AVAILABLE, gradePoints: null }] })).toBe(ConditionStatus.FAILED);
  });

  it('the CGPA is weighted by ECTS', () => {
    expect(preparatoryCgpa([{ code: 'A', title: 'A', ects: 10 }, { code: 'B', title: 'B', ects: 5 }], graded([]).concat([
      { courseCode: 'A', outcome: CourseOutcome.GRADED, gradePoints: 3 },
      { courseCode: 'B', outcome: CourseOutcome.GRADED, gradePoints: 1.5 },
    ]))).toBeCloseTo(2.5, 10);
  });

  it('the other kinds', () => {
    const only = (e: Partial<ConditionEvidence>) => conditionStatus({ ...base, ...e });
    expect(only({ kind: C.RECOGNITION_OF_PRIOR_EDUCATION })).toBe(ConditionStatus.OUTSTANDING);
    expect(only({ kind: C.RECOGNITION_OF_PRIOR_EDUCATION, recognised: true })).toBe(ConditionStatus.MET);
    expect(only({ kind: C.RECOGNITION_OF_PRIOR_EDUCATION, recognised: false })).toBe(ConditionStatus.FAILED);
    expect(only({ kind: C.ENGLISH_EXAM, examPassed: true })).toBe(ConditionStatus.MET);
    expect(only({ kind: C.ENGLISH_LANGUAGE_SCHOOL, schoolResult: LanguageSchoolResult.ATTENDING })).toBe(ConditionStatus.OUTSTANDING);
    expect(only({ kind: C.ENGLISH_LANGUAGE_SCHOOL, schoolResult: LanguageSchoolResult.COMPLETED })).toBe(ConditionStatus.MET);
    expect(only({ kind: C.MISSING_PREREQUISITES, courses: [{ code: 'X', title: 'X' }, { code: 'Y', title: 'Y' }], takenCourseCodes: ['X'] })).toBe(ConditionStatus.OUTSTANDING);
    expect(only({ kind: C.MISSING_PREREQUISITES, courses: [{ code: 'X', title: 'X' }], takenCourseCodes: ['X'] })).toBe(ConditionStatus.MET);
    expect(only({ kind: C.COMMITTEE_REQUIREMENT, requirementMet: false })).toBe(ConditionStatus.FAILED);
  });

  it('an admission is final when every condition is met; either English path will do', () => {
    const c = (id: string, kind: C, status: ConditionStatus) => ({ id, kind, status });
    const recognised = c('r', C.RECOGNITION_OF_PRIOR_EDUCATION, ConditionStatus.MET);
    expect(admissionStatus(O.ADMIT, [recognised])).toBe(AdmissionStatus.FINAL);
    expect(admissionStatus(O.ADMIT, [recognised, c('e', C.ENGLISH_EXAM, ConditionStatus.OUTSTANDING)])).toBe(AdmissionStatus.CONDITIONS_OUTSTANDING);
    const examFailedSchoolDone = [recognised, c('e', C.ENGLISH_EXAM, ConditionStatus.FAILED), c('s', C.ENGLISH_LANGUAGE_SCHOOL, ConditionStatus.MET)];
    expect(admissionStatus(O.ADMIT, examFailedSchoolDone)).toBe(AdmissionStatus.FINAL);
    expect(outstandingConditions([recognised, c('e', C.ENGLISH_EXAM, ConditionStatus.OUTSTANDING), c('s', C.ENGLISH_LANGUAGE_SCHOOL, ConditionStatus.MET)])).toEqual([]);
    expect(admissionStatus(O.ADMIT, [recognised, c('e', C.ENGLISH_EXAM, ConditionStatus.FAILED)])).toBe(AdmissionStatus.CONDITION_FAILED);
    expect(admissionStatus(O.WAITLIST, [])).toBeNull();
  });
});

test('a member conflicted with the applicant sees nothing of the decision until it is published', () => {
  expect(mayViewDecision({ isOfficer: false, conflicted: true, published: false })).toBe(false);
  expect(mayViewDecision({ isOfficer: false, conflicted: true, published: true })).toBe(true);
  expect(mayViewDecision({ isOfficer: false, conflicted: false, published: false })).toBe(true);
  expect(mayViewDecision({ isOfficer: true, conflicted: true, published: false })).toBe(true);
});
