import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { keysetPage, ordering, Ordering, Page, PageRequest, toPage } from '../common/pagination';
import { numeric, timestamp } from '../common/scalars';
import { DecisionOutcome } from '../decisions/decision.enums';
import { decisionVisibleSql } from '../decisions/policy';
import { AdmissionRoute, ApplicationStatus } from './applicant.enums';
import { ApplicantNode } from './applicant.type';
import { ROUTE_SQL, statusSql } from './policy';

/**
 * Route and status are derived in SQL (so they can filter and sort a page) by the SQL twins of
 * the predicates in policy.ts (test/applicants/policy-parity.test.ts runs both on the same rows).
 * The status is read twice: as the committee sees it, and as a member conflicted with the
 * applicant does, for whom an unpublished decision does not exist (decisions/policy.ts).
 */
const STATUS_ALL_SQL = statusSql('true');
const STATUS_PUBLISHED_SQL = statusSql('d.published_at is not null');

function selectApplicants(db: Knex) {
  return db('applicant as a').select(
    'a.*',
    db.raw(`${ROUTE_SQL} as route`),
    db.raw(`${STATUS_ALL_SQL} as status`),
    db.raw(`${STATUS_PUBLISHED_SQL} as status_published_only`),
  );
}

function toApplicant(row: any): ApplicantNode {
  return Object.assign(new ApplicantNode(), {
    id: toGlobalId('Applicant', row.id),
    dbId: row.id,
    programId: row.program_id,
    intakeId: row.intake_id,
    firstName: row.first_name,
    lastName: row.last_name,
    fullName: `${row.first_name} ${row.last_name}`,
    email: row.email,
    nationality: row.nationality,
    needsVisa: row.needs_visa,
    priorInstitution: row.prior_institution,
    priorDegree: row.prior_degree,
    ects: row.ects,
    grade: { value: numeric(row.grade_value), scale: row.grade_scale },
    relevantBackground: row.relevant_background,
    completedCourses: row.completed_courses,
    route: row.route,
    statusWithDecisions: row.status,
    statusWithPublishedDecisions: row.status_published_only,
    withdrawnAt: timestamp(row.withdrawn_at),
    anonymisedAt: timestamp(row.anonymised_at),
    createdAt: timestamp(row.created_at),
  });
}

export async function applicantsById(db: Knex, ids: readonly string[]): Promise<ApplicantNode[]> {
  return (await selectApplicants(db).whereIn('a.id', ids)).map(toApplicant);
}

/** Database ids, already decoded from global IDs. */
export interface ApplicantQuery {
  programId?: string;
  intakeId?: string;
  reviewWeekId?: string;
  route?: AdmissionRoute;
  decision?: DecisionOutcome;
  status?: ApplicationStatus;
  needsVisa?: boolean;
  search?: string;
  /** Restrict to applicants on the agenda of sessions this member sits on. */
  visibleToMember?: string;
  /** What the viewer may see of decisions (filters and counts must not move with a hidden one). */
  viewer: { isOfficer: boolean; conflictedApplicantIds: readonly string[] };
  page: PageRequest;
}

/** The orders a page of applicants can be read in; the id makes each key unique. */
export const APPLICANT_ORDERINGS = {
  LAST_NAME: (direction: 'asc' | 'desc'): Ordering => ordering('applicants', 'last_name', direction, [{ sql: 'a.last_name', type: 'text' }, { sql: 'a.id', type: 'uuid' }]),
  CREATED_AT: (direction: 'asc' | 'desc'): Ordering => ordering('applicants', 'created_at', direction, [{ sql: 'a.created_at', type: 'timestamptz' }, { sql: 'a.id', type: 'uuid' }]),
  ECTS: (direction: 'asc' | 'desc'): Ordering => ordering('applicants', 'ects', direction, [{ sql: 'a.ects', type: 'integer' }, { sql: 'a.id', type: 'uuid' }]),
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function applicantPage(db: Knex, query: ApplicantQuery): Promise<Page<ApplicantNode>> {
  const q = selectApplicants(db);
  if (query.programId) q.where('a.program_id', query.programId);
  if (query.intakeId) q.where('a.intake_id', query.intakeId);
  if (query.needsVisa !== undefined) q.where('a.needs_visa', query.needsVisa);
  const decisionVisible = decisionVisibleSql('d', query.viewer);
  if (query.route) q.whereRaw(`${ROUTE_SQL} = ?`, [query.route]);
  if (query.status) q.whereRaw(`${statusSql(decisionVisible.sql)} = ?`, [...decisionVisible.bindings, query.status]);
  if (query.decision) {
    q.whereExists(
      db('decision as d').whereRaw('d.applicant_id = a.id').where('d.outcome', query.decision).whereRaw(decisionVisible.sql, decisionVisible.bindings).select(db.raw('1')),
    );
  }
  if (query.reviewWeekId) {
    q.whereExists(
      db('agenda_item as ai')
        .join('review_session as s', 's.id', 'ai.session_id')
        .whereRaw('ai.applicant_id = a.id')
        .where('s.week_id', query.reviewWeekId)
        .select(db.raw('1')),
    );
  }
  if (query.visibleToMember) {
    q.whereExists(
      db('agenda_item as ai')
        .join('review_session as s', 's.id', 'ai.session_id')
        .join('committee_member as cm', 'cm.committee_id', 's.committee_id')
        .whereRaw('ai.applicant_id = a.id')
        .where('cm.user_id', query.visibleToMember)
        .select(db.raw('1')),
    );
  }
  if (query.search?.trim()) {
    const pattern = `%${escapeLike(query.search.trim())}%`;
    q.whereRaw(`(a.first_name || ' ' || a.last_name) ilike ?`, [pattern]);
  }
  return toPage(await keysetPage(db, q, query.page), toApplicant);
}
