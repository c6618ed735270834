import { Entity, OneToOne, Property, Ref } from '@mikro-orm/core';
import { Applicant } from '../applicants/applicant.entity';
import { BaseEntity } from '../db/base.entity';

@Entity()
export class Portfolio extends BaseEntity {
  @OneToOne(() => Applicant, { ref: true, owner: true, deleteRule: 'cascade', unique: true })
  applicant: Ref<Applicant>;

  @Property({ type: 'text', nullable: true })
  statement?: string | null;

  /** Null while the applicant is still assembling it. */
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;
}
