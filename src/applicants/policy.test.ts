import { DocumentKind, DocumentQuality } from '../documents/document.entity';
import { ReferenceStatus } from '../references/reference.entity';
import { AdmissionRoute, ApplicationStatus, EligibilityProblemCode as Code, EnglishPath, EnglishTest, GradeScale } from './applicant.enums';
import { applicationStatus, assessEligibility, bestCertificate, EligibilityFacts, schedulingProblems } from './policy';

const received = { academic: true, status: ReferenceStatus.RECEIVED };

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    ects: 240,
    gradeValue: 3.2,
    gradeScale: GradeScale.FOUR_POINT,
    englishCertificates: [{ test: EnglishTest.IELTS_ACADEMIC, score: 7 }],
    needsVisa: false,
    withdrawn: false,
    relevantBackground: false,
    completedCourses: [],
    program: { minAcademicReferences: 2, portfolioRequired: false, relevantBackgroundRequired: false, prerequisites: [] },
    references: [received, received],
    portfolio: null,
    documents: [{ kind: DocumentKind.DIPLOMA, quality: DocumentQuality.SCANNED, fileName: 'diploma.pdf' }],
    intakeWeeks: [
      { id: 'w1', label: 'last week of May', startsOn: '2021-05-25', endsOn: '2021-05-31' },
      { id: 'w4', label: 'first week of September', startsOn: '2021-09-01', endsOn: '2021-09-07' },
    ],
    ...overrides,
  };
}

describe('admission route by ECTS', () => {
  it.each([
    [0, AdmissionRoute.TRANSFER],
    [179, AdmissionRoute.TRANSFER],
    [180, AdmissionRoute.CONDITIONAL],
    [239, AdmissionRoute.CONDITIONAL],
    [240, AdmissionRoute.REGULAR],
    [300, AdmissionRoute.REGULAR],
  ])('%i ECTS → %s', (ects, route) => {
    expect(assessEligibility(facts({ ects })).route).toBe(route);
  });

  it('explains the transfer and conditional routes in the issues', () => {
    expect(assessEligibility(facts({ ects: 179 })).issues.join()).toMatch(/transfer student/);
    expect(assessEligibility(facts({ ects: 180 })).issues.join()).toMatch(/60 ECTS of scientific preparation/);
  });
});

describe('minimum grade on its own scale', () => {
  it.each([
    [2.49, GradeScale.FOUR_POINT, false],
    [2.5, GradeScale.FOUR_POINT, true],
    [64, GradeScale.HUNDRED_POINT, false],
    [64.99, GradeScale.HUNDRED_POINT, false],
    [65, GradeScale.HUNDRED_POINT, true],
  ])('%d on %s → met=%s', (gradeValue, gradeScale, met) => {
    const result = assessEligibility(facts({ gradeValue, gradeScale }));
    expect(result.minimumGradeMet).toBe(met);
    expect(result.issues.some((issue) => issue.includes('below the minimum'))).toBe(!met);
  });

  it('never compares across scales: 3.0 of 100 fails, 3.0 of 4 passes', () => {
    expect(assessEligibility(facts({ gradeValue: 3, gradeScale: GradeScale.HUNDRED_POINT })).minimumGradeMet).toBe(false);
    expect(assessEligibility(facts({ gradeValue: 3, gradeScale: GradeScale.FOUR_POINT })).minimumGradeMet).toBe(true);
  });

  it('reports the grade as an issue only on the regular route', () => {
    const conditional = assessEligibility(facts({ ects: 200, gradeValue: 2.0 }));
    expect(conditional.minimumGradeMet).toBe(false);
    expect(conditional.issues.some((issue) => issue.includes('below the minimum'))).toBe(false);
  });
});

