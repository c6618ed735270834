import { AdmissionRoute, EligibilityProblemCode as Code } from '../applicants/applicant.enums';
import { admissionProblems, Eligibility, notEligible } from '../applicants/policy';
import { AppError, badInput, conflict, ErrorCode, invalidState } from '../common/errors';
import { VotingStatus } from '../reviews/agenda-item.entity';
import type { CourseResult, CourseSnapshot } from './decision-condition.entity';
import { AdmissionCondition as Condition, AdmissionStatus, ConditionStatus, CourseOutcome, DecisionOutcome, LanguageSchoolResult, OfficeStep, RejectionReason } from './decision.enums';

/**
 * The decision rules (DOMAIN.md, "Decisions"), as pure predicates over the applicant's
 * eligibility and the condition evidence; the SQL fragments that must judge in a query (what a
 * viewer may see of a decision, where an admission stands) sit beside their predicates and
 * test/decisions/policy-parity.test.ts runs both on the same rows.
 *
 * - Every admission carries the conditions the facts require: recognition of prior education
 *   always; the preparatory courses on the conditional route; the English exam or the English
 *   Language School without an accepted certificate; the missing prerequisites. The chair may add
 *   conditions that apply (the other English path, a committee requirement in words), never drop
 *   a required one, never add one that cannot apply.
 * - An improper application (a photographed document) can only be rejected, for improper
 *   documents. An incomplete one, or one the program does not consider, cannot be admitted.
 * - An admission is final when every condition is met (for English, the exam or the school).
 */

export const ADMITTING: ReadonlySet<DecisionOutcome> = new Set([DecisionOutcome.ADMIT, DecisionOutcome.ADMIT_AS_TRANSFER]);
export const MINIMUM_PREPARATORY_CGPA = 2.5;
/** The two ways to meet the English requirement; one of them is enough. */
export const ENGLISH_PATHS: readonly Condition[] = [Condition.ENGLISH_EXAM, Condition.ENGLISH_LANGUAGE_SCHOOL];

export interface ConditionRequirement {
  /** One of these is required (two only for English). */
  anyOf: Condition[];
  reason: string;
}

export interface DecisionProblem {
  code: Code;
  message: string;
}

export interface DecisionOption {
  outcome: DecisionOutcome;
  allowed: boolean;
  /** Why the outcome is not open to this applicant (empty when allowed). */
  problems: DecisionProblem[];
  requiredConditions: ConditionRequirement[];
  /** Conditions the chair may add on top (apart from committee requirements, which always may be). */
  optionalConditions: Condition[];
  /** What the API proposes: every requirement, the English exam where English is required. */
  proposedConditions: Condition[];
  /** For REJECT: the reasons the facts bear out. */
  rejectionReasons: RejectionReason[];
}

const RECOGNITION_REASON = 'Every acceptance is conditional in law: prior education must be officially recognised after arrival.';

function requirements(outcome: DecisionOutcome, e: Eligibility): ConditionRequirement[] {
  if (!ADMITTING.has(outcome)) return [];
  const required: ConditionRequirement[] = [{ anyOf: [Condition.RECOGNITION_OF_PRIOR_EDUCATION], reason: RECOGNITION_REASON }];
  if (outcome === DecisionOutcome.ADMIT && e.route === AdmissionRoute.CONDITIONAL) {
    required.push({
      anyOf: [Condition.PREPARATORY_COURSES],
      reason: 'A 3-year degree (180–239 ECTS): 10 courses / 60 ECTS of scientific preparation, passed with CGPA ≥ 2.5/4 and no N/A or F.',
    });
  }
  if (!e.englishCertificateAccepted) {
    required.push({
      anyOf: [...ENGLISH_PATHS],
      reason: 'No accepted English certificate (IELTS Academic 6.0 or TOEFL iBT 79): the proficiency exam on arrival or the English Language School.',
    });
  }
  if (outcome === DecisionOutcome.ADMIT && e.missingPrerequisites.length > 0) {
    required.push({
      anyOf: [Condition.MISSING_PREREQUISITES],
      reason: `${e.missingPrerequisites.length} prerequisite course(s) to take before starting: ${e.missingPrerequisites.map((c) => c.code).join(', ')}.`,
    });
  }
  return required;
}

/** Conditions that can apply to this outcome and applicant at all. */
function applicable(outcome: DecisionOutcome, e: Eligibility): Set<Condition> {
  const kinds = new Set(requirements(outcome, e).flatMap((r) => r.anyOf));
  if (ADMITTING.has(outcome)) kinds.add(Condition.COMMITTEE_REQUIREMENT);
  return kinds;
}

