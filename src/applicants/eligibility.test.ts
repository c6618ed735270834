import { DocumentKind, DocumentQuality } from '../documents/document.entity';
import { ReferenceStatus } from '../references/reference.entity';
import { AdmissionRoute, EnglishPath, EnglishTest, GradeScale } from './applicant.enums';
import { assessEligibility, EligibilityFacts } from './eligibility';

const received = { academic: true, status: ReferenceStatus.RECEIVED };

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    ects: 240,
    gradeValue: 3.2,
    gradeScale: GradeScale.FOUR_POINT,
    englishTest: EnglishTest.IELTS_ACADEMIC,
    englishScore: 7,
    needsVisa: false,
    relevantBackground: false,
    completedCourses: [],
    program: { minAcademicReferences: 2, portfolioRequired: false, relevantBackgroundRequired: false, prerequisites: [] },
    references: [received, received],
    portfolio: null,
    documents: [{ kind: DocumentKind.DIPLOMA, quality: DocumentQuality.SCANNED, fileName: 'diploma.pdf' }],
    intakeWeeks: [
      { id: 'w1', label: 'last week of May', visaFreeOnly: false },
      { id: 'w4', label: 'first week of September', visaFreeOnly: true },
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
    const result = assessEligibility(facts({ englishTest, englishScore }));
    expect(result.englishCertificateAccepted).toBe(accepted);
    expect(result.englishPath).toBe(accepted ? EnglishPath.CERTIFICATE : EnglishPath.PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL);
  });

  it('without a certificate: exam on arrival or language school, as a condition not a rejection', () => {
    const result = assessEligibility(facts({ englishTest: null, englishScore: null }));
    expect(result.englishPath).toBe(EnglishPath.PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL);
    expect(result.complete).toBe(true);
    expect(result.issues.join()).toMatch(/No English certificate/);
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
