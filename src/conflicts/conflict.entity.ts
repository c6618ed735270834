import { Check, Entity, Enum, ManyToOne, Property, Ref, Unique } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { User } from '../auth/user.entity';
import { BaseEntity } from '../db/base.entity';

export enum ConflictSource {
  /** Declared by the member or an officer, with a reason. */
  DECLARED = 'DECLARED',
  /** Detected: the member's institution is the applicant's prior institution. */
  SHARED_INSTITUTION = 'SHARED_INSTITUTION',
  /** Detected: the member wrote one of the applicant's reference letters. */
  REFEREE = 'REFEREE',
}

/**
 * Declared conflicts are rows; detected ones are computed from live data (so they follow
 * changes to institutions and references) and only get a row here when an officer clears one.
 */
@Entity({ tableName: 'conflict_of_interest' })
@Unique({ properties: ['user', 'applicant', 'source'] })
@Check({ name: 'conflict_cleared_check', expression: '(cleared_at is null) = (cleared_by_id is null)' })
@Check({ name: 'conflict_detected_rows_are_clearances_check', expression: "source = 'DECLARED' or cleared_at is not null" })
export class ConflictOfInterest extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @ManyToOne(() => Applicant, { ref: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @Enum({ items: () => ConflictSource })
  source: ConflictSource;

  @Property({ type: 'text' })
  reason: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'set null', nullable: true })
  declaredBy?: Ref<User> | null;

  @Property({ type: 'datetime', nullable: true })
  clearedAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  clearedBy?: Ref<User> | null;
}
