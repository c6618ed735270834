import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { REVIEWERS } from '../auth/roles';
import { reload } from '../common/loader';
import type { Context } from '../context';
import { CommentVisibility } from './comment.entity';
import { postComment } from './comment.service';
import { AgendaItemNode, CommentNode, ReviewSessionNode } from './review.type';
import * as flow from './session-flow.service';

/** The chair's steps through a live session (chairs of the committee, or officers). */
@Authorized(REVIEWERS)
@Resolver(() => ReviewSessionNode)
export class SessionFlowResolver {
  @FieldResolver(() => AgendaItemNode, { nullable: true, description: 'The applicant the committee is looking at now.' })
  async currentItem(@Root() session: ReviewSessionNode, @Ctx() ctx: Context) {
    return session.currentItemId ? ctx.loaders.agendaItem.load(session.currentItemId) : null;
  }

  @Mutation(() => ReviewSessionNode)
  async openSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.session, await flow.openSession(ctx, id));
  }

  @Mutation(() => ReviewSessionNode, { description: 'Moves the committee to this applicant and opens voting on them.' })
  async setCurrentApplicant(@Arg('sessionId', () => ID) sessionId: string, @Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.session, await flow.setCurrentApplicant(ctx, sessionId, applicantId));
  }

  @Mutation(() => AgendaItemNode)
  async closeVoting(@Arg('sessionId', () => ID) sessionId: string, @Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.agendaItem, await flow.closeVoting(ctx, sessionId, applicantId));
  }

  @Mutation(() => AgendaItemNode, { description: 'Blind mode: shows everyone on the committee the scores on this applicant.' })
  async revealScores(@Arg('sessionId', () => ID) sessionId: string, @Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.agendaItem, await flow.revealScores(ctx, sessionId, applicantId));
  }

  @Mutation(() => ReviewSessionNode, { description: 'Closes the session, and voting on any applicant still open.' })
  async closeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.session, await flow.closeSession(ctx, id));
  }

  @Mutation(() => CommentNode, { description: 'Comments on an applicant in a session: for the committee, for the chairs and officers, or private.' })
  async postComment(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('applicantId', () => ID) applicantId: string,
    @Arg('body') body: string,
    @Arg('visibility', () => CommentVisibility, { defaultValue: CommentVisibility.COMMITTEE }) visibility: CommentVisibility,
    @Ctx() ctx: Context,
  ) {
    return reload(ctx.loaders.comment, await postComment(ctx, sessionId, applicantId, body, visibility));
  }
}
