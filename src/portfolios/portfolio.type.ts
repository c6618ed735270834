import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { DateTimeScalar } from '../common/scalars';

@ObjectType('PortfolioItem', { implements: Node })
export class PortfolioItemNode extends Node {
  dbId: string;
  portfolioId: string;
  applicantId: string;

  @Field()
  title: string;

  @Field()
  medium: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => Int)
  position: number;
}

@ObjectType('Portfolio', { implements: Node })
export class PortfolioNode extends Node {
  dbId: string;
  applicantId: string;

  @Field(() => String, { nullable: true })
  statement: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while the applicant is still assembling it.' })
  submittedAt: Date | null;
}
