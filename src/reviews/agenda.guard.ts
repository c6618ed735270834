import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { eligibilityOf } from '../applicants/eligibility.facts';
import type { ApplicantNode } from '../applicants/applicant.type';
import { AppError } from '../common/errors';
import { transactionKnex } from '../db/transaction-knex';
import { Loaders, transactionLoaders } from '../loaders';
import { agendaBreachRefusal, agendaBreaches, AgendaFacts } from './policy';
import type { ReviewSessionNode } from './review.type';

/** Everything `agendaStandingRefusal` judges about one applicant on one session's agenda, through loaders. */
export async function agendaFacts(loaders: Loaders, session: ReviewSessionNode, applicant: ApplicantNode): Promise<AgendaFacts> {
  const [week, committee, programs, eligibility] = await Promise.all([
    loaders.week.load(session.weekId),
    loaders.committee.load(session.committeeId),
    loaders.programIdsByCommittee.load(session.committeeId),
    eligibilityOf(loaders, applicant),
  ]);
  return {
    sessionTitle: session.title,
    sessionStatus: session.status,
    committeeName: committee!.name,
    committeeProgramIds: programs.map((p) => p.programId),
    week: { id: week!.id, label: week!.label, intakeId: week!.intakeId },
    applicant: { name: applicant.fullName, programId: applicant.programId, intakeId: applicant.intakeId },
    eligibility,
  };
}

/** Which agenda items a write may affect: those of these applicants, programs, committees or intakes. */
export interface AgendaScope {
  applicantIds?: readonly string[];
  programIds?: readonly string[];
  committeeIds?: readonly string[];
  intakeIds?: readonly string[];
}

/**
 * Every writer that changes a fact the agenda rules read (an applicant's visa or documents, a
 * reference, a portfolio, a program's requirements, a committee's programs, an intake's weeks)
 * watches the agendas it may affect before its change and checks them after it, inside its
 * transaction: an applicant whose voting has not closed must still be allowed where they stand,
 * or the write is refused with the rule's own refusal, naming the session, on the writer's
 * `field`. Only what the change breaks counts: an item that already broke a rule before (data
 * from before a rule existed) does not block an unrelated write. Closed items are history.
 */
export async function watchAgendas(em: EntityManager, scope: AgendaScope): Promise<{ assertStillStand(field: string): Promise<void> }> {
  const db = transactionKnex(em);
  if (scope.applicantIds) await lockApplicants(db, scope.applicantIds);
  const before = await standings(em, scope);
  return {
    async assertStillStand(field: string) {
      await em.flush();
      for (const { key, facts, breaches, session, applicant } of await standings(em, scope)) {
        const known = new Set((before.get(key)?.breaches ?? []).map((b) => b.code));
        const refusal = agendaBreachRefusal(facts, breaches.filter((b) => !known.has(b.code)));
        if (refusal) {
          throw new AppError(refusal.extensions.code as never, `Refused: it would leave ${applicant.fullName} on the agenda of "${session.title}", where voting has not closed. ${refusal.message}`, {
            ...refusal.extensions,
            field,
            sessionId: session.id,
          });
        }
      }
    },
  };
}

async function standings(em: EntityManager, scope: AgendaScope) {
  const items = await affectedItems(transactionKnex(em), scope);
  const loaders = transactionLoaders(em);
  // All at once, so the loaders batch: a program-wide change costs a fixed number of statements.
  const judged = await Promise.all(
    items.map(async (item) => {
      const [session, applicant] = await Promise.all([loaders.session.load(item.session_id), loaders.applicant.load(item.applicant_id)]);
      const facts = await agendaFacts(loaders, session!, applicant!);
      return { key: `${item.session_id}/${item.applicant_id}`, facts, breaches: agendaBreaches(facts), session: session!, applicant: applicant! };
    }),
  );
  return Object.assign(judged, { get: (key: string) => judged.find((j) => j.key === key) });
}

async function affectedItems(db: Knex, scope: AgendaScope): Promise<{ session_id: string; applicant_id: string }[]> {
  const q = db('agenda_item as ai')
    .join('applicant as a', 'a.id', 'ai.applicant_id')
    .join('review_session as s', 's.id', 'ai.session_id')
    .whereIn('ai.voting_status', ['PENDING', 'OPEN'])
    .whereNull('a.withdrawn_at')
    .select('ai.session_id', 'ai.applicant_id')
    .orderBy(['s.starts_at', 'ai.position']);
  if (scope.applicantIds) q.whereIn('ai.applicant_id', [...scope.applicantIds]);
  if (scope.programIds) q.whereIn('a.program_id', [...scope.programIds]);
  if (scope.committeeIds) q.whereIn('s.committee_id', [...scope.committeeIds]);
  if (scope.intakeIds) q.whereIn('a.intake_id', [...scope.intakeIds]);
  return q;
}

/**
 * Serialises the writers of one applicant's agenda facts with addToAgenda (which takes the same
 * lock): otherwise a document marked photographed and the applicant's scheduling could each pass
 * their check against the other's old state. NO KEY UPDATE, as for sessions: foreign-key checks
 * of rows that reference the applicant take KEY SHARE and must not wait.
 */
export async function lockApplicants(db: Knex, applicantIds: readonly string[]): Promise<void> {
  await db.raw('select id from applicant where id = any(?::uuid[]) order by id for no key update', [[...applicantIds]]);
}
