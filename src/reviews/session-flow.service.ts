import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { CommitteeMember } from '../committees/committee-member.entity';
import { conflictsBetween } from '../conflicts/conflict.queries';
import { findByGlobalId } from '../common/entity-lookup';
import { conflictRefusal } from '../conflicts/policy';
import { badInput, invalidState } from '../common/errors';
import { chairRefusal } from './policy';
import { inTransaction } from '../common/transaction';
import { EventRecorder } from '../events/event-recorder';
import { SessionEventType } from '../events/session-event.entity';
import { AgendaItem, VotingStatus } from './agenda-item.entity';
import { ReviewSession, SessionStatus } from './review-session.entity';

/**
 * The chair's walk through a session: open it, move from applicant to applicant, close voting,
 * reveal scores, close the session. Each step locks the session row, so two chairs' clicks are
 * applied one after the other, and refuses when out of order.
 */

/**
 * FOR NO KEY UPDATE, not FOR UPDATE: votes and events insert rows that reference the session, and
 * their foreign-key checks take KEY SHARE on it; FOR UPDATE would conflict with those and
 * deadlock against a vote holding its agenda item (found by an independent review).
 */
export async function lockSession(em: EntityManager, globalId: string, field = 'sessionId'): Promise<ReviewSession> {
  const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', globalId, field);
  await em.execute('select id from review_session where id = ? for no key update', [session.id]);
  await em.refresh(session);
  return session;
}

/**
 * Chairs of the session's committee and officers act as chair. Checked before anything else,
 * so no one else learns a session's state or agenda from the refusals.
 */
export async function assertChair(ctx: Context, em: EntityManager, session: ReviewSession): Promise<void> {
  const seat = ctx.access.isOfficer ? null : await em.findOne(CommitteeMember, { committee: session.committee, user: ctx.user!.id });
  const refusal = chairRefusal({ isOfficer: ctx.access.isOfficer, seat: seat?.role ?? null });
  if (refusal) throw refusal;
}

/** A chair with a conflict of interest on the applicant hands it to a co-chair or an officer. */
export async function assertChairFree(ctx: Context, em: EntityManager, applicant: Applicant): Promise<void> {
  const conflicts = ctx.access.isOfficer ? [] : await conflictsBetween(em, ctx.user!.id, applicant.id);
  const refusal = conflictRefusal({ isOfficer: ctx.access.isOfficer, conflicts }, 'chair');
  if (refusal) throw refusal;
}

/** Decisions are recorded in a session that was opened (and may since have closed). */
export function assertOpened(session: ReviewSession) {
  if (session.status === SessionStatus.SCHEDULED) throw invalidState('The session has not been opened yet.', 'sessionId');
}

export function assertOpen(session: ReviewSession) {
  if (session.status === SessionStatus.SCHEDULED) throw invalidState('The session has not been opened yet.', 'sessionId');
  if (session.status === SessionStatus.CLOSED) throw invalidState('The session is closed.', 'sessionId');
}

export async function agendaItemOf(em: EntityManager, session: ReviewSession, applicantGlobalId: string): Promise<{ item: AgendaItem; applicant: Applicant }> {
  const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantGlobalId, 'applicantId');
  const item = await em.findOne(AgendaItem, { session, applicant });
  if (!item) throw badInput('applicantId', 'The applicant is not on the agenda of this session.');
  return { item, applicant };
}

/** The common start of a chair's step on one applicant: lock, authority, state, agenda, conflict. */
async function chairStepOn(ctx: Context, em: EntityManager, sessionId: string, applicantId: string) {
  const session = await lockSession(em, sessionId);
  await assertChair(ctx, em, session);
  assertOpen(session);
  const { item, applicant } = await agendaItemOf(em, session, applicantId);
  await assertChairFree(ctx, em, applicant);
  return { session, item, applicant };
}

export async function openSession(ctx: Context, sessionId: string): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const session = await lockSession(em, sessionId, 'id');
    await assertChair(ctx, em, session);
    if (session.status !== SessionStatus.SCHEDULED) throw invalidState(`The session is already ${session.status.toLowerCase()}.`, 'id');
    session.status = SessionStatus.OPEN;
    session.openedAt = new Date();
    events.record(session.id, SessionEventType.SESSION_OPENED);
    return session.id;
  });
}

/** Moves the committee to an applicant and opens voting on them; tells the members who is next. */
export async function setCurrentApplicant(ctx: Context, sessionId: string, applicantId: string): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const { session, item, applicant } = await chairStepOn(ctx, em, sessionId, applicantId);
    session.currentItem = em.getReference(AgendaItem, item.id, { wrapped: true });
    if (item.votingStatus === VotingStatus.PENDING) {
      item.votingStatus = VotingStatus.OPEN;
      item.votingOpenedAt = new Date();
    }
    events.record(session.id, SessionEventType.CURRENT_APPLICANT_CHANGED, { applicantId: applicant.id, data: { agendaItemId: item.id } });
    const next = await em.findOne(
      AgendaItem,
      { session, position: { $gt: item.position }, votingStatus: VotingStatus.PENDING },
      { orderBy: { position: 'asc' } },
    );
    if (next) events.record(session.id, SessionEventType.APPLICANT_UP_NEXT, { applicantId: next.applicant.id, data: { agendaItemId: next.id } });
    return session.id;
  });
}

export async function closeVoting(ctx: Context, sessionId: string, applicantId: string): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const { session, item, applicant } = await chairStepOn(ctx, em, sessionId, applicantId);
    if (item.votingStatus !== VotingStatus.OPEN) {
      throw invalidState(item.votingStatus === VotingStatus.CLOSED ? 'Voting on this applicant is already closed.' : 'Voting on this applicant has not been opened.', 'applicantId');
    }
    closeItem(item, events, session.id, applicant.id);
    return item.id;
  });
}

function closeItem(item: AgendaItem, events: EventRecorder, sessionId: string, applicantId: string) {
  item.votingStatus = VotingStatus.CLOSED;
  item.votingClosedAt = new Date();
  events.record(sessionId, SessionEventType.VOTING_CLOSED, { applicantId, data: { agendaItemId: item.id } });
}

export async function revealScores(ctx: Context, sessionId: string, applicantId: string): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const { session, item, applicant } = await chairStepOn(ctx, em, sessionId, applicantId);
    if (!session.blind) throw invalidState('The session is not blind: scores are visible already.', 'sessionId');
    if (item.scoresRevealed) throw invalidState('The scores on this applicant are already revealed.', 'applicantId');
    if (item.votingStatus === VotingStatus.PENDING) throw invalidState('Voting on this applicant has not started.', 'applicantId');
    item.scoresRevealed = true;
    events.record(session.id, SessionEventType.SCORES_REVEALED, { applicantId: applicant.id, data: { agendaItemId: item.id } });
    return item.id;
  });
}

/** Closing the session closes voting on whatever is still open, so no vote slips in afterwards. */
export async function closeSession(ctx: Context, sessionId: string): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const session = await lockSession(em, sessionId, 'id');
    await assertChair(ctx, em, session);
    assertOpen(session);
    for (const item of await em.find(AgendaItem, { session, votingStatus: VotingStatus.OPEN })) {
      closeItem(item, events, session.id, item.applicant.id);
    }
    session.status = SessionStatus.CLOSED;
    session.closedAt = new Date();
    session.currentItem = null;
    events.record(session.id, SessionEventType.SESSION_CLOSED);
    return session.id;
  });
}
