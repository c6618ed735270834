import { randomUUID } from 'node:crypto';
import { Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** Every table has a UUID key (safe to expose inside global IDs) and creation time. */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
