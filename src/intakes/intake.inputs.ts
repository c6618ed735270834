import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../common/scalars';

@InputType()
export class CreateIntakeInput {
  @Field({ description: 'e.g. `2021-10`' })
  code: string;

  @Field()
  name: string;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => Int, { nullable: true, description: "Months its applicants' personal data is kept after it starts (1–1200); unset: the server's RETENTION_MONTHS." })
  retentionMonths?: number | null;
}

@InputType()
export class UpdateIntakeInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => Int, { nullable: true, description: "null: back to the server's RETENTION_MONTHS." })
  retentionMonths?: number | null;
}

@InputType()
export class CreateReviewWeekInput {
  @Field(() => ID)
  intakeId: string;

  @Field()
  label: string;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @Field({ nullable: true, defaultValue: false })
  visaFreeOnly: boolean;
}

@InputType()
export class UpdateReviewWeekInput {
  @Field({ nullable: true })
  label?: string;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;

  @Field({ nullable: true })
  visaFreeOnly?: boolean;
}
