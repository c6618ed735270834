import { Check, Entity, Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

@Entity()
@Check({ name: 'program_min_academic_references_check', expression: 'min_academic_references >= 0' })
export class Program extends BaseEntity {
  @Unique()
  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'integer', default: 2 })
  minAcademicReferences: number & Opt = 2;

  @Property({ type: 'boolean', default: false })
  portfolioRequired: boolean & Opt = false;

  /** VACD considers only applicants with a design or arts background. */
  @Property({ type: 'boolean', default: false })
  relevantBackgroundRequired: boolean & Opt = false;
}
