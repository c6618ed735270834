import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { serialized } from './common/serial-knex';
import { transactionKnex } from './db/transaction-knex';
import type DataLoader from 'dataloader';
import { applicantsById } from './applicants/applicant.queries';
import { Dossier, dossiersByApplicant } from './applicants/dossier.queries';
import { loaderById, loaderByParent, loaderPart } from './common/loader';
import {
  committeesById,
  membersByCommittee,
  membersById,
  programIdsByCommittee,
  usersById,
} from './committees/committee.queries';
import { conflictsPerApplicant } from './conflicts/conflict.queries';
import { MAX_PAGE_SIZE } from './common/pagination';
import { ConflictType } from './conflicts/conflict.type';
import { conditionsByDecision, conditionsById, decisionsById } from './decisions/decision.queries';
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
  presentMembersBySession,
  sessionsByWeek,
  talliesByAgendaItem,
  votesByApplicant,
  votesById,
} from './reviews/review.queries';

/**
 * One DataLoader per relation, made per operation: every relation a resolver walks costs one
 * statement per page, whatever the page size. Each is built on first use: an operation touches a
 * few of them, and a live subscription's context lives for hours.
 */
/** What the loaders that are parts of the dossier read from. */
interface WithDossier {
  readonly dossier: DataLoader<string, Dossier | null>;
}

const DEFINITIONS = {
  /** References, portfolio, its items, documents and decision of applicants: one statement. */
  dossier: (db: Knex) => loaderById((ids) => dossiersByApplicant(db, ids), (r) => r.applicantId),
  program: (db: Knex) => loaderById((ids) => programsById(db, ids), (r) => r.dbId),
  rubricByProgram: (db: Knex) => loaderByParent((ids) => rubricByProgram(db, ids), (r) => r.programId),
  criterion: (db: Knex) => loaderById((ids) => criteriaById(db, ids), (r) => r.dbId),
  intake: (db: Knex) => loaderById((ids) => intakesById(db, ids), (r) => r.dbId),
  week: (db: Knex) => loaderById((ids) => weeksById(db, ids), (r) => r.dbId),
  weeksByIntake: (db: Knex) => loaderByParent((ids) => weeksByIntake(db, ids), (r) => r.intakeId),
  applicant: (db: Knex) => loaderById((ids) => applicantsById(db, ids), (r) => r.dbId),
  document: (db: Knex) => loaderById((ids) => documentsById(db, ids), (r) => r.dbId),
  documentsByApplicant: (_db: Knex, l: WithDossier) => loaderPart(l.dossier, (d) => d?.documents ?? []),
  englishCertificatesByApplicant: (_db: Knex, l: WithDossier) => loaderPart(l.dossier, (d) => d?.englishCertificates ?? []),
  reference: (db: Knex) => loaderById((ids) => referencesById(db, ids), (r) => r.dbId),
  referencesByApplicant: (_db: Knex, l: WithDossier) => loaderPart(l.dossier, (d) => d?.references ?? []),
  portfolio: (db: Knex) => loaderById((ids) => portfoliosById(db, ids), (r) => r.dbId),
  portfolioByApplicant: (_db: Knex, l: WithDossier) => loaderPart(l.dossier, (d) => d?.portfolio ?? null),
  portfolioItem: (db: Knex) => loaderById((ids) => portfolioItemsById(db, ids), (r) => r.dbId),
  portfolioItemsByApplicant: (_db: Knex, l: WithDossier) => loaderPart(l.dossier, (d) => d?.portfolioItems ?? []),
  user: (db: Knex) => loaderById((ids) => usersById(db, ids), (r) => r.dbId),
  committee: (db: Knex) => loaderById((ids) => committeesById(db, ids), (r) => r.dbId),
  committeeMember: (db: Knex) => loaderById((ids) => membersById(db, ids), (r) => r.dbId),
  membersByCommittee: (db: Knex) => loaderByParent((ids) => membersByCommittee(db, ids), (r) => r.committeeId),
  programIdsByCommittee: (db: Knex) => loaderByParent((ids) => programIdsByCommittee(db, ids), (r) => r.committeeId),
  session: (db: Knex) => loaderById((ids) => sessionsById(db, ids), (r) => r.dbId),
  sessionsByWeek: (db: Knex) => loaderByParent((ids) => sessionsByWeek(db, ids), (r) => r.weekId),
  presentBySession: (db: Knex) => loaderByParent((ids) => presentMembersBySession(db, ids), (r) => r.sessionId),
  agendaItem: (db: Knex) => loaderById((ids) => agendaItemsById(db, ids), (r) => r.dbId),
  agendaBySession: (db: Knex) => loaderByParent((ids) => agendaBySession(db, ids), (r) => r.sessionId),
  agendaByApplicant: (db: Knex) => loaderByParent((ids) => agendaByApplicant(db, ids), (r) => r.applicantId),
  vote: (db: Knex) => loaderById((ids) => votesById(db, ids), (r) => r.dbId),
  votesByApplicant: (db: Knex) => loaderByParent((ids) => votesByApplicant(db, ids), (r) => r.applicantId),
  comment: (db: Knex) => loaderById((ids) => commentsById(db, ids), (r) => r.dbId),
  commentsByApplicant: (db: Knex) => loaderByParent((ids) => commentsByApplicant(db, ids), (r) => r.applicantId),
  revisionsByVote: (db: Knex) => loaderByParent((ids) => revisionsByVote(db, ids), (r) => r.voteId),
  tally: (db: Knex) => loaderById((ids) => talliesByAgendaItem(db, ids), (r) => r.agendaItemId),
  conflictsByApplicant: (db: Knex) => loaderByParent(
    // The most Applicant.conflicts answers (its `first`), however many members share an institution.
    async (ids) => (await conflictsPerApplicant(db, ids, MAX_PAGE_SIZE)).map((c) => Object.assign(new ConflictType(), c)),
    (r) => r.applicantId,
  ),
  decision: (db: Knex) => loaderById((ids) => decisionsById(db, ids), (r) => r.dbId),
  decisionByApplicant: (_db: Knex, l: WithDossier) => loaderPart(l.dossier, (d) => d?.decision ?? null),
  condition: (db: Knex) => loaderById((ids) => conditionsById(db, ids), (r) => r.dbId),
  conditionsByDecision: (db: Knex) => loaderByParent((ids) => conditionsByDecision(db, ids), (r) => r.decisionId),
};

export type Loaders = { readonly [K in keyof typeof DEFINITIONS]: ReturnType<(typeof DEFINITIONS)[K]> };

class LazyLoaders {
  readonly built: Record<string, DataLoader<string, unknown>> = {};
  constructor(readonly db: Knex) {}
}
for (const [name, build] of Object.entries(DEFINITIONS) as [string, (db: Knex, loaders: WithDossier) => DataLoader<string, unknown>][]) {
  Object.defineProperty(LazyLoaders.prototype, name, {
    get(this: LazyLoaders) {
      return (this.built[name] ??= build(this.db, this as unknown as WithDossier));
    },
  });
}

export function createLoaders(db: Knex): Loaders {
  return new LazyLoaders(db) as unknown as Loaders;
}

/**
 * Loaders that read inside the caller's transaction (what a writer's rule check must judge: the
 * state it is about to commit), their statements queued on its one connection.
 */
export function transactionLoaders(em: EntityManager): Loaders {
  return createLoaders(serialized(transactionKnex(em)));
}
