import { Check, Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

@Entity()
@Check({ name: 'intake_retention_months_check', expression: 'retention_months is null or retention_months >= 1 and retention_months <= 1200' })
export class Intake extends BaseEntity {
  @Unique()
  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'date' })
  startsOn: string;

  /**
   * Months after the intake starts that its applicants' personal data is kept; null: the
   * server's RETENTION_MONTHS. Past it they are anonymised (privacy/retention.ts).
   */
  @Property({ type: 'integer', nullable: true })
  retentionMonths?: number | null;
}
