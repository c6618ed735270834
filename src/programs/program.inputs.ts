import { Field, Float, InputType, Int } from 'type-graphql';

@InputType()
export class CreateProgramInput {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { nullable: true, defaultValue: 2 })
  minAcademicReferences: number;

  @Field({ nullable: true, defaultValue: false })
  portfolioRequired: boolean;

  @Field({ nullable: true, defaultValue: false })
  relevantBackgroundRequired: boolean;
}

@InputType()
export class UpdateProgramInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => Int, { nullable: true })
  minAcademicReferences?: number;

  @Field({ nullable: true })
  portfolioRequired?: boolean;

  @Field({ nullable: true })
  relevantBackgroundRequired?: boolean;
}

@InputType()
export class PrerequisiteCourseInput {
  @Field()
  code: string;

  @Field()
  title: string;
}

@InputType()
export class PreparatoryCourseInput {
  @Field()
  code: string;

  @Field()
  title: string;

  @Field(() => Int, { description: 'Bachelor-level ECTS credits, 1–30; the ten courses add up to 60.' })
  ects: number;
}

@InputType()
export class RubricCriterionInput {
  @Field({ description: 'Stable machine name; an existing key updates that criterion in place.' })
  key: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => Float)
  weight: number;

  @Field(() => [String], { description: 'Exactly five: what scores 1, 2, 3, 4 and 5 mean.' })
  levelDescriptions: string[];
}
