import { AppError, ErrorCode } from '../common/errors';
import { DocumentKind, DocumentQuality } from '../documents/document.entity';
import { isVisaFreeWeek } from '../intakes/policy';
import { ReferenceStatus } from '../references/reference.entity';
import { AdmissionRoute, ApplicationStatus, EligibilityProblemCode as Code, EnglishPath, EnglishTest, GradeScale } from './applicant.enums';

/**
 * The admission rules of an application (DOMAIN.md: prior education and the route, application
 * completeness, English proficiency, the visa rule) as pure predicates over plain facts. SQL
 * gathers the facts (eligibility.facts.ts); these judge them. Where a query must judge by itself
 * (a page filter, a report), its fragment is here, beside the predicate, and
 * test/applicants/policy-parity.test.ts runs both on the same rows.
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
export const ENGLISH_MAXIMUM: Record<EnglishTest, number> = {
  [EnglishTest.IELTS_ACADEMIC]: 9,
  [EnglishTest.TOEFL_IBT]: 120,
};

export interface Certificate {
  test: EnglishTest;
  score: number;
}

export interface EligibilityFacts {
  ects: number;
  gradeValue: number;
  gradeScale: GradeScale;
  englishCertificates: readonly Certificate[];
  needsVisa: boolean;
  relevantBackground: boolean;
  completedCourses: readonly string[];
  withdrawn: boolean;
  program: {
    minAcademicReferences: number;
    portfolioRequired: boolean;
    relevantBackgroundRequired: boolean;
    prerequisites: readonly { code: string; title: string }[];
  };
  references: readonly { academic: boolean; status: ReferenceStatus }[];
  portfolio: { submitted: boolean; itemCount: number } | null;
  documents: readonly { kind: DocumentKind; quality: DocumentQuality; fileName: string }[];
  intakeWeeks: readonly { id: string; label: string; startsOn: string; endsOn: string }[];
}

export interface EligibilityProblem {
  code: Code;
  message: string;
  /** The applicant cannot be put on an agenda while this holds. */
  blocksScheduling: boolean;
  /** The applicant cannot be admitted (nor admitted as a transfer) while this holds. */
  blocksAdmission: boolean;
}

export interface Eligibility {
  route: AdmissionRoute;
  minimumGrade: number;
  /** Judged on the applicant's own scale; only binding on the regular route. */
  minimumGradeMet: boolean;
  englishPath: EnglishPath;
  englishCertificateAccepted: boolean;
  bestEnglishCertificate: Certificate | null;
  missingPrerequisites: { code: string; title: string }[];
  academicReferencesReceived: number;
  academicReferencesRequired: number;
  referencesComplete: boolean;
  portfolioRequired: boolean;
  portfolioSubmitted: boolean;
  relevantBackgroundMet: boolean;
  photographedDocuments: string[];
  documentsAcceptable: boolean;
  /** References, the portfolio where required, and no photographed document. */
  complete: boolean;
  /** Not improper, complete and considered by the program: may be put on an agenda. */
  schedulable: boolean;
  allowedReviewWeekIds: string[];
  problems: EligibilityProblem[];
  /** The problems' messages, in order. */
  issues: string[];
}

// ---------------------------------------------------------------------------------------
// Prior education
// ---------------------------------------------------------------------------------------

export function admissionRoute(ects: number): AdmissionRoute {
  if (ects < TRANSFER_BELOW_ECTS) return AdmissionRoute.TRANSFER;
  if (ects < REGULAR_FROM_ECTS) return AdmissionRoute.CONDITIONAL;
  return AdmissionRoute.REGULAR;
}

/** SQL twin of `admissionRoute` for an `applicant` row aliased `a`. */
export const ROUTE_SQL = `case when a.ects < ${TRANSFER_BELOW_ECTS} then 'TRANSFER' when a.ects < ${REGULAR_FROM_ECTS} then 'CONDITIONAL' else 'REGULAR' end`;

