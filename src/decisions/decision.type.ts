import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { DateTimeScalar } from '../common/scalars';
import { AdmissionCondition, DecisionOutcome } from './decision.entity';

@ObjectType('Decision', { implements: Node })
export class DecisionNode extends Node {
  dbId: string;
  applicantId: string;
  sessionId: string | null;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => [AdmissionCondition], { description: 'Every acceptance is conditional; the conditions are explicit.' })
  conditions: AdmissionCondition[];

  @Field(() => String, { nullable: true, description: 'Why, for a rejection (e.g. improper documents).' })
  reason: string | null;

  @Field(() => Int, { nullable: true, description: 'Tuition waiver, percent; never covers living costs.' })
  scholarshipPercent: number | null;

  @Field(() => DateTimeScalar)
  decidedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  tuitionPaidAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Issued only once the decision is published and tuition paid.' })
  letterIssuedAt: Date | null;
}
