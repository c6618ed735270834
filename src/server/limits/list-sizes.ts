import { getNamedType, getNullableType, GraphQLCompositeType, GraphQLField, isCompositeType, isListType } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination';

/**
 * How many items the cost analysis takes a list field to hold, by `Type.field`. Connections are
 * counted by their `first`/`last` (pagination.ts refuses more than 100); plain lists by the most
 * the domain gives them (a committee's seats, a rubric's criteria, a session's agenda). A list
 * not named here counts as DEFAULT_LIST_SIZE. The README's "Limits" section lists these.
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
  // A session's agenda (the agenda benchmark reads 50) and what a committee of ≤ 25 seats writes on it.
  'ReviewSession.agenda': 100,
  'ReviewWeek.sessions': 20,
  'AgendaItem.votes': 25,
  'AgendaItem.comments': 50,
  'Applicant.votes': 25,
  'Committee.members': 25,
  'Committee.programs': 20,
  // An applicant's file.
  'Applicant.agendaItems': 10,
  'Applicant.sessions': 10,
  'Applicant.references': 10,
  'Applicant.documents': 20,
  'Applicant.portfolioItems': 20,
  'Portfolio.items': 20,
  'Applicant.englishCertificates': 10,
  'Applicant.conflicts': 25,
  'Applicant.completedCourses': 100,
  // Rubrics and programs' course lists.
  'Program.rubric': 10,
  'Tally.criteria': 10,
  'Vote.scores': 10,
  'VoteRevision.scores': 10,
  'ScoringRow.criteria': 10,
  'RubricCriterion.levels': 5,
  'Vote.history': 20,
  'Intake.reviewWeeks': 10,
};

/** Any other list (enumerations of a few values, findings, conditions). */
export const DEFAULT_LIST_SIZE = 20;

/** The item count the analysis assumes for `field` of `parent` with these arguments (1: not a list). */
export function listSize(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  // A connection's own lists hold the page its field asked for, already counted there.
  if (parent.name.endsWith('Connection')) return 1;
  if (field.args.some((arg) => arg.name === 'first')) {
    const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
    return Math.max(0, Math.min(asked, MAX_PAGE_SIZE));
  }
  if (!isListType(getNullableType(field.type))) return 1;
  if (Array.isArray(args.ids)) return args.ids.length;
  return LIST_SIZES[`${parent.name}.${field.name}`] ?? DEFAULT_LIST_SIZE;
}

/** Whether the field's values are objects (what the node budget counts), not scalars. */
export const isObjectField = (field: GraphQLField<unknown, unknown>) => isCompositeType(getNamedType(field.type));