export function meetsMinimumGrade(value: number, scale: GradeScale): boolean {
  return value >= MINIMUM_GRADE[scale];
}

// ---------------------------------------------------------------------------------------
// English: several certificates, the best counts
// ---------------------------------------------------------------------------------------

export function certificateAccepted(certificate: Certificate): boolean {
  return certificate.score >= MINIMUM_ENGLISH[certificate.test];
}

/**
 * The certificate that counts: an accepted one before any other; among equals, the one furthest
 * from its own test's minimum towards its maximum (scores are never compared across tests).
 */
export function bestCertificate(certificates: readonly Certificate[]): Certificate | null {
  const standing = (c: Certificate) => (c.score - MINIMUM_ENGLISH[c.test]) / (ENGLISH_MAXIMUM[c.test] - MINIMUM_ENGLISH[c.test]);
  let best: Certificate | null = null;
  for (const certificate of certificates) {
    if (
      !best ||
      Number(certificateAccepted(certificate)) > Number(certificateAccepted(best)) ||
      (certificateAccepted(certificate) === certificateAccepted(best) && standing(certificate) > standing(best))
    ) {
      best = certificate;
    }
  }
  return best;
}

/** SQL twin of "some certificate is accepted" for an `applicant` row aliased `a`. */
export const ENGLISH_ACCEPTED_SQL = `exists (select 1 from english_certificate ec where ec.applicant_id = a.id and (${Object.values(EnglishTest)
  .map((test) => `(ec.test = '${test}' and ec.score >= ${MINIMUM_ENGLISH[test]})`)
  .join(' or ')}))`;

// ---------------------------------------------------------------------------------------
// Completeness and propriety
// ---------------------------------------------------------------------------------------

export function missingPrerequisites(
  prerequisites: readonly { code: string; title: string }[],
  completedCourses: readonly string[],
): { code: string; title: string }[] {
  const done = new Set(completedCourses.map((code) => code.trim().toUpperCase()));
  return prerequisites.filter((course) => !done.has(course.code.trim().toUpperCase()));
}

export function academicReferencesReceived(references: EligibilityFacts['references']): number {
  return references.filter((r) => r.academic && r.status === ReferenceStatus.RECEIVED).length;
}

/** A portfolio counts once submitted, and only with at least one item. */
export function portfolioSubmitted(portfolio: EligibilityFacts['portfolio']): boolean {
  return portfolio !== null && portfolio.submitted && portfolio.itemCount > 0;
}

/** SQL twin of the completeness rule (references, portfolio, no photographed document), for `a`. */
export const COMPLETE_SQL = `(
  (select count(*) from reference_letter r where r.applicant_id = a.id and r.academic and r.status = 'RECEIVED')
    >= (select p.min_academic_references from program p where p.id = a.program_id)
  and (not (select p.portfolio_required from program p where p.id = a.program_id)
       or exists (select 1 from portfolio pf join portfolio_item pi on pi.portfolio_id = pf.id
                   where pf.applicant_id = a.id and pf.submitted_at is not null))
  and not exists (select 1 from applicant_document d where d.applicant_id = a.id and d.quality = 'PHOTOGRAPHED')
)`;

/** SQL twin of "improper" (a photographed document), for `a`. */
export const IMPROPER_SQL = `exists (select 1 from applicant_document d where d.applicant_id = a.id and d.quality = 'PHOTOGRAPHED')`;

// ---------------------------------------------------------------------------------------
// The whole file
// ---------------------------------------------------------------------------------------

const SCALE_LABEL: Record<GradeScale, string> = { FOUR_POINT: '4', HUNDRED_POINT: '100' };
const TEST_LABEL: Record<EnglishTest, string> = { IELTS_ACADEMIC: 'IELTS Academic', TOEFL_IBT: 'TOEFL iBT' };

