import { Check, Collection, Entity, Enum, ManyToOne, OneToMany, OneToOne, Property, Ref } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { User } from '../auth/user.entity';
import { BaseEntity } from '../db/base.entity';
import { ReviewSession } from '../reviews/review-session.entity';
import { DecisionCondition } from './decision-condition.entity';
import { DecisionOutcome, RejectionReason } from './decision.enums';

@Entity()
@Check({ name: 'decision_scholarship_check', expression: 'scholarship_percent is null or scholarship_percent >= 0 and scholarship_percent <= 100' })
@Check({ name: 'decision_reject_reason_check', expression: "(outcome = 'REJECT') = (rejection_reason is not null)" })
@Check({ name: 'decision_letter_check', expression: 'letter_issued_at is null or (published_at is not null and tuition_paid_at is not null)' })
export class Decision extends BaseEntity {
  @OneToOne(() => Applicant, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  /** Null when the office rejected an improper application, which is never put on an agenda. */
  @ManyToOne(() => ReviewSession, { ref: true, nullable: true, deleteRule: 'set null' })
  session?: Ref<ReviewSession> | null;

  @Enum({ items: () => DecisionOutcome })
  outcome: DecisionOutcome;

  /** Set exactly for rejections (a database check). */
  @Enum({ items: () => RejectionReason, nullable: true })
  rejectionReason?: RejectionReason | null;

  /** The committee's words: why, for a rejection; anything the applicant should know otherwise. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'smallint', nullable: true })
  scholarshipPercent?: number | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy?: Ref<User> | null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  tuitionPaidAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  letterIssuedAt?: Date | null;

  @OneToMany(() => DecisionCondition, (condition) => condition.decision)
  conditions = new Collection<DecisionCondition>(this);
}
