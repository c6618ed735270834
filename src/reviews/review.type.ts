import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { connectionTypes } from '../common/pagination';
import { DateTimeScalar } from '../common/scalars';
import { VotingStatus } from './agenda-item.entity';
import { CommentVisibility } from './comment.entity';
import { SessionStatus } from './review-session.entity';
import { Recommendation } from './vote.entity';

@ObjectType('ReviewSession', { implements: Node })
export class ReviewSessionNode extends Node {
  dbId: string;
  committeeId: string;
  weekId: string;
  currentItemId: string | null;

  @Field()
  title: string;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => SessionStatus)
  status: SessionStatus;

  @Field({ description: "Blind mode: a member sees no one else's vote until they have voted or the chair reveals." })
  blind: boolean;
}

export const { Connection: ReviewSessionConnection } = connectionTypes(ReviewSessionNode, 'ReviewSession');

@ObjectType('AgendaItem', { implements: Node })
export class AgendaItemNode extends Node {
  dbId: string;
  sessionId: string;
  applicantId: string;

  @Field(() => Int)
  position: number;

  @Field(() => VotingStatus)
  votingStatus: VotingStatus;

  @Field()
  scoresRevealed: boolean;
}

@ObjectType('CriterionScore')
export class CriterionScore {
  criterionId: string;

  @Field(() => Int)
  score: number;
}

@ObjectType('Vote', { implements: Node })
export class VoteNode extends Node {
  dbId: string;
  sessionId: string;
  applicantId: string;
  memberId: string;
  /** Whether the agenda item's scores were revealed: part of the visibility check. */
  scoresRevealed: boolean;
  sessionBlind: boolean;

  @Field(() => Recommendation)
  recommendation: Recommendation;

  @Field(() => Int, { description: '1 (low) to 3 (high).' })
  confidence: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => Int, { nullable: true, description: 'Proposed tuition waiver, percent.' })
  proposedScholarship: number | null;

  @Field(() => [CriterionScore])
  scores: CriterionScore[];

  @Field(() => Float, { nullable: true, description: "Weighted by the program rubric's criterion weights; null for an abstention." })
  overallScore: number | null;

  @Field(() => Int, { description: 'Pass it back when changing the vote; a change from an older version is refused.' })
  version: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;
}

@ObjectType('ScoreSummary', { description: 'Spread is the population standard deviation (0 for a single vote).' })
export class ScoreSummary {
  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Float, { nullable: true })
  stdDev: number | null;

  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;
}

@ObjectType('CriterionTally')
export class CriterionTally extends ScoreSummary {
  criterionId: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('RecommendationCount')
export class RecommendationCount {
  @Field(() => Recommendation)
  recommendation: Recommendation;

  @Field(() => Int)
  count: number;
}

@ObjectType('Tally', { description: 'Computed by PostgreSQL from the votes on one agenda item.' })
export class TallyNode {
  agendaItemId: string;

  @Field(() => Int, { description: 'Every vote, abstentions included.' })
  voteCount: number;

  @Field(() => Int, { description: 'Votes with scores (not abstentions): what the means and spreads rest on.' })
  scoredVoteCount: number;

  @Field(() => ScoreSummary, { description: 'Of the scored votes only: an abstention never enters a mean or spread.' })
  overall: ScoreSummary;

  @Field(() => [CriterionTally])
  criteria: CriterionTally[];

  @Field(() => [RecommendationCount])
  recommendations: RecommendationCount[];
}

@ObjectType('Comment', { implements: Node })
export class CommentNode extends Node {
  dbId: string;
  sessionId: string;
  applicantId: string;
  authorId: string;

  @Field(() => CommentVisibility)
  visibility: CommentVisibility;

  @Field()
  body: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

@ObjectType('VoteRevision', { description: 'One version of a vote, as it was cast.' })
export class VoteRevisionNode {
  voteId: string;

  @Field(() => Int)
  version: number;

  @Field(() => Recommendation)
  recommendation: Recommendation;

  @Field(() => Int)
  confidence: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => Int, { nullable: true })
  proposedScholarship: number | null;

  @Field(() => [CriterionScore])
  scores: CriterionScore[];

  @Field(() => DateTimeScalar)
  changedAt: Date;
}
