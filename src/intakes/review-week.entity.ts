import { Check, Entity, ManyToOne, Property, Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Intake } from './intake.entity';

/** A review week of an intake; which one is visa-free follows from the dates (intakes/policy.ts). */
@Entity()
@Unique({ properties: ['intake', 'startsOn'] })
@Check({ name: 'review_week_dates_check', expression: 'ends_on >= starts_on' })
export class ReviewWeek extends BaseEntity {
  @ManyToOne(() => Intake, { ref: true, deleteRule: 'cascade' })
  intake: Ref<Intake>;

  @Property({ type: 'text' })
  label: string;

  @Property({ type: 'date' })
  startsOn: string;

  @Property({ type: 'date' })
  endsOn: string;
}
