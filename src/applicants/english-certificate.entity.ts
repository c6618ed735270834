import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Opt, Property, Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { EnglishTest } from './applicant.enums';
import { Applicant } from './applicant.entity';

/** One of an applicant's English certificates; an applicant may hold several, and the best counts (policy.ts). */
@Entity({ tableName: 'english_certificate' })
@Index({ properties: ['applicant'] })
@Check({
  name: 'english_certificate_score_check',
  expression: "(test = 'IELTS_ACADEMIC' and score >= 0 and score <= 9) or (test = 'TOEFL_IBT' and score >= 0 and score <= 120)",
})
export class EnglishCertificate extends BaseEntity {
  @ManyToOne(() => Applicant, { ref: true, deleteRule: 'cascade' })
  applicant: Ref<Applicant>;

  @Enum({ items: () => EnglishTest })
  test: EnglishTest;

  @Property({ type: new DecimalType('number'), columnType: 'numeric(5,1)' })
  score: number;

  /** The order they were given in. */
  @Property({ type: 'smallint', default: 0 })
  position: number & Opt = 0;
}
