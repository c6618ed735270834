import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requireIntegerBetween } from '../common/validation';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { UserRole } from '../auth/user.entity';
import { UserNode } from '../committees/committee.type';
import { reload } from '../common/loader';
import type { Context } from '../context';
import { RubricCriterionNode } from '../programs/program.type';
import { CastVoteInput } from './review.inputs';
import { CriterionScore, CriterionTally, ReviewSessionNode, VoteNode, VoteRevisionNode } from './review.type';
import { castVote } from './vote.service';
import { mayViewVote } from './visibility';

const VOTE_HISTORY_DEFAULT = 20;

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
    description:
      `The latest \`last\` versions of this vote (default ${VOTE_HISTORY_DEFAULT}, at most ${MAX_PAGE_SIZE}), oldest first; \`version\` says how many there are. ` +
      'To whoever may see the vote itself (reviews/policy.ts); null otherwise.',
  })
  async history(
    @Root() vote: VoteNode,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { defaultValue: VOTE_HISTORY_DEFAULT }) last: number,
  ): Promise<VoteRevisionNode[] | null> {
    requireIntegerBetween('last', last, 1, MAX_PAGE_SIZE);
    if (!(await mayViewVote(ctx, vote))) return null;
    // The loader holds at most MAX_PAGE_SIZE versions per vote (review.queries.ts).
    return (await ctx.loaders.revisionsByVote.load(vote.dbId)).slice(-last);
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
