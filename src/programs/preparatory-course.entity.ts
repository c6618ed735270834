import { Check, Entity, ManyToOne, Property, Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Program } from './program.entity';

/** One of the program's bachelor-level preparatory courses for the conditional route (programs/policy.ts: 10 courses, 60 ECTS). */
@Entity()
@Unique({ properties: ['program', 'code'] })
@Check({ name: 'preparatory_course_ects_check', expression: 'ects >= 1 and ects <= 30' })
export class PreparatoryCourse extends BaseEntity {
  @ManyToOne(() => Program, { ref: true, deleteRule: 'cascade' })
  program: Ref<Program>;

  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  title: string;

  @Property({ type: 'smallint' })
  ects: number;

  @Property({ type: 'integer' })
  position: number;
}
