import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OFFICER, REVIEWERS } from '../auth/roles';
import { reload } from '../common/loader';
import { ConnectionArgs, MAX_PAGE_SIZE } from '../common/pagination';
import { requireIntegerBetween } from '../common/validation';
import type { Context } from '../context';
import { ConflictType } from '../conflicts/conflict.type';
import { DecisionNode } from '../decisions/decision.type';
import { DocumentNode } from '../documents/document.type';
import { IntakeNode } from '../intakes/intake.type';
import { PortfolioItemNode, PortfolioNode } from '../portfolios/portfolio.type';
import { ProgramNode } from '../programs/program.type';
import { ReferenceNode } from '../references/reference.type';
import { AgendaItemNode, ReviewSessionNode, VoteNode } from '../reviews/review.type';
import { visibleSessions } from '../reviews/review-session.service';
import { visibleVotes } from '../reviews/visibility';
import { fromGlobalId } from '../common/global-id';
import { ApplicantFilter, ApplicantOrder, CreateApplicantInput, UpdateApplicantInput } from './applicant.inputs';
import * as applicants from './applicant.service';
import { ApplicantConnection, ApplicantNode, EnglishCertificate } from './applicant.type';
import { ApplicationStatus } from './applicant.enums';
import { eligibilityOf } from './eligibility.facts';
import { EligibilityType } from './eligibility.type';
import { bestCertificate } from './policy';
import { decisionVisibleTo, seesUnpublishedDecisionsOf } from '../decisions/visibility';

/** Conflicts on one applicant answered when `first` is not given: a committee's seats. */
const CONFLICTS_DEFAULT = 25;

@ArgsType()
class ApplicantsArgs extends ConnectionArgs {
  @Field(() => ApplicantFilter, { nullable: true })
  filter?: ApplicantFilter;

  @Field(() => ApplicantOrder, { nullable: true, description: 'Default: last name, ascending.' })
  orderBy?: ApplicantOrder;
}

@Authorized(REVIEWERS)
@Resolver(() => ApplicantNode)
export class ApplicantResolver {
  @Query(() => ApplicantConnection, { description: 'Officers see every applicant; members those on agendas of their sessions.' })
  applicants(@Args() args: ApplicantsArgs, @Ctx() ctx: Context) {
    return applicants.listApplicants(ctx, args.filter, args.orderBy, args);
  }

