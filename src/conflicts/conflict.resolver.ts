import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ApplicantNode } from '../applicants/applicant.type';
import { OFFICER, REVIEWERS } from '../auth/roles';
import { UserNode } from '../committees/committee.type';
import { reload } from '../common/loader';
import type { Context } from '../context';
import { ConflictSource } from './conflict.entity';
import * as conflicts from './conflict.service';
import { ConflictType } from './conflict.type';

@ObjectType({ description: 'The conflict just declared, and its applicant: what the declaring member may read back.' })
class DeclareConflictPayload {
  @Field(() => ConflictType)
  conflict: ConflictType;

  @Field(() => ApplicantNode)
  applicant: ApplicantNode;
}

@Authorized()
@Resolver(() => ConflictType)
export class ConflictResolver {
  @FieldResolver(() => UserNode)
  member(@Root() conflict: ConflictType, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(conflict.userId);
  }

  @FieldResolver(() => ApplicantNode)
  applicant(@Root() conflict: ConflictType, @Ctx() ctx: Context) {
    return ctx.loaders.applicant.load(conflict.applicantId);
  }

  @Authorized(REVIEWERS)
  @Mutation(() => DeclareConflictPayload, { description: 'Declares a conflict of interest, with a reason. Members declare their own.' })
  async declareConflict(
    @Arg('userId', () => ID) userId: string,
    @Arg('applicantId', () => ID) applicantId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<DeclareConflictPayload> {
    const declared = await conflicts.declareConflict(ctx, userId, applicantId, reason);
    return { conflict: Object.assign(new ConflictType(), declared), applicant: await reload(ctx.loaders.applicant, declared.applicantId) };
  }

  @Authorized(OFFICER)
  @Mutation(() => ApplicantNode, { description: 'Clears a declared or detected conflict of interest.' })
  async clearConflict(
    @Arg('userId', () => ID) userId: string,
    @Arg('applicantId', () => ID) applicantId: string,
    @Arg('source', () => ConflictSource) source: ConflictSource,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ) {
    return reload(ctx.loaders.applicant, await conflicts.clearConflict(ctx, userId, applicantId, source, reason));
  }
}