describe('English proficiency', () => {
  it.each([
    [EnglishTest.IELTS_ACADEMIC, 5.5, false],
    [EnglishTest.IELTS_ACADEMIC, 6.0, true],
    [EnglishTest.TOEFL_IBT, 78, false],
    [EnglishTest.TOEFL_IBT, 79, true],
  ])('%s %d → accepted=%s', (englishTest, englishScore, accepted) => {
    const result = assessEligibility(facts({ englishCertificates: [{ test: englishTest, score: englishScore }] }));
    expect(result.englishCertificateAccepted).toBe(accepted);
    expect(result.englishPath).toBe(accepted ? EnglishPath.CERTIFICATE : EnglishPath.PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL);
  });

  it('without a certificate: exam on arrival or language school, as a condition not a rejection', () => {
    const result = assessEligibility(facts({ englishCertificates: [] }));
    expect(result.englishPath).toBe(EnglishPath.PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL);
    expect(result.complete).toBe(true);
    expect(result.issues.join()).toMatch(/No English certificate/);
  });
});

describe('several English certificates: the best counts', () => {
  it('an accepted certificate counts over a better-looking refused one, whatever the test', () => {
    const both = assessEligibility(facts({ englishCertificates: [{ test: EnglishTest.IELTS_ACADEMIC, score: 5.5 }, { test: EnglishTest.TOEFL_IBT, score: 80 }] }));
    expect(both.englishCertificateAccepted).toBe(true);
    expect(both.bestEnglishCertificate).toEqual({ test: EnglishTest.TOEFL_IBT, score: 80 });
    expect(both.problems.map((p) => p.code)).not.toContain(Code.NO_ACCEPTED_ENGLISH_CERTIFICATE);
  });

  it('among accepted ones, the furthest above its own minimum towards its maximum', () => {
    // IELTS 7.5: (7.5 − 6) / 3 = 0.5; TOEFL 100: (100 − 79) / 41 ≈ 0.51.
    expect(bestCertificate([{ test: EnglishTest.IELTS_ACADEMIC, score: 7.5 }, { test: EnglishTest.TOEFL_IBT, score: 100 }])).toEqual({ test: EnglishTest.TOEFL_IBT, score: 100 });
    expect(bestCertificate([{ test: EnglishTest.IELTS_ACADEMIC, score: 8 }, { test: EnglishTest.TOEFL_IBT, score: 100 }])).toEqual({ test: EnglishTest.IELTS_ACADEMIC, score: 8 });
    expect(bestCertificate([])).toBeNull();
  });

  it('none accepted: the best refused one is named in the finding', () => {
    const result = assessEligibility(facts({ englishCertificates: [{ test: EnglishTest.IELTS_ACADEMIC, score: 5 }, { test: EnglishTest.TOEFL_IBT, score: 78 }] }));
    expect(result.englishCertificateAccepted).toBe(false);
    expect(result.issues.join()).toMatch(/TOEFL iBT 78 is below 79/);
  });
});

describe('what keeps an applicant off an agenda', () => {
  it.each([
    ['improper documents', { documents: [{ kind: DocumentKind.DIPLOMA, quality: DocumentQuality.PHOTOGRAPHED, fileName: 'IMG_1.jpg' }] }, Code.IMPROPER_DOCUMENTS],
    ['1 of 2 references', { references: [received] }, Code.MISSING_REFERENCES],
    ['no portfolio where required', { program: { minAcademicReferences: 2, portfolioRequired: true, relevantBackgroundRequired: false, prerequisites: [] } }, Code.MISSING_PORTFOLIO],
    ['no design background for VACD', { program: { minAcademicReferences: 2, portfolioRequired: false, relevantBackgroundRequired: true, prerequisites: [] } }, Code.NO_RELEVANT_BACKGROUND],
    ['a withdrawal', { withdrawn: true }, Code.WITHDRAWN],
  ] as [string, Partial<EligibilityFacts>, Code][])('%s', (_what, override, code) => {
    const result = assessEligibility(facts(override));
    expect(result.schedulable).toBe(false);
    expect(schedulingProblems(result).map((p) => p.code)).toEqual([code]);
  });

  it('nothing else does: no certificate, missing prerequisites, a low grade or the conditional route only inform', () => {
    const program = { minAcademicReferences: 2, portfolioRequired: false, relevantBackgroundRequired: false, prerequisites: [{ code: 'X1', title: 'X' }] };
    const result = assessEligibility(facts({ program, englishCertificates: [], ects: 200, gradeValue: 2 }));
    expect(result.schedulable).toBe(true);
    expect(result.problems.map((p) => p.code).sort()).toEqual([Code.CONDITIONAL_ROUTE, Code.MISSING_PREREQUISITES, Code.NO_ACCEPTED_ENGLISH_CERTIFICATE].sort());
  });
});

