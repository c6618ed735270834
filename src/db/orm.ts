import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import path from 'node:path';
import { Client } from 'pg';
import { migrationsList } from '../../migrations';
import { entities } from './entities';

export type Orm = MikroORM<PostgreSqlDriver>;

export function ormConfig(clientUrl: string, options: { debug?: boolean; poolMax?: number } = {}) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // Reflection only: metadata comes from decorators, no ts-morph at run time.
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      migrationsList,
      path: path.resolve(__dirname, '../../../migrations'),
      pathTs: path.resolve(__dirname, '../../migrations'),
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      silent: true,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.debug ?? false,
    // Forked EntityManagers per operation; the global one must never be used for requests.
    allowGlobalContext: false,
    forceUtcTimezone: true,
  });
}

export async function openOrm(clientUrl: string, options: { debug?: boolean; poolMax?: number } = {}): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver>(ormConfig(clientUrl, options));
}

/** Any fixed number, the same in every process: the key of the lock migrations run under. */
const MIGRATION_LOCK = 4_187_240_017;

/**
 * Applies pending migrations; returns the names applied. Instances starting at once on one
 * database take turns under a PostgreSQL advisory lock (held by a connection of its own, outside
 * the pool), so each migration runs once and the others find nothing pending.
 */
export async function migrate(orm: Orm): Promise<string[]> {
  const lock = new Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    // Ending the session releases the lock.
    await lock.end();
  }
}
