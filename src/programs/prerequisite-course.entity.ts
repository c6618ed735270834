import { Entity, ManyToOne, Property, Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Program } from './program.entity';

@Entity()
@Unique({ properties: ['program', 'code'] })
export class PrerequisiteCourse extends BaseEntity {
  @ManyToOne(() => Program, { ref: true, deleteRule: 'cascade' })
  program: Ref<Program>;

  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  title: string;
}
