import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ApplicantNode } from '../applicants/applicant.type';
import { OFFICER } from '../auth/roles';
import { reload } from '../common/loader';
import type { Context } from '../context';
import * as portfolios from './portfolio.service';
import { PortfolioItemNode, PortfolioNode } from './portfolio.type';

@InputType()
class PortfolioItemInput implements portfolios.PortfolioItemFields {
  @Field()
  title: string;

  @Field({ description: 'e.g. illustration, typography, photography, motion.' })
  medium: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}

@Authorized()
@Resolver(() => PortfolioNode)
export class PortfolioResolver {
  @FieldResolver(() => [PortfolioItemNode])
  items(@Root() portfolio: PortfolioNode, @Ctx() ctx: Context) {
    return ctx.loaders.portfolioItemsByApplicant.load(portfolio.applicantId);
  }

  @FieldResolver(() => ApplicantNode)
  applicant(@Root() portfolio: PortfolioNode, @Ctx() ctx: Context) {
    return ctx.loaders.applicant.load(portfolio.applicantId);
  }

  @Authorized(OFFICER)
  @Mutation(() => PortfolioNode, { description: "Sets the portfolio's statement, creating the portfolio if needed." })
  async setPortfolioStatement(
    @Arg('applicantId', () => ID) applicantId: string,
    @Arg('statement', () => String, { nullable: true }) statement: string | null,
    @Ctx() ctx: Context,
  ) {
    return reload(ctx.loaders.portfolio, await portfolios.setPortfolioStatement(ctx, applicantId, statement));
  }

  @Authorized(OFFICER)
  @Mutation(() => PortfolioItemNode)
  async addPortfolioItem(@Arg('applicantId', () => ID) applicantId: string, @Arg('input') input: PortfolioItemInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.portfolioItem, await portfolios.addPortfolioItem(ctx, applicantId, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => PortfolioNode, { description: 'Removes an item; returns its portfolio.' })
  async removePortfolioItem(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.portfolio, await portfolios.removePortfolioItem(ctx, id));
  }

  @Authorized(OFFICER)
  @Mutation(() => PortfolioNode)
  async submitPortfolio(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.portfolio, await portfolios.submitPortfolio(ctx, applicantId));
  }
}