describe('status', () => {
  const none = { withdrawn: false, decisionVisible: false, reviewed: false, scheduled: false, improper: false, complete: false };
  it.each([
    [{}, ApplicationStatus.INCOMPLETE],
    [{ complete: true }, ApplicationStatus.COMPLETE],
    [{ improper: true }, ApplicationStatus.IMPROPER],
    [{ improper: true, scheduled: true }, ApplicationStatus.SCHEDULED],
    [{ scheduled: true, reviewed: true }, ApplicationStatus.REVIEWED],
    [{ reviewed: true, decisionVisible: true }, ApplicationStatus.DECIDED],
    [{ decisionVisible: true, withdrawn: true }, ApplicationStatus.WITHDRAWN],
  ])('%o → %s', (facts, status) => {
    expect(applicationStatus({ ...none, ...facts })).toBe(status);
  });
});

describe('completeness', () => {
  it('counts only received academic references against the minimum', () => {
    const result = assessEligibility(
      facts({
        references: [
          received,
          { academic: false, status: ReferenceStatus.RECEIVED },
          { academic: true, status: ReferenceStatus.REQUESTED },
        ],
      }),
    );
    expect(result.academicReferencesReceived).toBe(1);
    expect(result.referencesComplete).toBe(false);
    expect(result.complete).toBe(false);
    expect(result.issues).toContain('1 of 2 academic reference letters received.');
  });

  it('requires a submitted portfolio with items where the program asks for one', () => {
    const program = { minAcademicReferences: 2, portfolioRequired: true, relevantBackgroundRequired: true, prerequisites: [] };
    expect(assessEligibility(facts({ program, relevantBackground: true, portfolio: null })).complete).toBe(false);
    expect(assessEligibility(facts({ program, relevantBackground: true, portfolio: { submitted: false, itemCount: 3 } })).complete).toBe(false);
    expect(assessEligibility(facts({ program, relevantBackground: true, portfolio: { submitted: true, itemCount: 0 } })).complete).toBe(false);
    const ok = assessEligibility(facts({ program, relevantBackground: true, portfolio: { submitted: true, itemCount: 3 } }));
    expect(ok.portfolioSubmitted).toBe(true);
    expect(ok.complete).toBe(true);
  });

  it('flags a missing design background for VACD-like programs', () => {
    const program = { minAcademicReferences: 2, portfolioRequired: true, relevantBackgroundRequired: true, prerequisites: [] };
    const result = assessEligibility(facts({ program, relevantBackground: false, portfolio: { submitted: true, itemCount: 2 } }));
    expect(result.relevantBackgroundMet).toBe(false);
    expect(result.issues.join()).toMatch(/design or arts background/);
  });

  it('makes the application improper when a document is photographed', () => {
    const result = assessEligibility(
      facts({ documents: [{ kind: DocumentKind.TRANSCRIPT, quality: DocumentQuality.PHOTOGRAPHED, fileName: 'transcript.jpg' }] }),
    );
    expect(result.documentsAcceptable).toBe(false);
    expect(result.photographedDocuments).toEqual(['transcript.jpg']);
    expect(result.complete).toBe(false);
  });
});

describe('prerequisites and review weeks', () => {
  it('lists missing prerequisite courses, matching codes case-insensitively', () => {
    const program = {
      minAcademicReferences: 2,
      portfolioRequired: false,
      relevantBackgroundRequired: false,
      prerequisites: [
        { code: 'PSY101', title: 'Introduction to Psychology' },
        { code: 'PSY210', title: 'Developmental Psychology' },
      ],
    };
    const result = assessEligibility(facts({ program, completedCourses: ['psy101'] }));
    expect(result.missingPrerequisites).toEqual([{ code: 'PSY210', title: 'Developmental Psychology' }]);
    expect(result.complete).toBe(true);
  });

  it('keeps visa-requiring applicants out of the visa-free last week', () => {
    expect(assessEligibility(facts({ needsVisa: true })).allowedReviewWeekIds).toEqual(['w1']);
    expect(assessEligibility(facts({ needsVisa: false })).allowedReviewWeekIds).toEqual(['w1', 'w4']);
  });
});
