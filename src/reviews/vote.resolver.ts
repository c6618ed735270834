import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { UserRole } from '../auth/user.entity';
import { UserNode } from '../committees/committee.type';
import { reload } from '../common/loader';
import type { Context } from '../context';
import { RubricCriterionNode } from '../programs/program.type';
import { CastVoteInput } from './review.inputs';
import { CriterionScore, CriterionTally, ReviewSessionNode, VoteNode, VoteRevisionNode } from './review.type';
import { castVote } from './vote.service';
import { mayViewVote } from './visibility';

@Authorized()
@Resolver(() => VoteNode)
export class VoteResolver {
  @FieldResolver(() => UserNode)
  member(@Root() vote: VoteNode, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(vote.memberId);
  }

  @FieldResolver(() => ReviewSessionNode)
  session(@Root() vote: VoteNode, @Ctx() ctx: Context) {
    return ctx.loaders.session.load(vote.sessionId);
  }

  @FieldResolver(() => [VoteRevisionNode], {
    nullable: true,
    description: 'Every version of this vote, to whoever may see the vote itself (reviews/policy.ts); null otherwise.',
  })
  async history(@Root() vote: VoteNode, @Ctx() ctx: Context): Promise<VoteRevisionNode[] | null> {
    return (await mayViewVote(ctx, vote)) ? ctx.loaders.revisionsByVote.load(vote.dbId) : null;
  }

  @Authorized([UserRole.COMMITTEE_MEMBER])
  @Mutation(() => VoteNode, { description: 'Casts your vote, or changes it when you pass the expectedVersion you loaded.' })
  async castVote(@Arg('input') input: CastVoteInput, @Ctx() ctx: Context): Promise<VoteNode> {
    return reload(ctx.loaders.vote, await castVote(ctx, input));
  }
}

@Resolver(() => VoteRevisionNode)
export class VoteRevisionResolver {
  @FieldResolver(() => UserNode, { description: 'Who changed it (always the member who owns the vote).' })
  async member(@Root() revision: VoteRevisionNode, @Ctx() ctx: Context) {
    const vote = await ctx.loaders.vote.load(revision.voteId);
    return vote ? ctx.loaders.user.load(vote.memberId) : null;
  }
}

@Resolver(() => CriterionScore)
export class CriterionScoreResolver {
  @FieldResolver(() => RubricCriterionNode)
  criterion(@Root() score: CriterionScore, @Ctx() ctx: Context) {
    return ctx.loaders.criterion.load(score.criterionId);
  }
}

@Resolver(() => CriterionTally)
export class CriterionTallyResolver {
  @FieldResolver(() => RubricCriterionNode)
  criterion(@Root() tally: CriterionTally, @Ctx() ctx: Context) {
    return ctx.loaders.criterion.load(tally.criterionId);
  }
}
