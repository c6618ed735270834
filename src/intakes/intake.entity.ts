import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

@Entity()
export class Intake extends BaseEntity {
  @Unique()
  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'date' })
  startsOn: string;
}
