import type { Knex } from '@mikro-orm/postgresql';
import { applicantsById } from './applicants/applicant.queries';
import { dossiersByApplicant } from './applicants/dossier.queries';
import { loaderById, loaderByParent, loaderPart } from './common/loader';
import {
  committeesById,
  membersByCommittee,
  membersById,
  programIdsByCommittee,
  usersById,
} from './committees/committee.queries';
import { effectiveConflicts } from './conflicts/conflict.queries';
import { ConflictType } from './conflicts/conflict.type';
import { decisionsById } from './decisions/decision.queries';
import { documentsById } from './documents/document.queries';
import { intakesById, weeksById, weeksByIntake } from './intakes/intake.queries';
import { portfolioItemsById, portfoliosById } from './portfolios/portfolio.queries';
import { criteriaById, programsById, rubricByProgram } from './programs/program.queries';
import { referencesById } from './references/reference.queries';
import {
  agendaByApplicant,
  agendaBySession,
  agendaItemsById,
  commentsByApplicant,
  commentsById,
  revisionsByVote,
  sessionsById,
  sessionsByWeek,
  talliesByAgendaItem,
  votesByApplicant,
  votesById,
} from './reviews/review.queries';

/**
 * One DataLoader per relation, made per operation: every relation a resolver walks costs one
 * statement per page, whatever the page size.
 */
export function createLoaders(db: Knex) {
  const dossier = loaderById((ids) => dossiersByApplicant(db, ids), (r) => r.applicantId);
  return {
    /** References, portfolio, its items, documents and decision of applicants: one statement. */
    dossier,
    program: loaderById((ids) => programsById(db, ids), (r) => r.dbId),
    rubricByProgram: loaderByParent((ids) => rubricByProgram(db, ids), (r) => r.programId),
    criterion: loaderById((ids) => criteriaById(db, ids), (r) => r.dbId),
    intake: loaderById((ids) => intakesById(db, ids), (r) => r.dbId),
    week: loaderById((ids) => weeksById(db, ids), (r) => r.dbId),
    weeksByIntake: loaderByParent((ids) => weeksByIntake(db, ids), (r) => r.intakeId),
    applicant: loaderById((ids) => applicantsById(db, ids), (r) => r.dbId),
    document: loaderById((ids) => documentsById(db, ids), (r) => r.dbId),
    documentsByApplicant: loaderPart(dossier, (d) => d?.documents ?? []),
    reference: loaderById((ids) => referencesById(db, ids), (r) => r.dbId),
    referencesByApplicant: loaderPart(dossier, (d) => d?.references ?? []),
    portfolio: loaderById((ids) => portfoliosById(db, ids), (r) => r.dbId),
    portfolioByApplicant: loaderPart(dossier, (d) => d?.portfolio ?? null),
    portfolioItem: loaderById((ids) => portfolioItemsById(db, ids), (r) => r.dbId),
    portfolioItemsByApplicant: loaderPart(dossier, (d) => d?.portfolioItems ?? []),
    user: loaderById((ids) => usersById(db, ids), (r) => r.dbId),
    committee: loaderById((ids) => committeesById(db, ids), (r) => r.dbId),
    committeeMember: loaderById((ids) => membersById(db, ids), (r) => r.dbId),
    membersByCommittee: loaderByParent((ids) => membersByCommittee(db, ids), (r) => r.committeeId),
    programIdsByCommittee: loaderByParent((ids) => programIdsByCommittee(db, ids), (r) => r.committeeId),
    session: loaderById((ids) => sessionsById(db, ids), (r) => r.dbId),
    sessionsByWeek: loaderByParent((ids) => sessionsByWeek(db, ids), (r) => r.weekId),
    agendaItem: loaderById((ids) => agendaItemsById(db, ids), (r) => r.dbId),
    agendaBySession: loaderByParent((ids) => agendaBySession(db, ids), (r) => r.sessionId),
    agendaByApplicant: loaderByParent((ids) => agendaByApplicant(db, ids), (r) => r.applicantId),
    vote: loaderById((ids) => votesById(db, ids), (r) => r.dbId),
    votesByApplicant: loaderByParent((ids) => votesByApplicant(db, ids), (r) => r.applicantId),
    comment: loaderById((ids) => commentsById(db, ids), (r) => r.dbId),
    commentsByApplicant: loaderByParent((ids) => commentsByApplicant(db, ids), (r) => r.applicantId),
    revisionsByVote: loaderByParent((ids) => revisionsByVote(db, ids), (r) => r.voteId),
    tally: loaderById((ids) => talliesByAgendaItem(db, ids), (r) => r.agendaItemId),
    conflictsByApplicant: loaderByParent(
      async (ids) => (await effectiveConflicts(db, { applicantIds: ids })).map((c) => Object.assign(new ConflictType(), c)),
      (r) => r.applicantId,
    ),
    decision: loaderById((ids) => decisionsById(db, ids), (r) => r.dbId),
    decisionByApplicant: loaderPart(dossier, (d) => d?.decision ?? null),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
