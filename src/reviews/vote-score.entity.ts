import { Check, Entity, ManyToOne, Property, Ref } from '@mikro-orm/core';
import { RubricCriterion } from '../programs/rubric-criterion.entity';
import type { Vote } from './vote.entity';

/** One row per criterion so PostgreSQL can aggregate scores per criterion. */
@Entity()
@Check({ name: 'vote_score_range_check', expression: 'score >= 1 and score <= 5' })
export class VoteScore {
  @ManyToOne({ entity: 'Vote', primary: true, ref: true, deleteRule: 'cascade' })
  vote: Ref<Vote>;

  @ManyToOne(() => RubricCriterion, { primary: true, ref: true, deleteRule: 'restrict' })
  criterion: Ref<RubricCriterion>;

  @Property({ type: 'smallint' })
  score: number;
}
