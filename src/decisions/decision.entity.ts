import { ArrayType, Check, Entity, Enum, ManyToOne, OneToOne, Opt, Property, Ref } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { User } from '../auth/user.entity';
import { BaseEntity } from '../db/base.entity';
import { ReviewSession } from '../reviews/review-session.entity';

export enum DecisionOutcome {
  ADMIT = 'ADMIT',
  ADMIT_AS_TRANSFER = 'ADMIT_AS_TRANSFER',
  WAITLIST = 'WAITLIST',
  REJECT = 'REJECT',
}

/** Every acceptance is conditional in law; the conditions are recorded explicitly. */
export enum AdmissionCondition {
  PREPARATORY_COURSES = 'PREPARATORY_COURSES',
  MISSING_PREREQUISITES = 'MISSING_PREREQUISITES',
  ENGLISH_EXAM = 'ENGLISH_EXAM',
  ENGLISH_LANGUAGE_SCHOOL = 'ENGLISH_LANGUAGE_SCHOOL',
  RECOGNITION_OF_PRIOR_EDUCATION = 'RECOGNITION_OF_PRIOR_EDUCATION',
}

@Entity()
@Check({ name: 'decision_scholarship_check', expression: 'scholarship_percent is null or scholarship_percent >= 0 and scholarship_percent <= 100' })
@Check({ name: 'decision_reject_reason_check', expression: "outcome <> 'REJECT' or reason is not null" })
@Check({ name: 'decision_letter_check', expression: 'letter_issued_at is null or (published_at is not null and tuition_paid_at is not null)' })
export class Decision extends BaseEntity {
  @OneToOne(() => Applicant, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @ManyToOne(() => ReviewSession, { ref: true, nullable: true, deleteRule: 'set null' })
  session?: Ref<ReviewSession> | null;

  @Enum({ items: () => DecisionOutcome })
  outcome: DecisionOutcome;

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  conditions: AdmissionCondition[] & Opt = [];

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
}