/** Why a condition cannot apply, for the refusal. */
function inapplicableReason(kind: Condition, outcome: DecisionOutcome, e: Eligibility): string {
  if (!ADMITTING.has(outcome)) return 'only an admission carries conditions';
  switch (kind) {
    case Condition.PREPARATORY_COURSES:
      return outcome === DecisionOutcome.ADMIT ? `the route is ${e.route}, not CONDITIONAL` : 'a transfer offer has no preparatory courses';
    case Condition.ENGLISH_EXAM:
    case Condition.ENGLISH_LANGUAGE_SCHOOL:
      return `the applicant holds an accepted English certificate (${e.bestEnglishCertificate?.test} ${e.bestEnglishCertificate?.score})`;
    case Condition.MISSING_PREREQUISITES:
      return outcome === DecisionOutcome.ADMIT ? 'no prerequisite course is missing' : 'a transfer offer has no master prerequisites';
    default:
      return 'it does not apply';
  }
}

function rejectionReasonsFor(e: Eligibility): RejectionReason[] {
  const has = (code: Code) => e.problems.some((p) => p.code === code);
  if (has(Code.IMPROPER_DOCUMENTS)) return [RejectionReason.IMPROPER_DOCUMENTS];
  const reasons: RejectionReason[] = [];
  if (has(Code.MINIMUM_GRADE_NOT_MET)) reasons.push(RejectionReason.MINIMUM_GRADE_NOT_MET);
  if (has(Code.MISSING_REFERENCES)) reasons.push(RejectionReason.MISSING_REFERENCES);
  if (has(Code.MISSING_PORTFOLIO)) reasons.push(RejectionReason.MISSING_PORTFOLIO);
  if (has(Code.NO_RELEVANT_BACKGROUND)) reasons.push(RejectionReason.NO_RELEVANT_BACKGROUND);
  reasons.push(RejectionReason.COMMITTEE_JUDGEMENT);
  return reasons;
}

function outcomeProblems(outcome: DecisionOutcome, e: Eligibility): DecisionProblem[] {
  const improper = e.problems.filter((p) => p.code === Code.IMPROPER_DOCUMENTS);
  if (improper.length > 0) return outcome === DecisionOutcome.REJECT ? [] : improper;
  if (!ADMITTING.has(outcome)) return [];
  const problems: DecisionProblem[] = admissionProblems(e).filter((p) => p.code !== Code.WITHDRAWN);
  if (outcome === DecisionOutcome.ADMIT && e.route === AdmissionRoute.TRANSFER) {
    problems.unshift(e.problems.find((p) => p.code === Code.TRANSFER_ROUTE)!);
  }
  if (outcome === DecisionOutcome.ADMIT_AS_TRANSFER && e.route !== AdmissionRoute.TRANSFER) {
    problems.unshift({ code: Code.NOT_TRANSFER_ROUTE, message: 'ADMIT_AS_TRANSFER is for applicants with under 180 ECTS (the transfer route).' });
  }
  return problems;
}

/** Every outcome with what it would take: the decision draft the chair sees before recording. */
export function decisionOptions(e: Eligibility): DecisionOption[] {
  return Object.values(DecisionOutcome).map((outcome) => {
    const problems = outcomeProblems(outcome, e);
    const required = requirements(outcome, e);
    const requiredKinds = new Set(required.flatMap((r) => r.anyOf));
    return {
      outcome,
      allowed: problems.length === 0,
      problems,
      requiredConditions: required,
      optionalConditions: [...applicable(outcome, e)].filter((kind) => !requiredKinds.has(kind) && kind !== Condition.COMMITTEE_REQUIREMENT),
      proposedConditions: required.map((r) => r.anyOf[0]),
      rejectionReasons: outcome === DecisionOutcome.REJECT ? rejectionReasonsFor(e) : [],
    };
  });
}

/** An admitting outcome open to the applicant, with the conditions it would have to carry. */
export interface AdmissionOffer {
  outcome: DecisionOutcome;
  requiredConditions: ConditionRequirement[];
}

/** What an admission would carry, for the committee reading the file before it votes. */
export function admissionOffers(e: Eligibility): AdmissionOffer[] {
  return decisionOptions(e)
    .filter((option) => option.allowed && ADMITTING.has(option.outcome))
    .map(({ outcome, requiredConditions }) => ({ outcome, requiredConditions }));
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  /** Null: take the proposed conditions. */
  conditions: Condition[] | null;
  committeeRequirements: string[];
  rejectionReason: RejectionReason | null;
  scholarshipPercent: number | null;
}

