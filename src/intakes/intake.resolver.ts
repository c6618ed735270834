import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OFFICER } from '../auth/roles';
import { notFound } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { reload } from '../common/loader';
import { ConnectionArgs } from '../common/pagination';
import type { Context } from '../context';
import { visibleSessions } from '../reviews/review-session.service';
import { ReviewSessionNode } from '../reviews/review.type';
import { CreateIntakeInput, CreateReviewWeekInput, ScheduleReviewWeeksInput, UpdateIntakeInput, UpdateReviewWeekInput } from './intake.inputs';
import * as intakes from './intake.service';
import { IntakeConnection, IntakeNode, ReviewWeekNode } from './intake.type';

@Authorized()
@Resolver(() => IntakeNode)
export class IntakeResolver {
  @Query(() => IntakeConnection, { description: 'Newest first: by `startsOn` descending, then id.' })
  intakes(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return intakes.listIntakes(ctx, args);
  }

  @Query(() => IntakeNode)
  async intake(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<IntakeNode> {
    const intake = await ctx.loaders.intake.load(fromGlobalId('Intake', id));
    if (!intake) throw notFound('Intake', id);
    return intake;
  }

  @FieldResolver(() => [ReviewWeekNode], { description: 'In date order; the last is only for applicants who need no visa.' })
  reviewWeeks(@Root() intake: IntakeNode, @Ctx() ctx: Context): Promise<ReviewWeekNode[]> {
    return ctx.loaders.weeksByIntake.load(intake.dbId);
  }

  @Authorized(OFFICER)
  @Mutation(() => IntakeNode)
  async createIntake(@Arg('input') input: CreateIntakeInput, @Ctx() ctx: Context): Promise<IntakeNode> {
    return reload(ctx.loaders.intake, await intakes.createIntake(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => IntakeNode, {
    description: 'Creates review weeks from the published rule (first or last week of a month); the latest is the visa-free one.',
  })
  async scheduleReviewWeeks(@Arg('input') input: ScheduleReviewWeeksInput, @Ctx() ctx: Context): Promise<IntakeNode> {
    const id = await intakes.scheduleReviewWeeks(ctx, input);
    ctx.loaders.weeksByIntake.clear(id);
    return reload(ctx.loaders.intake, id);
  }

  @Authorized(OFFICER)
  @Mutation(() => IntakeNode)
  async updateIntake(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateIntakeInput, @Ctx() ctx: Context): Promise<IntakeNode> {
    return reload(ctx.loaders.intake, await intakes.updateIntake(ctx, id, input));
  }
}

@Authorized()
@Resolver(() => ReviewWeekNode)
export class ReviewWeekResolver {
  @FieldResolver(() => IntakeNode)
  async intake(@Root() week: ReviewWeekNode, @Ctx() ctx: Context): Promise<IntakeNode | null> {
    return ctx.loaders.intake.load(week.intakeId);
  }

  @FieldResolver(() => [ReviewSessionNode], { description: 'The sessions of this week that you may see.' })
  sessions(@Root() week: ReviewWeekNode, @Ctx() ctx: Context): Promise<ReviewSessionNode[]> {
    return visibleSessions(ctx, ctx.loaders.sessionsByWeek.load(week.dbId));
  }

  @Authorized(OFFICER)
  @Mutation(() => ReviewWeekNode)
  async createReviewWeek(@Arg('input') input: CreateReviewWeekInput, @Ctx() ctx: Context): Promise<ReviewWeekNode> {
    return reload(ctx.loaders.week, await intakes.createReviewWeek(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => ReviewWeekNode)
  async updateReviewWeek(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateReviewWeekInput, @Ctx() ctx: Context): Promise<ReviewWeekNode> {
    return reload(ctx.loaders.week, await intakes.updateReviewWeek(ctx, id, input));
  }
}
