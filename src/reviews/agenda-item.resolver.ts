import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ApplicantNode } from '../applicants/applicant.type';
import type { Context } from '../context';
import { AgendaItemNode, CommentNode, ReviewSessionNode, TallyNode, VoteNode } from './review.type';
import { mayViewAgendaItemVotes, visibleComments, visibleVotes } from './visibility';

@Authorized()
@Resolver(() => AgendaItemNode)
export class AgendaItemResolver {
  @FieldResolver(() => ApplicantNode)
  applicant(@Root() item: AgendaItemNode, @Ctx() ctx: Context) {
    return ctx.loaders.applicant.load(item.applicantId);
  }

  @FieldResolver(() => ReviewSessionNode)
  session(@Root() item: AgendaItemNode, @Ctx() ctx: Context) {
    return ctx.loaders.session.load(item.sessionId);
  }

  @FieldResolver(() => TallyNode, {
    nullable: true,
    description: 'Null when you may not see the votes yet (blind mode before you vote, or a conflict of interest).',
  })
  async tally(@Root() item: AgendaItemNode, @Ctx() ctx: Context): Promise<TallyNode | null> {
    if (!(await mayViewAgendaItemVotes(ctx, item))) return null;
    return ctx.loaders.tally.load(item.dbId);
  }

  @FieldResolver(() => [CommentNode], { description: 'The discussion of this applicant in this session that you may read.' })
  async comments(@Root() item: AgendaItemNode, @Ctx() ctx: Context): Promise<CommentNode[]> {
    const all = await ctx.loaders.commentsByApplicant.load(item.applicantId);
    return visibleComments(ctx, all.filter((c) => c.sessionId === item.sessionId));
  }

  // A client must know to show a conflicted member nothing of the applicant (the live events say nothing of them).
  @FieldResolver(() => Boolean, { description: 'You have a conflict of interest with this applicant: you take no part in their review.' })
  async conflictOfInterest(@Root() item: AgendaItemNode, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.access.conflictedApplicantIds()).has(item.applicantId);
  }

  @FieldResolver(() => [VoteNode], { description: 'The votes on this applicant in this session that you may see.' })
  async votes(@Root() item: AgendaItemNode, @Ctx() ctx: Context): Promise<VoteNode[]> {
    const all = await ctx.loaders.votesByApplicant.load(item.applicantId);
    return visibleVotes(ctx, all.filter((v) => v.sessionId === item.sessionId));
  }
}