export function assessEligibility(facts: EligibilityFacts): Eligibility {
  const problems: EligibilityProblem[] = [];
  const note = (code: Code, message: string, blocks: { scheduling?: boolean; admission?: boolean } = {}) =>
    problems.push({ code, message, blocksScheduling: blocks.scheduling ?? false, blocksAdmission: blocks.admission ?? false });

  if (facts.withdrawn) note(Code.WITHDRAWN, 'The applicant has withdrawn.', { scheduling: true, admission: true });

  const route = admissionRoute(facts.ects);
  const minimumGrade = MINIMUM_GRADE[facts.gradeScale];
  const minimumGradeMet = meetsMinimumGrade(facts.gradeValue, facts.gradeScale);
  if (route === AdmissionRoute.TRANSFER) {
    note(Code.TRANSFER_ROUTE, `${facts.ects} ECTS is under ${TRANSFER_BELOW_ECTS}: can be admitted only as a transfer student into the related undergraduate program.`);
  } else if (route === AdmissionRoute.CONDITIONAL) {
    note(
      Code.CONDITIONAL_ROUTE,
      `${facts.ects} ECTS (a 3-year degree): conditional acceptance with 10 courses / 60 ECTS of scientific preparation, to pass with CGPA ≥ 2.5/4 and no N/A or F grades.`,
    );
  } else if (!minimumGradeMet) {
    note(Code.MINIMUM_GRADE_NOT_MET, `Grade ${facts.gradeValue}/${SCALE_LABEL[facts.gradeScale]} is below the minimum of ${minimumGrade}/${SCALE_LABEL[facts.gradeScale]}.`);
  }

  const best = bestCertificate(facts.englishCertificates);
  const accepted = best !== null && certificateAccepted(best);
  if (!accepted) {
    const had = best ? `${TEST_LABEL[best.test]} ${best.score} is below ${MINIMUM_ENGLISH[best.test]}` : 'No English certificate';
    note(Code.NO_ACCEPTED_ENGLISH_CERTIFICATE, `${had}: sits the university's English exam on arrival or is placed in the English Language School.`);
  }

  const missing = missingPrerequisites(facts.program.prerequisites, facts.completedCourses);
  if (missing.length > 0) {
    note(Code.MISSING_PREREQUISITES, `Missing ${missing.length} prerequisite course(s), to take before starting: ${missing.map((c) => c.code).join(', ')}.`);
  }

  const received = academicReferencesReceived(facts.references);
  const referencesComplete = received >= facts.program.minAcademicReferences;
  if (!referencesComplete) {
    note(Code.MISSING_REFERENCES, `${received} of ${facts.program.minAcademicReferences} academic reference letters received.`, { scheduling: true, admission: true });
  }

  const submitted = portfolioSubmitted(facts.portfolio);
  const portfolioOk = !facts.program.portfolioRequired || submitted;
  if (!portfolioOk) {
    note(Code.MISSING_PORTFOLIO, 'The program requires a creative portfolio and none has been submitted.', { scheduling: true, admission: true });
  }

  const relevantBackgroundMet = !facts.program.relevantBackgroundRequired || facts.relevantBackground;
  if (!relevantBackgroundMet) {
    note(Code.NO_RELEVANT_BACKGROUND, 'The program considers only applicants with a design or arts background.', { scheduling: true, admission: true });
  }

  const photographed = facts.documents.filter((d) => d.quality === DocumentQuality.PHOTOGRAPHED).map((d) => d.fileName);
  if (photographed.length > 0) {
    note(Code.IMPROPER_DOCUMENTS, `Photographed instead of scanned, so the application is improper and can only be rejected: ${photographed.join(', ')}.`, {
      scheduling: true,
      admission: true,
    });
  }

  const weeks = allowedReviewWeeks(facts.needsVisa, facts.intakeWeeks);
  if (facts.needsVisa) {
    const excluded = facts.intakeWeeks.filter((w) => !weeks.includes(w)).map((w) => w.label);
    if (excluded.length > 0) note(Code.NEEDS_VISA, `Needs a type-D visa: cannot be reviewed in ${excluded.join(', ')}.`);
  }

  const complete = referencesComplete && portfolioOk && photographed.length === 0;
  return {
    route,
    minimumGrade,
    minimumGradeMet,
    englishPath: accepted ? EnglishPath.CERTIFICATE : EnglishPath.PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL,
    englishCertificateAccepted: accepted,
    bestEnglishCertificate: best,
    missingPrerequisites: missing,
    academicReferencesReceived: received,
    academicReferencesRequired: facts.program.minAcademicReferences,
    referencesComplete,
    portfolioRequired: facts.program.portfolioRequired,
    portfolioSubmitted: submitted,
    relevantBackgroundMet,
    photographedDocuments: photographed,
    documentsAcceptable: photographed.length === 0,
    complete,
    schedulable: !problems.some((p) => p.blocksScheduling),
    allowedReviewWeekIds: weeks.map((w) => w.id),
    problems,
    issues: problems.map((p) => p.message),
  };
}

