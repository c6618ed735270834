import type { Context } from '../context';
import { CAPS, ensureRoom } from '../common/caps';
import { Applicant } from '../applicants/applicant.entity';
import { Committee } from '../committees/committee.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput, conflict, forbidden, invalidState, notFound } from '../common/errors';
import { transactionLoaders } from '../loaders';
import { agendaFacts, lockApplicants } from './agenda.guard';
import { agendaRefusal, sessionTimeRefusal } from './policy';
import { fromGlobalId } from '../common/global-id';
import { ConnectionArgs, emptyPage, Page, pageRequest } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { transactionKnex } from '../db/transaction-knex';
import { refuseNulls, requireText } from '../common/validation';
import { ReviewWeek } from '../intakes/review-week.entity';
import { AgendaItem } from './agenda-item.entity';
import { ReviewSession, SessionStatus } from './review-session.entity';
import { SESSION_ORDERING, sessionPage } from './review.queries';
import { CreateReviewSessionInput, ReviewSessionFilter, UpdateReviewSessionInput } from './review.inputs';
import { ReviewSessionNode } from './review.type';
import { Vote } from './vote.entity';

/** Officers see every session; members only those of committees they sit on; reporters none. */
export async function visibleSessions(ctx: Context, sessions: Promise<ReviewSessionNode[]>): Promise<ReviewSessionNode[]> {
  if (ctx.access.isOfficer) return sessions;
  const [all, seats] = await Promise.all([sessions, ctx.access.seats()]);
  return all.filter((s) => seats.has(s.dbId));
}

export async function getSession(ctx: Context, globalId: string, field = 'id'): Promise<ReviewSessionNode> {
  const session = await ctx.loaders.session.load(fromGlobalId('ReviewSession', globalId, field));
  if (!session) throw notFound('ReviewSession', globalId, field);
  if (!ctx.access.isOfficer && !(await ctx.access.seats()).has(session.dbId)) {
    throw forbidden('You do not sit on the committee of this session.');
  }
  return session;
}

export async function listSessions(
  ctx: Context,
  filter: ReviewSessionFilter | undefined,
  args: ConnectionArgs,
): Promise<Page<ReviewSessionNode>> {
  const page = pageRequest(args, SESSION_ORDERING);
  if (!ctx.user) return emptyPage();
  return sessionPage(ctx.db, {
    committeeId: filter?.committeeId ? fromGlobalId('Committee', filter.committeeId, 'filter.committeeId') : undefined,
    weekId: filter?.weekId ? fromGlobalId('ReviewWeek', filter.weekId, 'filter.weekId') : undefined,
    status: filter?.status,
    visibleToMember: ctx.access.isOfficer ? undefined : ctx.user.id,
    page,
  });
}

function checkInsideWeek(week: ReviewWeek, startsAt: Date, endsAt: Date) {
  const refusal = sessionTimeRefusal(week, startsAt, endsAt);
  if (refusal) throw refusal;
}

export async function createSession(ctx: Context, input: CreateReviewSessionInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const committee = await findByGlobalId(em, Committee, 'Committee', input.committeeId, 'committeeId');
    const week = await findByGlobalId(em, ReviewWeek, 'ReviewWeek', input.weekId, 'weekId');
    checkInsideWeek(week, input.startsAt, input.endsAt);
    await ensureRoom(em, CAPS.sessionsPerWeek, week, () => em.count(ReviewSession, { week }));
    const session = em.create(ReviewSession, {
      committee,
      week,
      title: requireText('title', input.title),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      blind: input.blind,
    });
    return session.id;
  });
}

export async function updateSession(ctx: Context, id: string, input: UpdateReviewSessionInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    refuseNulls(input);
    const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', id, 'id');
    if (session.status !== SessionStatus.SCHEDULED) throw invalidState('Only a scheduled session can be changed.', 'id');
    if (input.title !== undefined) session.title = requireText('title', input.title);
    if (input.blind !== undefined) session.blind = input.blind;
    const startsAt = input.startsAt ?? session.startsAt;
    const endsAt = input.endsAt ?? session.endsAt;
    checkInsideWeek(await em.findOneOrFail(ReviewWeek, session.week.id), startsAt, endsAt);
    session.startsAt = startsAt;
    session.endsAt = endsAt;
    return session.id;
  });
}

/**
 * Puts an applicant on a session's agenda when the agenda rules allow it (reviews/policy.ts
 * `agendaRefusal`): the committee reviews their program, the week is of their intake and not the
 * visa-free one if they need a visa, and the application is proper, complete and considered.
 */
export async function addToAgenda(ctx: Context, sessionId: string, applicantId: string, position?: number | null): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', sessionId, 'sessionId');
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    if (position !== undefined && position !== null && (!Number.isInteger(position) || position < 0)) {
      throw badInput('position', 'position is a non-negative integer.');
    }
    await lockApplicants(transactionKnex(em), [applicant.id]);
    const loaders = transactionLoaders(em);
    const [sessionNode, applicantNode] = await Promise.all([loaders.session.load(session.id), loaders.applicant.load(applicant.id)]);
    const refusal = agendaRefusal({
      ...(await agendaFacts(loaders, sessionNode!, applicantNode!)),
      withdrawn: applicant.withdrawnAt != null,
      alreadyOnAgenda: (await em.count(AgendaItem, { session, applicant })) > 0,
    });
    if (refusal) throw refusal;
    await ensureRoom(em, CAPS.agendasPerApplicant, applicant, () => em.count(AgendaItem, { applicant }));
    await ensureRoom(em, CAPS.itemsPerAgenda, session, () => em.count(AgendaItem, { session }));
    const last = await em.findOne(AgendaItem, { session }, { orderBy: { position: 'desc' } });
    const item = em.create(AgendaItem, { session, applicant, position: position ?? (last ? last.position + 1 : 0) });
    return item.id;
  });
}

export async function removeFromAgenda(ctx: Context, sessionId: string, applicantId: string): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', sessionId, 'sessionId');
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    const item = await em.findOne(AgendaItem, { session, applicant });
    if (!item) throw notFound('AgendaItem for applicant', applicantId, 'applicantId');
    if (await em.count(Vote, { session, applicant })) {
      throw conflict('Members have already voted on this applicant in this session.', 'applicantId');
    }
    em.remove(item);
    return session.id;
  });
}
