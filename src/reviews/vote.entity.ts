import { Check, Collection, DecimalType, Entity, Enum, Index, ManyToOne, OneToMany, Opt, Property, Ref, Unique } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { User } from '../auth/user.entity';
import { BaseEntity } from '../db/base.entity';
import { ReviewSession } from './review-session.entity';
import { VoteScore } from './vote-score.entity';

export enum Recommendation {
  ADMIT = 'ADMIT',
  ADMIT_AS_TRANSFER = 'ADMIT_AS_TRANSFER',
  WAITLIST = 'WAITLIST',
  REJECT = 'REJECT',
  ABSTAIN = 'ABSTAIN',
}

@Entity()
@Unique({ properties: ['session', 'applicant', 'member'] })
@Index({ properties: ['applicant'] })
@Check({ name: 'vote_confidence_check', expression: 'confidence >= 1 and confidence <= 3' })
@Check({ name: 'vote_scholarship_check', expression: 'proposed_scholarship is null or proposed_scholarship >= 0 and proposed_scholarship <= 100' })
@Check({ name: 'vote_version_check', expression: 'version >= 1' })
export class Vote extends BaseEntity {
  @ManyToOne(() => ReviewSession, { ref: true, deleteRule: 'cascade' })
  session: Ref<ReviewSession>;

  @ManyToOne(() => Applicant, { ref: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  member: Ref<User>;

  @Enum({ items: () => Recommendation })
  recommendation: Recommendation;

  @Property({ type: 'smallint' })
  confidence: number;

  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Property({ type: 'smallint', nullable: true })
  proposedScholarship?: number | null;

  /** Bumped on every change; a change made from an older version is refused. */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  /**
   * The scores weighted by the rubric (null for an abstention), kept by the database whenever a
   * score or a weight changes (reporting/score-aggregates.routines.ts): reports read it instead of
   * every score. Never written by the application.
   */
  @Property({ type: new DecimalType('string'), columnType: 'numeric', nullable: true })
  overall?: string | null;

  @OneToMany(() => VoteScore, (score) => score.vote, { orphanRemoval: true })
  scores = new Collection<VoteScore>(this);
}
