import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * rate-limiter-flexible's own table (RateLimiterPostgres, `tableCreated: true`): described here so
 * that a migration creates it and the schema check knows it, instead of the library creating it at
 * run time. Its statements insert positionally, so the columns keep the library's order and types.
 * One row per limit and key (`mutations:<user id>`, `auth-failures:<ip>`); `expire` is epoch
 * milliseconds, and rows an hour past it are deleted by the library every five minutes.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimitBucket {
  @PrimaryKey({ type: 'varchar', length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points!: number;

  @Property({ type: 'bigint', nullable: true })
  expire?: string | null;
}
