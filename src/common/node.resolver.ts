import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { getApplicant, mayViewApplicant } from '../applicants/applicant.service';
import { UserRole } from '../auth/user.entity';
import type { Context } from '../context';
import { getCommittee } from '../committees/committee.service';
import { getSession } from '../reviews/review-session.service';
import { visibleVotes } from '../reviews/visibility';
import { forbidden, notFound } from './errors';
import { parseGlobalId, toGlobalId } from './global-id';
import { Node } from './node';

/**
 * `node(id:)` re-fetches any object by its global ID with the same access rules as the
 * dedicated queries: objects belonging to an applicant follow the applicant's visibility.
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

  @Query(() => [Node], { nullable: 'items' })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    return Promise.all(ids.map((id) => fetchNode(ctx, id).catch(() => null)));
  }
}

async function applicantScoped<T extends { applicantId: string }>(ctx: Context, row: T | null): Promise<T | null> {
  if (!row) return null;
  if (!(await mayViewApplicant(ctx, row.applicantId))) throw forbidden();
  return row;
}

async function fetchNode(ctx: Context, globalId: string): Promise<Node | null> {
  const { type, id } = parseGlobalId(globalId);
  const l = ctx.loaders;
  const reporter = ctx.user?.role === UserRole.REPORTER;
  switch (type) {
    case 'Program':
      return l.program.load(id);
    case 'RubricCriterion':
      return l.criterion.load(id);
    case 'Intake':
      return l.intake.load(id);
    case 'ReviewWeek':
      return l.week.load(id);
    case 'Applicant':
      return getApplicant(ctx, globalId);
    case 'Document':
      return applicantScoped(ctx, await l.document.load(id));
    case 'Reference':
      return applicantScoped(ctx, await l.reference.load(id));
    case 'Portfolio':
      return applicantScoped(ctx, await l.portfolio.load(id));
    case 'PortfolioItem':
      return applicantScoped(ctx, await l.portfolioItem.load(id));
    case 'Decision':
      return applicantScoped(ctx, await l.decision.load(id));
    case 'ReviewSession':
      return getSession(ctx, globalId);
    case 'AgendaItem': {
      const item = await l.agendaItem.load(id);
      if (item) await getSession(ctx, toGlobalId('ReviewSession', item.sessionId));
      return item;
    }
    case 'Committee':
      return getCommittee(ctx, globalId);
    case 'CommitteeMember': {
      const seat = await l.committeeMember.load(id);
      if (seat) await getCommittee(ctx, toGlobalId('Committee', seat.committeeId));
      return seat;
    }
    case 'User':
      if (reporter) throw forbidden();
      if (!ctx.access.isOfficer && id !== ctx.user?.id) throw forbidden('Only officers look up other users.');
      return l.user.load(id);
    case 'Vote': {
      const vote = await l.vote.load(id);
      if (!vote) return null;
      const visible = await visibleVotes(ctx, await l.votesByApplicant.load(vote.applicantId));
      if (!visible.some((v) => v.dbId === vote.dbId)) throw forbidden('You may not see this vote.');
      return vote;
    }
    default:
      return null;
  }
}
