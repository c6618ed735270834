import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OFFICER, REVIEWERS } from '../auth/roles';
import { UserRole } from '../auth/user.entity';
import { reload } from '../common/loader';
import { ConnectionArgs } from '../common/pagination';
import type { Context } from '../context';
import { ProgramNode } from '../programs/program.type';
import { SeatRole } from './committee-member.entity';
import * as committees from './committee.service';
import { CommitteeConnection, CommitteeMemberNode, CommitteeNode, UserConnection, UserNode } from './committee.type';

@InputType()
class CreateUserInput {
  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field(() => String, { nullable: true, description: "The member's institution; used to detect conflicts of interest." })
  institution?: string | null;
}

@Authorized()
@Resolver(() => CommitteeNode)
export class CommitteeResolver {
  @Authorized(REVIEWERS)
  @Query(() => CommitteeConnection, { description: 'Officers see every committee; members the ones they sit on. By name, then id.' })
  committees(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return committees.listCommittees(ctx, args);
  }

  @Authorized(REVIEWERS)
  @Query(() => CommitteeNode)
  committee(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return committees.getCommittee(ctx, id);
  }

  @Authorized(OFFICER)
  @Query(() => UserConnection, { description: 'By name, then id.' })
  users(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return committees.listUsers(ctx, args);
  }

  @FieldResolver(() => [ProgramNode], { description: 'The programs whose applicants this committee reviews.' })
  async programs(@Root() committee: CommitteeNode, @Ctx() ctx: Context) {
    const links = await ctx.loaders.programIdsByCommittee.load(committee.dbId);
    return ctx.loaders.program.loadMany(links.map((l) => l.programId));
  }

  @FieldResolver(() => [CommitteeMemberNode])
  members(@Root() committee: CommitteeNode, @Ctx() ctx: Context) {
    return ctx.loaders.membersByCommittee.load(committee.dbId);
  }

  @Authorized(OFFICER)
  @Mutation(() => UserNode)
  async createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.user, await committees.createUser(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => CommitteeNode)
  async createCommittee(@Arg('name') name: string, @Arg('programIds', () => [ID]) programIds: string[], @Ctx() ctx: Context) {
    return reload(ctx.loaders.committee, await committees.createCommittee(ctx, name, programIds));
  }

  @Authorized(OFFICER)
  @Mutation(() => CommitteeNode)
  async updateCommittee(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Arg('programIds', () => [ID], { nullable: true }) programIds: string[] | null,
    @Ctx() ctx: Context,
  ) {
    return reload(ctx.loaders.committee, await committees.updateCommittee(ctx, id, name, programIds));
  }

  @Authorized(OFFICER)
  @Mutation(() => CommitteeMemberNode)
  async addCommitteeMember(
    @Arg('committeeId', () => ID) committeeId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => SeatRole, { defaultValue: SeatRole.MEMBER }) role: SeatRole,
    @Ctx() ctx: Context,
  ) {
    return reload(ctx.loaders.committeeMember, await committees.addMember(ctx, committeeId, userId, role));
  }

  @Authorized(OFFICER)
  @Mutation(() => CommitteeNode)
  async removeCommitteeMember(@Arg('committeeId', () => ID) committeeId: string, @Arg('userId', () => ID) userId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.committee, await committees.removeMember(ctx, committeeId, userId));
  }
}

@Authorized()
@Resolver(() => CommitteeMemberNode)
export class CommitteeMemberResolver {
  @FieldResolver(() => UserNode)
  user(@Root() seat: CommitteeMemberNode, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(seat.userId);
  }

  @FieldResolver(() => CommitteeNode)
  committee(@Root() seat: CommitteeMemberNode, @Ctx() ctx: Context) {
    return ctx.loaders.committee.load(seat.committeeId);
  }
}
