import { DocumentKind, DocumentQuality } from '../documents/document.entity';
import { ReferenceStatus } from '../references/reference.entity';
import { AdmissionRoute, EnglishPath, EnglishTest, GradeScale } from './applicant.enums';

/**
 * The admission rules of DOMAIN.md as pure functions of stored facts, so every boundary is
 * unit-tested without a database and the API, the demo and the reports agree.
 */

export const TRANSFER_BELOW_ECTS = 180;
export const REGULAR_FROM_ECTS = 240;
export const MINIMUM_GRADE: Record<GradeScale, number> = {
  [GradeScale.FOUR_POINT]: 2.5,
  [GradeScale.HUNDRED_POINT]: 65,
};
export const MINIMUM_ENGLISH: Record<EnglishTest, number> = {
  [EnglishTest.IELTS_ACADEMIC]: 6.0,
  [EnglishTest.TOEFL_IBT]: 79,
};

export interface EligibilityFacts {
  ects: number;
  gradeValue: number;
  gradeScale: GradeScale;
  englishTest: EnglishTest | null;
  englishScore: number | null;
  needsVisa: boolean;
  relevantBackground: boolean;
  completedCourses: readonly string[];
  program: {
    minAcademicReferences: number;
    portfolioRequired: boolean;
    relevantBackgroundRequired: boolean;
    prerequisites: readonly { code: string; title: string }[];
  };
  references: readonly { academic: boolean; status: ReferenceStatus }[];
  portfolio: { submitted: boolean; itemCount: number } | null;
  documents: readonly { kind: DocumentKind; quality: DocumentQuality; fileName: string }[];
  intakeWeeks: readonly { id: string; label: string; visaFreeOnly: boolean }[];
}

export interface Eligibility {
  route: AdmissionRoute;
  minimumGrade: number;
  /** Judged on the applicant's own scale; only binding on the regular route. */
  minimumGradeMet: boolean;
  englishPath: EnglishPath;
  englishCertificateAccepted: boolean;
  missingPrerequisites: { code: string; title: string }[];
  academicReferencesReceived: number;
  academicReferencesRequired: number;
  referencesComplete: boolean;
  portfolioRequired: boolean;
  portfolioSubmitted: boolean;
  relevantBackgroundMet: boolean;
  photographedDocuments: string[];
  documentsAcceptable: boolean;
  complete: boolean;
  allowedReviewWeekIds: string[];
  issues: string[];
}

export function admissionRoute(ects: number): AdmissionRoute {
  if (ects < TRANSFER_BELOW_ECTS) return AdmissionRoute.TRANSFER;
  if (ects < REGULAR_FROM_ECTS) return AdmissionRoute.CONDITIONAL;
  return AdmissionRoute.REGULAR;
}

export function meetsMinimumGrade(value: number, scale: GradeScale): boolean {
  return value >= MINIMUM_GRADE[scale];
}

export function englishCertificateAccepted(test: EnglishTest | null, score: number | null): boolean {
  return test !== null && score !== null && score >= MINIMUM_ENGLISH[test];
}

export function allowedReviewWeeks<W extends { visaFreeOnly: boolean }>(needsVisa: boolean, weeks: readonly W[]): W[] {
  return weeks.filter((week) => !(needsVisa && week.visaFreeOnly));
}

export function missingPrerequisites(
  prerequisites: readonly { code: string; title: string }[],
  completedCourses: readonly string[],
): { code: string; title: string }[] {
  const done = new Set(completedCourses.map((code) => code.trim().toUpperCase()));
  return prerequisites.filter((course) => !done.has(course.code.trim().toUpperCase()));
}

const SCALE_LABEL: Record<GradeScale, string> = { FOUR_POINT: '4', HUNDRED_POINT: '100' };
const TEST_LABEL: Record<EnglishTest, string> = { IELTS_ACADEMIC: 'IELTS Academic', TOEFL_IBT: 'TOEFL iBT' };

