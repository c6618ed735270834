import { Check, Entity, ManyToOne, Opt, Property, Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Intake } from './intake.entity';

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

  /** The last week of an intake: a type-D visa takes up to three months, so only visa-free applicants. */
  @Property({ type: 'boolean', default: false })
  visaFreeOnly: boolean & Opt = false;
}
