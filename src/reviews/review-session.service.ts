import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { Committee } from '../committees/committee.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput, conflict, forbidden, invalidState, notFound } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { ConnectionArgs, emptyPage, Page, pageRequest } from '../common/pagination';
import { inTransaction } from '../common/transaction';
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

/** Sessions happen inside their review week (whole days, UTC). */
function checkInsideWeek(week: ReviewWeek, startsAt: Date, endsAt: Date) {
  if (Number.isNaN(startsAt.getTime())) throw badInput('startsAt', 'startsAt is not a valid time.');
  if (Number.isNaN(endsAt.getTime())) throw badInput('endsAt', 'endsAt is not a valid time.');
  if (endsAt <= startsAt) throw badInput('endsAt', 'A session must end after it starts.');
  const weekStart = new Date(`${week.startsOn}T00:00:00Z`);
  const weekEnd = new Date(`${week.endsOn}T23:59:59.999Z`);
  if (startsAt < weekStart || startsAt > weekEnd) {
    throw badInput('startsAt', `The session must start within its review week (${week.startsOn} to ${week.endsOn}).`);
  }
  if (endsAt > weekEnd) throw badInput('endsAt', `The session must end within its review week (by ${week.endsOn}).`);
}

export async function createSession(ctx: Context, input: CreateReviewSessionInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const committee = await findByGlobalId(em, Committee, 'Committee', input.committeeId, 'committeeId');
    const week = await findByGlobalId(em, ReviewWeek, 'ReviewWeek', input.weekId, 'weekId');
    checkInsideWeek(week, input.startsAt, input.endsAt);
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
 * Puts an applicant on a session's agenda, refusing what the rules forbid: another program
 * than the committee reviews, another intake than the week's, a visa-requiring applicant in a
 * visa-free week, a withdrawn applicant, a closed session.
 */
export async function addToAgenda(ctx: Context, sessionId: string, applicantId: string, position?: number | null): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', sessionId, 'sessionId');
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    if (session.status === SessionStatus.CLOSED) throw invalidState('The session is closed.', 'sessionId');
    if (applicant.withdrawnAt) throw invalidState('The applicant has withdrawn.', 'applicantId');
    const week = await em.findOneOrFail(ReviewWeek, session.week.id);
    const committee = await em.findOneOrFail(Committee, session.committee.id, { populate: ['programs'] });
    if (!committee.programs.getItems().some((p) => p.id === applicant.program.id)) {
      throw badInput('applicantId', `Committee "${committee.name}" does not review the applicant's program.`);
    }
    if (week.intake.id !== applicant.intake.id) {
      throw badInput('applicantId', "The applicant belongs to another intake than this session's review week.");
    }
    if (week.visaFreeOnly && applicant.needsVisa) {
      throw badInput('applicantId', `${week.label} is only for applicants who need no visa; this applicant needs a type-D visa.`);
    }
    if (position !== undefined && position !== null && (!Number.isInteger(position) || position < 0)) {
      throw badInput('position', 'position is a non-negative integer.');
    }
    if (await em.count(AgendaItem, { session, applicant })) throw conflict('The applicant is already on this agenda.', 'applicantId');
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
