import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { OFFICER, REVIEWERS } from '../auth/roles';
import { reload } from '../common/loader';
import type { Context } from '../context';
import { AdmissionCondition, DecisionOutcome } from './decision.entity';
import * as decisions from './decision.service';
import { DecisionNode } from './decision.type';

@InputType()
class RecordDecisionInput implements decisions.RecordDecision {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  applicantId: string;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => [AdmissionCondition], { nullable: true, description: 'For an admission: preparatory courses, prerequisites, English, recognition.' })
  conditions?: AdmissionCondition[] | null;

  @Field(() => String, { nullable: true, description: 'Required for a rejection.' })
  reason?: string | null;

  @Field(() => Int, { nullable: true, description: 'Tuition waiver, percent 0–100, for an admission.' })
  scholarshipPercent?: number | null;
}

@Resolver(() => DecisionNode)
export class DecisionResolver {
  @Authorized(REVIEWERS)
  @Mutation(() => DecisionNode, { description: "The chair records the committee's decision after voting on the applicant closed." })
  async recordDecision(@Arg('input') input: RecordDecisionInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.recordDecision(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => DecisionNode)
  async publishDecision(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.recordMilestone(ctx, applicantId, 'publishedAt'));
  }

  @Authorized(OFFICER)
  @Mutation(() => DecisionNode)
  async recordTuitionPaid(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.recordMilestone(ctx, applicantId, 'tuitionPaidAt'));
  }

  @Authorized(OFFICER)
  @Mutation(() => DecisionNode, { description: 'Only after the decision is published and the tuition paid.' })
  async issueAcceptanceLetter(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.recordMilestone(ctx, applicantId, 'letterIssuedAt'));
  }
}