/** The weeks of the intake the applicant may be reviewed in: never the visa-free one with a visa. */
export function allowedReviewWeeks<W extends { id: string; startsOn: string; endsOn: string }>(needsVisa: boolean, weeks: readonly W[]): W[] {
  return weeks.filter((week) => !(needsVisa && isVisaFreeWeek(week, weeks)));
}

/** What keeps the applicant off an agenda (improper, incomplete, not considered, withdrawn). */
export function schedulingProblems(eligibility: Eligibility): EligibilityProblem[] {
  return eligibility.problems.filter((p) => p.blocksScheduling);
}

/** What keeps the applicant from being admitted. */
export function admissionProblems(eligibility: Eligibility): EligibilityProblem[] {
  return eligibility.problems.filter((p) => p.blocksAdmission);
}

/** The one refusal for "the file does not allow it": what is missing, by code and in words. */
export function notEligible(what: string, problems: readonly Pick<EligibilityProblem, 'code' | 'message'>[], field = 'applicantId'): AppError {
  return new AppError(ErrorCode.NOT_ELIGIBLE, `${what}: ${problems.map((p) => p.message).join(' ')}`, { field, problems: problems.map((p) => p.code) });
}

// ---------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------

export interface StatusFacts {
  withdrawn: boolean;
  /** A decision exists that the viewer may see (see decisions/policy.ts `mayViewDecision`). */
  decisionVisible: boolean;
  /** On an agenda whose voting on them has closed. */
  reviewed: boolean;
  scheduled: boolean;
  improper: boolean;
  complete: boolean;
}

export function applicationStatus(f: StatusFacts): ApplicationStatus {
  if (f.withdrawn) return ApplicationStatus.WITHDRAWN;
  if (f.decisionVisible) return ApplicationStatus.DECIDED;
  if (f.reviewed) return ApplicationStatus.REVIEWED;
  if (f.scheduled) return ApplicationStatus.SCHEDULED;
  if (f.improper) return ApplicationStatus.IMPROPER;
  if (f.complete) return ApplicationStatus.COMPLETE;
  return ApplicationStatus.INCOMPLETE;
}

/**
 * SQL twin of `applicationStatus` for `a`; `decisionVisible` is a condition on the decision row
 * `d` (what the viewer may see of it, from decisions/policy.ts).
 */
export function statusSql(decisionVisible: string): string {
  return `case
  when a.withdrawn_at is not null then 'WITHDRAWN'
  when exists (select 1 from decision d where d.applicant_id = a.id and ${decisionVisible}) then 'DECIDED'
  when exists (select 1 from agenda_item ai where ai.applicant_id = a.id and ai.voting_status = 'CLOSED') then 'REVIEWED'
  when exists (select 1 from agenda_item ai where ai.applicant_id = a.id) then 'SCHEDULED'
  when ${IMPROPER_SQL} then 'IMPROPER'
  when ${COMPLETE_SQL} then 'COMPLETE'
  else 'INCOMPLETE' end`;
}
