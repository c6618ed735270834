import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { connectionTypes } from '../common/pagination';
import { DateScalar } from '../common/scalars';

@ObjectType('Intake', { implements: Node })
export class IntakeNode extends Node {
  dbId: string;

  @Field({ description: 'e.g. `2021-10`' })
  code: string;

  @Field()
  name: string;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => Int, {
    nullable: true,
    description: "Months after the intake starts that its applicants' personal data is kept; null: the server's RETENTION_MONTHS.",
  })
  retentionMonths: number | null;
}

export const { Connection: IntakeConnection } = connectionTypes(IntakeNode, 'Intake');

@ObjectType('ReviewWeek', { implements: Node })
export class ReviewWeekNode extends Node {
  dbId: string;
  intakeId: string;

  @Field()
  label: string;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @Field({ description: "The intake's last week, only for applicants who need no visa (derived from the dates, never set)." })
  visaFreeOnly: boolean;
}
