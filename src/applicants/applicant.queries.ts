import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { keysetPage, ordering, Ordering, Page, PageRequest, toPage } from '../common/pagination';
import { numeric, timestamp } from '../common/scalars';
import { DecisionOutcome } from '../decisions/decision.entity';
import { AdmissionRoute, ApplicationStatus } from './applicant.enums';
import { ApplicantNode } from './applicant.type';
import { REGULAR_FROM_ECTS, TRANSFER_BELOW_ECTS } from './eligibility';

/**
 * Route and status are derived in SQL (so they can filter and sort a page) from the same
 * thresholds and rules as `assessEligibility`; a test checks the two agree on the demo data.
 */
export const ROUTE_SQL = `case when a.ects < ${TRANSFER_BELOW_ECTS} then 'TRANSFER' when a.ects < ${REGULAR_FROM_ECTS} then 'CONDITIONAL' else 'REGULAR' end`;

export const COMPLETE_SQL = `(
  (select count(*) from reference_letter r where r.applicant_id = a.id and r.academic and r.status = 'RECEIVED')
    >= (select p.min_academic_references from program p where p.id = a.program_id)
  and (not (select p.portfolio_required from program p where p.id = a.program_id)
       or exists (select 1 from portfolio pf join portfolio_item pi on pi.portfolio_id = pf.id
                   where pf.applicant_id = a.id and pf.submitted_at is not null))
  and not exists (select 1 from applicant_document d where d.applicant_id = a.id and d.quality = 'PHOTOGRAPHED')
)`;

export const STATUS_SQL = `case
  when a.withdrawn_at is not null then 'WITHDRAWN'
  when exists (select 1 from decision d where d.applicant_id = a.id) then 'DECIDED'
  when exists (select 1 from agenda_item ai where ai.applicant_id = a.id and ai.voting_status = 'CLOSED') then 'REVIEWED'
  when exists (select 1 from agenda_item ai where ai.applicant_id = a.id) then 'SCHEDULED'
  when ${COMPLETE_SQL} then 'COMPLETE'
  else 'INCOMPLETE' end`;

function selectApplicants(db: Knex) {
  return db('applicant as a').select('a.*', db.raw(`${ROUTE_SQL} as route`), db.raw(`${STATUS_SQL} as status`));
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
    englishCertificate: row.english_test ? { test: row.english_test, score: numeric(row.english_score) } : null,
    relevantBackground: row.relevant_background,
    completedCourses: row.completed_courses,
    route: row.route,
    status: row.status,
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
  page: PageRequest;
}

/** The orders a page of applicants can be read in; the id makes each key unique. */
export const APPLICANT_ORDERINGS = {
  LAST_NAME: (direction: 'asc' | 'desc'): Ordering => ordering('last_name', direction, [{ sql: 'a.last_name', type: 'text' }, { sql: 'a.id', type: 'uuid' }]),
  CREATED_AT: (direction: 'asc' | 'desc'): Ordering => ordering('created_at', direction, [{ sql: 'a.created_at', type: 'timestamptz' }, { sql: 'a.id', type: 'uuid' }]),
  ECTS: (direction: 'asc' | 'desc'): Ordering => ordering('ects', direction, [{ sql: 'a.ects', type: 'integer' }, { sql: 'a.id', type: 'uuid' }]),
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function applicantPage(db: Knex, query: ApplicantQuery): Promise<Page<ApplicantNode>> {
  const q = selectApplicants(db);
  if (query.programId) q.where('a.program_id', query.programId);
  if (query.intakeId) q.where('a.intake_id', query.intakeId);
  if (query.needsVisa !== undefined) q.where('a.needs_visa', query.needsVisa);
  if (query.route) q.whereRaw(`${ROUTE_SQL} = ?`, [query.route]);
  if (query.status) q.whereRaw(`${STATUS_SQL} = ?`, [query.status]);
  if (query.decision) {
    q.whereExists(db('decision as d').whereRaw('d.applicant_id = a.id').where('d.outcome', query.decision).select(db.raw('1')));
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
