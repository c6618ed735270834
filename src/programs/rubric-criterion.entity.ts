import { ArrayType, Check, DecimalType, Entity, ManyToOne, Property, Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Program } from './program.entity';

@Entity()
@Unique({ properties: ['program', 'key'] })
@Check({ name: 'rubric_criterion_weight_check', expression: 'weight > 0' })
@Check({ name: 'rubric_criterion_levels_check', expression: 'cardinality(level_descriptions) = 5' })
export class RubricCriterion extends BaseEntity {
  @ManyToOne(() => Program, { ref: true, deleteRule: 'cascade' })
  program: Ref<Program>;

  /** Stable machine name (e.g. `academic_record`); votes refer to criteria by id. */
  @Property({ type: 'text' })
  key: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  description: string;

  @Property({ type: new DecimalType('number'), columnType: 'numeric(6,3)' })
  weight: number;

  @Property({ type: 'integer' })
  position: number;

  /** What scores 1..5 mean, index 0 = score 1. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  levelDescriptions: string[];
}
