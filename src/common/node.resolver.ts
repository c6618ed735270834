import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { getApplicant, mayViewApplicant } from '../applicants/applicant.service';
import { UserRole } from '../auth/user.entity';
import type { Context } from '../context';
import { getCommittee } from '../committees/committee.service';
import { decisionVisibleTo } from '../decisions/visibility';
import { getSession } from '../reviews/review-session.service';
import { visibleComments, visibleVotes } from '../reviews/visibility';
import { badInput, forbidden, notFound } from './errors';
import { MAX_PAGE_SIZE } from './pagination';
import { NodeType, parseGlobalId, toGlobalId } from './global-id';
import { Node } from './node';

/**
 * `node(id:)` re-fetches any object by its global ID with the same access rules as the
 * dedicated queries: objects belonging to an applicant follow the applicant's visibility.
 * Every type implementing Node has its fetcher here (NodeType lists them; the compiler insists
 * on each, and test/common/node.test.ts walks the schema's Node implementations against it).
 */
@Authorized()
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node> {
    const found = await fetchNode(ctx, id);
    if (!found) throw notFound('Object', id);
    return found;
  }

  /**
   * Each id is fetched as `node(id:)` would: an object that does not exist is null, and one the
   * viewer may not read is null with its refusal as an error at its own path (`nodes.2`), so a
   * client learns why, like it would from `node(id:)`, and a server fault is never hidden.
   */
  @Query(() => [Node], { nullable: 'items' })
  nodes(@Arg('ids', () => [ID], { description: `At most ${MAX_PAGE_SIZE}, as a page.` }) ids: string[], @Ctx() ctx: Context): Promise<Node | null>[] {
    if (ids.length > MAX_PAGE_SIZE) throw badInput('ids', `At most ${MAX_PAGE_SIZE} ids at once (${ids.length} given).`);
    // An array of promises, not Promise.all: graphql-js completes each item on its own, so one
    // refusal nulls only its item.
    return ids.map((id) => fetchNode(ctx, id));
  }
}

async function applicantScoped<T extends { applicantId: string }>(ctx: Context, row: T | null): Promise<T | null> {
  if (!row) return null;
  if (!(await mayViewApplicant(ctx, row.applicantId))) throw forbidden();
  return row;
}

type Fetch = (ctx: Context, id: string, globalId: string) => Promise<Node | null>;

/** One fetcher per Node type, by its GraphQL name (which is also its global ID's type). */
export const NODE_FETCHERS: Record<NodeType, Fetch> = {
  Program: (ctx, id) => ctx.loaders.program.load(id),
  RubricCriterion: (ctx, id) => ctx.loaders.criterion.load(id),
  Intake: (ctx, id) => ctx.loaders.intake.load(id),
  ReviewWeek: (ctx, id) => ctx.loaders.week.load(id),
  Applicant: (ctx, _id, globalId) => getApplicant(ctx, globalId),
  Document: async (ctx, id) => applicantScoped(ctx, await ctx.loaders.document.load(id)),
  Reference: async (ctx, id) => applicantScoped(ctx, await ctx.loaders.reference.load(id)),
  Portfolio: async (ctx, id) => applicantScoped(ctx, await ctx.loaders.portfolio.load(id)),
  PortfolioItem: async (ctx, id) => applicantScoped(ctx, await ctx.loaders.portfolioItem.load(id)),
  Decision: async (ctx, id) => {
    const decision = await applicantScoped(ctx, await ctx.loaders.decision.load(id));
    if (decision && !(await decisionVisibleTo(ctx, decision))) throw forbidden('You may not see this decision before it is published.');
    return decision;
  },
  DecisionCondition: async (ctx, id) => {
    const condition = await ctx.loaders.condition.load(id);
    if (!condition) return null;
    await NODE_FETCHERS.Decision(ctx, condition.decisionId, toGlobalId('Decision', condition.decisionId));
    return condition;
  },
  ReviewSession: (ctx, _id, globalId) => getSession(ctx, globalId),
  AgendaItem: async (ctx, id) => {
    const item = await ctx.loaders.agendaItem.load(id);
    if (item) await getSession(ctx, toGlobalId('ReviewSession', item.sessionId));
    return item;
  },
  Committee: (ctx, _id, globalId) => getCommittee(ctx, globalId),
  CommitteeMember: async (ctx, id) => {
    const seat = await ctx.loaders.committeeMember.load(id);
    if (seat) await getCommittee(ctx, toGlobalId('Committee', seat.committeeId));
    return seat;
  },
  User: (ctx, id) => {
    if (ctx.user?.role === UserRole.REPORTER) throw forbidden();
    if (!ctx.access.isOfficer && id !== ctx.user?.id) throw forbidden('Only officers look up other users.');
    return ctx.loaders.user.load(id);
  },
  Vote: async (ctx, id) => {
    const vote = await ctx.loaders.vote.load(id);
    if (!vote) return null;
    const visible = await visibleVotes(ctx, await ctx.loaders.votesByApplicant.load(vote.applicantId));
    if (!visible.some((v) => v.dbId === vote.dbId)) throw forbidden('You may not see this vote.');
    return vote;
  },
  Comment: async (ctx, id) => {
    const comment = await ctx.loaders.comment.load(id);
    if (!comment) return null;
    if ((await visibleComments(ctx, [comment])).length === 0) throw forbidden('You may not read this comment.');
    return comment;
  },
};

async function fetchNode(ctx: Context, globalId: string): Promise<Node | null> {
  const { type, id } = parseGlobalId(globalId);
  const fetch = Object.prototype.hasOwnProperty.call(NODE_FETCHERS, type) ? NODE_FETCHERS[type as NodeType] : undefined;
  return fetch ? fetch(ctx, id, globalId) : null;
}
