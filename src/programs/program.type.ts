import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { connectionTypes } from '../common/pagination';

@ObjectType('Program', { implements: Node })
export class ProgramNode extends Node {
  dbId: string;
  /** Read with the program (programsById), so eligibility needs no statement of its own for them. */
  prerequisites: PrerequisiteCourseType[];

  @Field(() => [PreparatoryCourseType], {
    description: 'The 10 courses / 60 ECTS of scientific preparation a conditional-route admission signs up for (empty until the program sets them).',
  })
  preparatoryCourses: PreparatoryCourseType[];

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { description: 'Academic reference letters required (2 by default).' })
  minAcademicReferences: number;

  @Field({ description: 'Whether a creative portfolio is required for committee review.' })
  portfolioRequired: boolean;

  @Field({ description: 'Whether only applicants with a design or arts background are considered.' })
  relevantBackgroundRequired: boolean;
}

@ObjectType('PrerequisiteCourse')
export class PrerequisiteCourseType {
  programId: string;

  @Field()
  code: string;

  @Field()
  title: string;
}

@ObjectType('PreparatoryCourse', { description: 'A bachelor-level course of the scientific preparation.' })
export class PreparatoryCourseType {
  @Field()
  code: string;

  @Field()
  title: string;

  @Field(() => Int)
  ects: number;
}

@ObjectType('RubricLevel')
export class RubricLevel {
  @Field(() => Int)
  score: number;

  @Field()
  description: string;
}

@ObjectType('RubricCriterion', { implements: Node })
export class RubricCriterionNode extends Node {
  dbId: string;
  programId: string;

  @Field({ description: 'Stable machine name, e.g. `academic_record`.' })
  key: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => Float)
  weight: number;

  @Field(() => Int)
  position: number;

  @Field(() => [RubricLevel], { description: 'What each score 1–5 means, so members score against the same anchors.' })
  levels: RubricLevel[];
}

export const { Connection: ProgramConnection } = connectionTypes(ProgramNode, 'Program');
