import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OFFICER, REVIEWERS } from '../auth/roles';
import { CommitteeNode, UserNode } from '../committees/committee.type';
import { reload } from '../common/loader';
import { ConnectionArgs } from '../common/pagination';
import type { Context } from '../context';
import { ReviewWeekNode } from '../intakes/intake.type';
import * as sessions from './review-session.service';
import { CreateReviewSessionInput, ReviewSessionFilter, UpdateReviewSessionInput } from './review.inputs';
import { AgendaItemNode, ReviewSessionConnection, ReviewSessionNode } from './review.type';

@ArgsType()
class ReviewSessionsArgs extends ConnectionArgs {
  @Field(() => ReviewSessionFilter, { nullable: true })
  filter?: ReviewSessionFilter;
}

@Authorized(REVIEWERS)
@Resolver(() => ReviewSessionNode)
export class ReviewSessionResolver {
  @Query(() => ReviewSessionConnection, { description: 'Officers see all sessions; members those of their committees.' })
  reviewSessions(@Args() args: ReviewSessionsArgs, @Ctx() ctx: Context) {
    return sessions.listSessions(ctx, args.filter, args);
  }

  @Query(() => ReviewSessionNode)
  reviewSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ReviewSessionNode> {
    return sessions.getSession(ctx, id);
  }

  @FieldResolver(() => ReviewWeekNode)
  week(@Root() session: ReviewSessionNode, @Ctx() ctx: Context) {
    return ctx.loaders.week.load(session.weekId);
  }

  @FieldResolver(() => CommitteeNode)
  committee(@Root() session: ReviewSessionNode, @Ctx() ctx: Context) {
    return ctx.loaders.committee.load(session.committeeId);
  }

  @FieldResolver(() => [UserNode], {
    description: 'The members who have the session open now, as its event log says (MEMBER_JOINED / MEMBER_LEFT); officers look in unannounced.',
  })
  async present(@Root() session: ReviewSessionNode, @Ctx() ctx: Context): Promise<UserNode[]> {
    const present = await ctx.loaders.presentBySession.load(session.dbId);
    return (await ctx.loaders.user.loadMany(present.map((p) => p.userId))).filter((u): u is UserNode => !!u && !(u instanceof Error));
  }

  @FieldResolver(() => [AgendaItemNode], { description: 'The applicants to review, in order.' })
  agenda(@Root() session: ReviewSessionNode, @Ctx() ctx: Context): Promise<AgendaItemNode[]> {
    return ctx.loaders.agendaBySession.load(session.dbId);
  }

  @Authorized(OFFICER)
  @Mutation(() => ReviewSessionNode, { description: 'Schedules a session inside a review week.' })
  async createReviewSession(@Arg('input') input: CreateReviewSessionInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.session, await sessions.createSession(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => ReviewSessionNode)
  async updateReviewSession(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateReviewSessionInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.session, await sessions.updateSession(ctx, id, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => AgendaItemNode)
  async addToAgenda(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('applicantId', () => ID) applicantId: string,
    @Arg('position', () => Int, { nullable: true }) position: number | null,
    @Ctx() ctx: Context,
  ) {
    return reload(ctx.loaders.agendaItem, await sessions.addToAgenda(ctx, sessionId, applicantId, position));
  }

  @Authorized(OFFICER)
  @Mutation(() => ReviewSessionNode)
  async removeFromAgenda(@Arg('sessionId', () => ID) sessionId: string, @Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.session, await sessions.removeFromAgenda(ctx, sessionId, applicantId));
  }
}
