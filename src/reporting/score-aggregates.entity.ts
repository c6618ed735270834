import { DecimalType, Entity, ManyToOne, Property, Ref } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { RubricCriterion } from '../programs/rubric-criterion.entity';
import { ReviewSession } from '../reviews/review-session.entity';

/**
 * Running totals the reports read instead of every score (score-aggregates.routines.ts keeps them,
 * in the transaction of whatever writes a score; nothing in the application writes them). Both
 * are keyed by agenda item (session × applicant), the grain at which report visibility is decided
 * (report-scope.ts `visibleItemsCte`), so a report adds up only the items its reader may see.
 */

/**
 * Per agenda item and criterion: how many scores it has (`m`) and how many of each value 1–5.
 * Krippendorff's alpha and each criterion's count, mean, median and spread need nothing else.
 * A row whose scores were all taken back stays, with zeros (it adds nothing to any sum).
 */
@Entity()
export class ScoreUnit {
  @ManyToOne(() => ReviewSession, { primary: true, ref: true, deleteRule: 'cascade' })
  session: Ref<ReviewSession>;

  @ManyToOne(() => Applicant, { primary: true, ref: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @ManyToOne(() => RubricCriterion, { primary: true, ref: true, deleteRule: 'cascade' })
  criterion: Ref<RubricCriterion>;

  @Property({ type: 'integer', default: 0 })
  m: number;

  @Property({ type: 'integer', default: 0 })
  n1: number;

  @Property({ type: 'integer', default: 0 })
  n2: number;

  @Property({ type: 'integer', default: 0 })
  n3: number;

  @Property({ type: 'integer', default: 0 })
  n4: number;

  @Property({ type: 'integer', default: 0 })
  n5: number;
}

/**
 * Per agenda item: its scored votes (abstentions carry no scores), the sum of their overall
 * scores (vote.overall, weighted by the rubric), and how many round to each of 1–5.
 */
@Entity()
export class ItemScoreSummary {
  @ManyToOne(() => ReviewSession, { primary: true, ref: true, deleteRule: 'cascade' })
  session: Ref<ReviewSession>;

  @ManyToOne(() => Applicant, { primary: true, ref: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @Property({ type: 'integer', default: 0 })
  votes: number;

  @Property({ type: new DecimalType('string'), columnType: 'numeric', default: 0 })
  overallSum: string;

  @Property({ type: 'integer', default: 0 })
  rounded1: number;

  @Property({ type: 'integer', default: 0 })
  rounded2: number;

  @Property({ type: 'integer', default: 0 })
  rounded3: number;

  @Property({ type: 'integer', default: 0 })
  rounded4: number;

  @Property({ type: 'integer', default: 0 })
  rounded5: number;
}
