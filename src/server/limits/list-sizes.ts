import { getNamedType, getNullableType, GraphQLCompositeType, GraphQLField, isCompositeType, isListType } from 'graphql';
import { CAPS, INPUT_CAPS } from '../../common/caps';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination';
import { MAX_INPUT_LIST_ITEMS } from '../../common/validation';

/**
 * How many items the cost analysis takes a list field to hold, by `Type.field`. Connections are
 * counted by their `first`/`last` (pagination.ts refuses more than 100); plain lists by the most
 * the domain gives them, kept by the writers (common/caps.ts). A list not named here counts as
 * DEFAULT_LIST_SIZE. The README's "Limits" section lists these.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  // Reports: one row per program, session, day or dimension value of the filtered range.
  'Query.scoringReport': 100,
  'Query.funnelReport': 100,
  'Query.applicantMixReport': 100,
  'Query.decisionsPerDay': 1099, // a row per day of the longest range a report reads (reporting/report-scope.ts MAX_RANGE_DAYS + 1)
  // Counts per value of a small enumeration: as many rows as the enumeration has values.
  'FunnelRow.decisions': 4,
  'DecisionDay.decisions': 4,
  'FunnelRow.conditionalAdmissions': 6,
  'ScoringRow.overallDistribution': 5,
  'Calibration.applicants': 500,
  'Calibration.reviewers': 50,
  'CommitteeWork.members': 50,
  'CommitteeWork.sessions': 100,
  'CommitteeWork.weeks': 20,
  // Lists whose writers keep to a cap (common/caps.ts): a session's agenda, the seats of a
  // committee and the votes they cast (one per seat), the discussion of one applicant.
  'ReviewSession.agenda': CAPS.itemsPerAgenda.max,
  'ReviewWeek.sessions': CAPS.sessionsPerWeek.max,
  'Intake.reviewWeeks': CAPS.weeksPerIntake.max,
  'AgendaItem.votes': CAPS.seatsPerCommittee.max,
  'AgendaItem.comments': CAPS.commentsPerAgendaItem.max,
  'Applicant.votes': CAPS.agendasPerApplicant.max * CAPS.seatsPerCommittee.max,
  'Committee.members': CAPS.seatsPerCommittee.max,
  // Who has a session open: members of its committee, at most every seat.
  'ReviewSession.present': CAPS.seatsPerCommittee.max,
  'Committee.programs': INPUT_CAPS.programsPerCommittee,
  // An applicant's file.
  'Applicant.agendaItems': CAPS.agendasPerApplicant.max,
  'Applicant.sessions': CAPS.agendasPerApplicant.max,
  'Applicant.references': CAPS.referencesPerApplicant.max,
  'Applicant.documents': CAPS.documentsPerApplicant.max,
  'Applicant.portfolioItems': CAPS.portfolioItemsPerApplicant.max,
  'Portfolio.items': CAPS.portfolioItemsPerApplicant.max,
  'Applicant.englishCertificates': INPUT_CAPS.englishCertificates,
  'Applicant.completedCourses': MAX_INPUT_LIST_ITEMS,
  // Rubrics and programs' course lists (set whole, at most so many).
  'Program.rubric': INPUT_CAPS.criteriaPerRubric,
  'Tally.criteria': INPUT_CAPS.criteriaPerRubric,
  'Vote.scores': INPUT_CAPS.criteriaPerRubric,
  'VoteRevision.scores': INPUT_CAPS.criteriaPerRubric,
  'ScoringRow.criteria': INPUT_CAPS.criteriaPerRubric,
  'RubricCriterion.levels': 5,
  'Eligibility.missingPrerequisites': INPUT_CAPS.coursesPerProgram,
  'PrerequisitesEvidence.courses': INPUT_CAPS.coursesPerProgram,
  'PrerequisitesEvidence.remaining': INPUT_CAPS.coursesPerProgram,
  'PreparatoryCoursesEvidence.courses': INPUT_CAPS.coursesPerProgram,
  'PreparatoryCoursesEvidence.results': INPUT_CAPS.coursesPerProgram,
  // Findings of the admission rules: one per rule that fails (13 codes), with room.
  'Eligibility.problems': 20,
  'DecisionOption.problems': 20,
  // A draft offers each outcome once; conditions are the six kinds and the committee's own in words.
  'DecisionDraft.options': 4,
  'DecisionOption.requiredConditions': 6,
  // The admitting outcomes (ADMIT, ADMIT_AS_TRANSFER), with the same requirements as the draft's.
  'Eligibility.admissionOffers': 2,
  'AdmissionOffer.requiredConditions': 6,
  'Decision.officeSteps': 3,
  'Decision.outstandingConditions': 6 + MAX_INPUT_LIST_ITEMS,
  'Decision.trackedConditions': 6 + MAX_INPUT_LIST_ITEMS,
  'Tally.recommendations': 5,
  'Program.prerequisites': INPUT_CAPS.coursesPerProgram,
  'Program.preparatoryCourses': INPUT_CAPS.coursesPerProgram,
};

/** Any other list (enumerations of a few values, findings, conditions). */
export const DEFAULT_LIST_SIZE = 20;

/** The item count the analysis assumes for `field` of `parent` with these arguments (1: not a list). */
export function listSize(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  // A connection's own lists hold the page its field asked for, already counted there.
  if (parent.name.endsWith('Connection')) return 1;
  if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
    const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
    return Math.max(0, Math.min(asked, MAX_PAGE_SIZE));
  }
  if (!isListType(getNullableType(field.type))) return 1;
  if (Array.isArray(args.ids)) return args.ids.length;
  return LIST_SIZES[`${parent.name}.${field.name}`] ?? DEFAULT_LIST_SIZE;
}

/** Whether the field's values are objects (what the node budget counts), not scalars. */
export const isObjectField = (field: GraphQLField<unknown, unknown>) => isCompositeType(getNamedType(field.type));