export function assessEligibility(facts: EligibilityFacts): Eligibility {
  const issues: string[] = [];
  const route = admissionRoute(facts.ects);
  const minimumGrade = MINIMUM_GRADE[facts.gradeScale];
  const minimumGradeMet = meetsMinimumGrade(facts.gradeValue, facts.gradeScale);

  if (route === AdmissionRoute.TRANSFER) {
    issues.push(
      `${facts.ects} ECTS is under ${TRANSFER_BELOW_ECTS}: can be admitted only as a transfer student into the related undergraduate program.`,
    );
  } else if (route === AdmissionRoute.CONDITIONAL) {
    issues.push(
      `${facts.ects} ECTS (a 3-year degree): conditional acceptance with 10 courses / 60 ECTS of scientific preparation, to pass with CGPA ≥ 2.5/4 and no N/A or F grades.`,
    );
  } else if (!minimumGradeMet) {
    issues.push(
      `Grade ${facts.gradeValue}/${SCALE_LABEL[facts.gradeScale]} is below the minimum of ${minimumGrade}/${SCALE_LABEL[facts.gradeScale]}.`,
    );
  }

  const certificateAccepted = englishCertificateAccepted(facts.englishTest, facts.englishScore);
  if (!certificateAccepted) {
    const had =
      facts.englishTest && facts.englishScore !== null
        ? `${TEST_LABEL[facts.englishTest]} ${facts.englishScore} is below ${MINIMUM_ENGLISH[facts.englishTest]}`
        : 'No English certificate';
    issues.push(`${had}: sits the university's English exam on arrival or is placed in the English Language School.`);
  }

  const missing = missingPrerequisites(facts.program.prerequisites, facts.completedCourses);
  if (missing.length > 0) {
    issues.push(`Missing ${missing.length} prerequisite course(s), to take before starting: ${missing.map((c) => c.code).join(', ')}.`);
  }

  const academicReceived = facts.references.filter((r) => r.academic && r.status === ReferenceStatus.RECEIVED).length;
  const referencesComplete = academicReceived >= facts.program.minAcademicReferences;
  if (!referencesComplete) {
    issues.push(`${academicReceived} of ${facts.program.minAcademicReferences} academic reference letters received.`);
  }

  const portfolioSubmitted = facts.portfolio !== null && facts.portfolio.submitted && facts.portfolio.itemCount > 0;
  if (facts.program.portfolioRequired && !portfolioSubmitted) {
    issues.push('The program requires a creative portfolio and none has been submitted.');
  }

  const relevantBackgroundMet = !facts.program.relevantBackgroundRequired || facts.relevantBackground;
  if (!relevantBackgroundMet) {
    issues.push('The program considers only applicants with a design or arts background.');
  }

  const photographed = facts.documents.filter((d) => d.quality === DocumentQuality.PHOTOGRAPHED).map((d) => d.fileName);
  if (photographed.length > 0) {
    issues.push(`Photographed instead of scanned, so the application is improper: ${photographed.join(', ')}.`);
  }

  const weeks = allowedReviewWeeks(facts.needsVisa, facts.intakeWeeks);
  if (facts.needsVisa) {
    const excluded = facts.intakeWeeks.filter((w) => w.visaFreeOnly).map((w) => w.label);
    if (excluded.length > 0) issues.push(`Needs a type-D visa: cannot be reviewed in ${excluded.join(', ')}.`);
  }

  const portfolioOk = !facts.program.portfolioRequired || portfolioSubmitted;
  return {
    route,
    minimumGrade,
    minimumGradeMet,
    englishPath: certificateAccepted ? EnglishPath.CERTIFICATE : EnglishPath.PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL,
    englishCertificateAccepted: certificateAccepted,
    missingPrerequisites: missing,
    academicReferencesReceived: academicReceived,
    academicReferencesRequired: facts.program.minAcademicReferences,
    referencesComplete,
    portfolioRequired: facts.program.portfolioRequired,
    portfolioSubmitted,
    relevantBackgroundMet,
    photographedDocuments: photographed,
    documentsAcceptable: photographed.length === 0,
    complete: referencesComplete && portfolioOk && photographed.length === 0,
    allowedReviewWeekIds: weeks.map((w) => w.id),
    issues,
  };
}
