import { Field, ID, InputType, Int } from 'type-graphql';
import { SessionStatus } from './review-session.entity';
import { Recommendation } from './vote.entity';

@InputType()
export class CreateReviewSessionInput {
  @Field(() => ID)
  committeeId: string;

  @Field(() => ID)
  weekId: string;

  @Field()
  title: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field({ nullable: true, defaultValue: true })
  blind: boolean;
}

@InputType()
export class UpdateReviewSessionInput {
  @Field({ nullable: true })
  title?: string;

  @Field(() => Date, { nullable: true })
  startsAt?: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date;

  @Field({ nullable: true })
  blind?: boolean;
}

@InputType()
export class ReviewSessionFilter {
  @Field(() => ID, { nullable: true })
  committeeId?: string;

  @Field(() => ID, { nullable: true })
  weekId?: string;

  @Field(() => SessionStatus, { nullable: true })
  status?: SessionStatus;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => ID)
  criterionId: string;

  @Field(() => Int)
  score: number;
}

@InputType()
export class CastVoteInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  applicantId: string;

  @Field(() => [CriterionScoreInput], {
    nullable: true,
    defaultValue: [],
    description: 'One score 1–5 for every criterion of the program rubric; none for an abstention.',
  })
  scores: CriterionScoreInput[] | null;

  @Field(() => Recommendation, { description: 'ABSTAIN carries no scores: it counts among the recommendations, never in means, spreads or agreement.' })
  recommendation: Recommendation;

  @Field(() => Int, { description: '1 (low) to 3 (high).' })
  confidence: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => Int, { nullable: true, description: 'Proposed tuition waiver, percent 0–100.' })
  proposedScholarship?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version of your vote this change was made from; required when changing a vote.',
  })
  expectedVersion?: number | null;
}