export interface ConditionToRecord {
  kind: Condition;
  required: boolean;
  description: string;
}

/** Judges a decision the chair records; the conditions it will carry, or the one refusal. */
export function judgeDecision(e: Eligibility, input: DecisionInput): { refusal: AppError } | { conditions: ConditionToRecord[] } {
  const option = decisionOptions(e).find((o) => o.outcome === input.outcome)!;
  if (!option.allowed) {
    const routeOnly = option.problems.every((p) => p.code === Code.TRANSFER_ROUTE || p.code === Code.NOT_TRANSFER_ROUTE);
    return {
      refusal: routeOnly
        ? badInput('outcome', option.problems.map((p) => p.message).join(' '))
        : notEligible(`${input.outcome} is not open to this applicant`, option.problems, 'outcome'),
    };
  }
  const admitting = ADMITTING.has(input.outcome);
  if (!admitting && input.conditions && input.conditions.length > 0) return { refusal: badInput('conditions', 'Only an admission carries conditions.') };
  if (!admitting && input.committeeRequirements.length > 0) return { refusal: badInput('committeeRequirements', 'Only an admission carries conditions.') };
  if (!admitting && input.scholarshipPercent !== null) return { refusal: badInput('scholarshipPercent', 'Only an admitted applicant can get a scholarship.') };

  if (input.outcome === DecisionOutcome.REJECT) {
    if (!input.rejectionReason) return { refusal: badInput('rejectionReason', `A rejection states its reason: one of ${option.rejectionReasons.join(', ')}.`) };
    if (!option.rejectionReasons.includes(input.rejectionReason)) {
      return { refusal: badInput('rejectionReason', `${input.rejectionReason} does not fit this applicant's file; it may be rejected for ${option.rejectionReasons.join(', ')}.`) };
    }
  } else if (input.rejectionReason) {
    return { refusal: badInput('rejectionReason', 'Only a rejection has a rejection reason.') };
  }

  const kinds = [...new Set(input.conditions ?? option.proposedConditions)];
  const allowedKinds = applicable(input.outcome, e);
  for (const kind of kinds) {
    if (kind === Condition.COMMITTEE_REQUIREMENT) {
      return { refusal: badInput('conditions', 'A committee requirement is given in words: use committeeRequirements.') };
    }
    if (!allowedKinds.has(kind)) return { refusal: badInput('conditions', `${kind} cannot apply: ${inapplicableReason(kind, input.outcome, e)}.`) };
  }
  const missing = option.requiredConditions.filter((r) => !r.anyOf.some((kind) => kinds.includes(kind)));
  if (missing.length > 0) {
    return {
      refusal: new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Required, and cannot be left out: ${missing.map((r) => `${r.anyOf.join(' or ')} (${r.reason})`).join('; ')}`,
        { field: 'conditions', missing: missing.map((r) => r.anyOf) },
      ),
    };
  }
  const reasonOf = (kind: Condition) => option.requiredConditions.find((r) => r.anyOf.includes(kind));
  const conditions: ConditionToRecord[] = kinds.map((kind) => ({
    kind,
    required: reasonOf(kind) !== undefined,
    description: reasonOf(kind)?.reason ?? englishAlternative(kind),
  }));
  input.committeeRequirements.forEach((text) => conditions.push({ kind: Condition.COMMITTEE_REQUIREMENT, required: false, description: text }));
  return { conditions };
}

function englishAlternative(kind: Condition): string {
  return `Added by the committee as a second way to meet the English requirement (${kind}).`;
}

/** The chair's step is possible now: after voting closed, once, for an applicant still in the running. */
export function recordingRefusal(f: { withdrawn: boolean; votingStatus: VotingStatus | null; decided: boolean }): AppError | null {
  if (f.withdrawn) return invalidState('The applicant has withdrawn.', 'applicantId');
  if (f.votingStatus !== null && f.votingStatus !== VotingStatus.CLOSED) return invalidState('Close voting on this applicant before recording the decision.', 'applicantId');
  if (f.decided) return conflict('The applicant already has a decision.', 'applicantId');
  return null;
}

/** The office rejects without a session only an improper application (for improper documents). */
export function officeRejectionRefusal(e: Eligibility): AppError | null {
  return e.problems.some((p) => p.code === Code.IMPROPER_DOCUMENTS)
    ? null
    : invalidState('The application is not improper (no document is photographed): the committee decides on it in a review session.', 'applicantId');
}

/** The office's steps after a decision, each recorded once. */
export type Milestone = 'publishedAt' | 'tuitionPaidAt' | 'letterIssuedAt';

/**
 * Publish the decision, record the tuition payment, issue the acceptance letter: tuition and the
 * letter only for an admission, tuition once published, the letter once published and paid.
 */
export function milestoneRefusal(d: { outcome: DecisionOutcome } & Partial<Record<Milestone, Date | null>>, milestone: Milestone): AppError | null {
  if (d[milestone]) return invalidState('This was already recorded.', 'applicantId');
  if (milestone !== 'publishedAt' && !ADMITTING.has(d.outcome)) return invalidState('Only an admission has tuition and an acceptance letter.', 'applicantId');
  if (milestone === 'tuitionPaidAt' && !d.publishedAt) return invalidState('Publish the decision first.', 'applicantId');
  if (milestone === 'letterIssuedAt' && !(d.publishedAt && d.tuitionPaidAt)) {
    return invalidState('The acceptance letter is issued only after the decision is published and the tuition paid.', 'applicantId');
  }
  return null;
}

/** Each step of the office and the milestone it records. */
export const MILESTONE_OF: Readonly<Record<OfficeStep, Milestone>> = {
  [OfficeStep.PUBLISH]: 'publishedAt',
  [OfficeStep.RECORD_TUITION]: 'tuitionPaidAt',
  [OfficeStep.ISSUE_LETTER]: 'letterIssuedAt',
};

/** The office's steps the rules allow on this decision now (at most one, as they go in order). */
export function officeStepsOpen(d: Parameters<typeof milestoneRefusal>[0]): OfficeStep[] {
  return Object.values(OfficeStep).filter((step) => milestoneRefusal(d, MILESTONE_OF[step]) === null);
}

// ---------------------------------------------------------------------------------------
// Who sees a decision
// ---------------------------------------------------------------------------------------

/** A member conflicted with the applicant sees nothing of the decision until it is published. */
export function mayViewDecision(f: { isOfficer: boolean; conflicted: boolean; published: boolean }): boolean {
  return f.isOfficer || f.published || !f.conflicted;
}

/**
 * SQL twin of `mayViewDecision` for a decision row aliased `d`, given the viewer: officers see
 * every decision; others none of an applicant they are conflicted with before publication.
 */
export function decisionVisibleSql(d: string, viewer: { isOfficer: boolean; conflictedApplicantIds: readonly string[] }): { sql: string; bindings: string[][] } {
  if (viewer.isOfficer) return { sql: 'true', bindings: [] };
  return { sql: `(${d}.published_at is not null or not (${d}.applicant_id = any(?::uuid[])))`, bindings: [[...viewer.conflictedApplicantIds]] };
}

// ---------------------------------------------------------------------------------------
// After the decision: each condition judged from its evidence
// ---------------------------------------------------------------------------------------

export interface ConditionEvidence {
  kind: Condition;
  courses: readonly CourseSnapshot[] | null;
  acceptanceSignedOn: string | null;
  courseResults: readonly CourseResult[] | null;
  takenCourseCodes: readonly string[];
  examPassed: boolean | null;
  schoolResult: LanguageSchoolResult | null;
  recognised: boolean | null;
  requirementMet: boolean | null;
}

/** ECTS-weighted grade point average over the results (F and N/A count 0); null without results. */
export function preparatoryCgpa(courses: readonly CourseSnapshot[], results: readonly CourseResult[]): number | null {
  let points = 0;
  let credits = 0;
  for (const result of results) {
    const ects = courses.find((c) => c.code === result.courseCode)?.ects ?? 0;
    points += (result.outcome === CourseOutcome.GRADED ? (result.gradePoints ?? 0) : 0) * ects;
    credits += ects;
  }
  return credits === 0 ? null : points / credits;
}

export function conditionStatus(e: ConditionEvidence): ConditionStatus {
  const from = (value: boolean | null) => (value === null ? ConditionStatus.OUTSTANDING : value ? ConditionStatus.MET : ConditionStatus.FAILED);
  switch (e.kind) {
    case Condition.RECOGNITION_OF_PRIOR_EDUCATION:
      return from(e.recognised);
    case Condition.ENGLISH_EXAM:
      return from(e.examPassed);
    case Condition.COMMITTEE_REQUIREMENT:
      return from(e.requirementMet);
    case Condition.ENGLISH_LANGUAGE_SCHOOL:
      if (e.schoolResult === LanguageSchoolResult.COMPLETED) return ConditionStatus.MET;
      return e.schoolResult === LanguageSchoolResult.NOT_COMPLETED ? ConditionStatus.FAILED : ConditionStatus.OUTSTANDING;
    case Condition.MISSING_PREREQUISITES: {
      const taken = new Set(e.takenCourseCodes);
      return (e.courses ?? []).every((c) => taken.has(c.code)) ? ConditionStatus.MET : ConditionStatus.OUTSTANDING;
    }
    case Condition.PREPARATORY_COURSES: {
      if (!e.acceptanceSignedOn || !e.courses) return ConditionStatus.OUTSTANDING;
      const results = e.courseResults ?? [];
      if (results.some((r) => r.outcome !== CourseOutcome.GRADED)) return ConditionStatus.FAILED;
      if (!e.courses.every((c) => results.some((r) => r.courseCode === c.code))) return ConditionStatus.OUTSTANDING;
      return (preparatoryCgpa(e.courses, results) ?? 0) >= MINIMUM_PREPARATORY_CGPA ? ConditionStatus.MET : ConditionStatus.FAILED;
    }
  }
}

/** English paths are alternatives (either one met is enough); every other condition stands alone. */
function groupOf(condition: { id: string; kind: Condition }): string {
  return ENGLISH_PATHS.includes(condition.kind) ? 'ENGLISH' : condition.id;
}

/** Where an admission stands; null for an outcome that is not an admission. */
export function admissionStatus(outcome: DecisionOutcome, conditions: readonly { id: string; kind: Condition; status: ConditionStatus }[]): AdmissionStatus | null {
  if (!ADMITTING.has(outcome)) return null;
  const groups = new Map<string, ConditionStatus[]>();
  for (const c of conditions) groups.set(groupOf(c), [...(groups.get(groupOf(c)) ?? []), c.status]);
  const states = [...groups.values()];
  if (states.some((s) => s.every((status) => status === ConditionStatus.FAILED))) return AdmissionStatus.CONDITION_FAILED;
  if (states.every((s) => s.includes(ConditionStatus.MET))) return AdmissionStatus.FINAL;
  return AdmissionStatus.CONDITIONS_OUTSTANDING;
}

/** The conditions still to meet: outstanding ones whose requirement no alternative has met yet. */
export function outstandingConditions<C extends { id: string; kind: Condition; status: ConditionStatus }>(conditions: readonly C[]): C[] {
  const metGroups = new Set(conditions.filter((c) => c.status === ConditionStatus.MET).map(groupOf));
  return conditions.filter((c) => c.status === ConditionStatus.OUTSTANDING && !metGroups.has(groupOf(c)));
}

/** SQL twin of `admissionStatus` for a decision row aliased `d`. */
export function admissionStatusSql(d: string): string {
  const english = ENGLISH_PATHS.map((kind) => `'${kind}'`).join(', ');
  return `case when ${d}.outcome in (${[...ADMITTING].map((o) => `'${o}'`).join(', ')}) then (
    select case when coalesce(bool_or(g.failed), false) then '${AdmissionStatus.CONDITION_FAILED}'
                when coalesce(bool_and(g.met), true) then '${AdmissionStatus.FINAL}'
                else '${AdmissionStatus.CONDITIONS_OUTSTANDING}' end
      from (select bool_or(c.status = '${ConditionStatus.MET}') as met, bool_and(c.status = '${ConditionStatus.FAILED}') as failed
              from decision_condition c where c.decision_id = ${d}.id
             group by case when c.kind in (${english}) then 'ENGLISH' else c.id::text end) g) end`;
}

/** Evidence is recorded for a published admission that is not final yet, of the condition's own kind. */
export function evidenceRefusal(f: { published: boolean; admissionStatus: AdmissionStatus | null; kind: Condition; evidenceKind: Condition }): AppError | null {
  if (!f.published) return invalidState('Publish the decision first: its conditions are tracked once the applicant has the offer.', 'conditionId');
  if (f.admissionStatus === AdmissionStatus.FINAL) return invalidState('The admission is final: every condition is met.', 'conditionId');
  if (f.kind !== f.evidenceKind) return badInput('evidence', `This condition is ${f.kind}; its evidence is not ${f.evidenceKind}'s.`);
  return null;
}