  @Query(() => ApplicantNode)
  applicant(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApplicantNode> {
    return applicants.getApplicant(ctx, id);
  }

  @FieldResolver(() => ProgramNode)
  program(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return ctx.loaders.program.load(applicant.programId);
  }

  @FieldResolver(() => IntakeNode)
  intake(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return ctx.loaders.intake.load(applicant.intakeId);
  }

  @FieldResolver(() => ApplicationStatus, { description: 'Derived from the facts; a member conflicted with the applicant sees no unpublished decision in it.' })
  async status(@Root() applicant: ApplicantNode, @Ctx() ctx: Context): Promise<ApplicationStatus> {
    return (await seesUnpublishedDecisionsOf(ctx, applicant.dbId)) ? applicant.statusWithDecisions : applicant.statusWithPublishedDecisions;
  }

  @FieldResolver(() => EligibilityType)
  eligibility(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return eligibilityOf(ctx.loaders, applicant);
  }

  @FieldResolver(() => [EnglishCertificate], { description: 'Every English certificate the applicant holds; see bestEnglishCertificate for the one that counts.' })
  englishCertificates(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return ctx.loaders.englishCertificatesByApplicant.load(applicant.dbId);
  }

  @FieldResolver(() => EnglishCertificate, { nullable: true, description: 'The certificate that counts: an accepted one first, then the furthest above its own minimum.' })
  async bestEnglishCertificate(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return bestCertificate(await ctx.loaders.englishCertificatesByApplicant.load(applicant.dbId));
  }

  @FieldResolver(() => [ReferenceNode])
  references(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return ctx.loaders.referencesByApplicant.load(applicant.dbId);
  }

  @FieldResolver(() => [DocumentNode])
  documents(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return ctx.loaders.documentsByApplicant.load(applicant.dbId);
  }

  @FieldResolver(() => PortfolioNode, { nullable: true })
  async portfolio(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return ctx.loaders.portfolioByApplicant.load(applicant.dbId);
  }

  @FieldResolver(() => [PortfolioItemNode], { description: 'The items of the portfolio (empty without one).' })
  portfolioItems(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return ctx.loaders.portfolioItemsByApplicant.load(applicant.dbId);
  }

  @FieldResolver(() => DecisionNode, { nullable: true, description: 'Null until there is one; to a member conflicted with the applicant, null until it is published.' })
  async decision(@Root() applicant: ApplicantNode, @Ctx() ctx: Context) {
    return decisionVisibleTo(ctx, await ctx.loaders.decisionByApplicant.load(applicant.dbId));
  }

  @FieldResolver(() => [AgendaItemNode], { description: 'Where the applicant is on review agendas (sessions you may see).' })
  async agendaItems(@Root() applicant: ApplicantNode, @Ctx() ctx: Context): Promise<AgendaItemNode[]> {
    const items = await ctx.loaders.agendaByApplicant.load(applicant.dbId);
    if (ctx.access.isOfficer) return items;
    const seats = await ctx.access.seats();
    return items.filter((item) => seats.has(item.sessionId));
  }

  @FieldResolver(() => [ReviewSessionNode], { description: 'The review sessions the applicant is scheduled in (that you may see).' })
  async sessions(@Root() applicant: ApplicantNode, @Ctx() ctx: Context): Promise<ReviewSessionNode[]> {
    const items = await ctx.loaders.agendaByApplicant.load(applicant.dbId);
    const sessions = ctx.loaders.session.loadMany(items.map((item) => item.sessionId)) as Promise<ReviewSessionNode[]>;
    return visibleSessions(ctx, sessions);
  }

  @FieldResolver(() => [VoteNode], {
    description: 'Votes you may see: none with a conflict of interest; in blind mode only yours until you vote or scores are revealed.',
  })
  async votes(
    @Root() applicant: ApplicantNode,
    @Arg('sessionId', () => ID, { nullable: true }) sessionId: string | null,
    @Ctx() ctx: Context,
  ): Promise<VoteNode[]> {
    const session = sessionId ? fromGlobalId('ReviewSession', sessionId, 'sessionId') : null;
    const votes = await ctx.loaders.votesByApplicant.load(applicant.dbId);
    return visibleVotes(ctx, session ? votes.filter((v) => v.sessionId === session) : votes);
  }

  @Authorized(OFFICER)
  @FieldResolver(() => [ConflictType], {
    description: `Conflicts of interest in force (declared or detected, not cleared): the first \`first\` by member (default ${CONFLICTS_DEFAULT}, at most ${MAX_PAGE_SIZE}).`,
  })
  async conflicts(
    @Root() applicant: ApplicantNode,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: CONFLICTS_DEFAULT }) first: number,
  ): Promise<ConflictType[]> {
    requireIntegerBetween('first', first, 1, MAX_PAGE_SIZE);
    // The loader holds at most MAX_PAGE_SIZE per applicant (conflicts/conflict.queries.ts).
    return (await ctx.loaders.conflictsByApplicant.load(applicant.dbId)).slice(0, first);
  }

  @Authorized(OFFICER)
  @Mutation(() => ApplicantNode)
  async createApplicant(@Arg('input') input: CreateApplicantInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.applicant, await applicants.createApplicant(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => ApplicantNode)
  async updateApplicant(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateApplicantInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.applicant, await applicants.updateApplicant(ctx, id, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => ApplicantNode)
  async withdrawApplicant(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.applicant, await applicants.withdrawApplicant(ctx, id));
  }
}
