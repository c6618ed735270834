import { Collection, Entity, ManyToMany, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Program } from '../programs/program.entity';

@Entity()
export class Committee extends BaseEntity {
  @Property({ type: 'text' })
  name: string;

  /** The programs whose applicants this committee may review. */
  @ManyToMany({ entity: () => Program, pivotTable: 'committee_program', joinColumn: 'committee_id', inverseJoinColumn: 'program_id' })
  programs = new Collection<Program>(this);
}
