import { Field, ID, InputType, Int } from 'type-graphql';
import { WeekOfMonth } from './policy';
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
}

@InputType()
export class UpdateReviewWeekInput {
  @Field({ nullable: true })
  label?: string;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;
}

@InputType({ description: 'One week of the published rule, e.g. the last week of October 2020.' })
export class MonthWeekInput {
  @Field(() => WeekOfMonth)
  week: WeekOfMonth;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: '1–12' })
  month: number;
}

@InputType({ description: '"Last week of October, November, December and January; the last for applicants needing no visa."' })
export class ScheduleReviewWeeksInput {
  @Field(() => ID)
  intakeId: string;

  @Field(() => [MonthWeekInput], { description: 'The weeks; the latest becomes the visa-free one.' })
  weeks: MonthWeekInput[];
}
