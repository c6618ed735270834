import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import path from 'node:path';
import { Client } from 'pg';
import { migrationsList } from '../../migrations';
import { entities } from './entities';
import { applyRoutines } from './routines';

export type Orm = MikroORM<PostgreSqlDriver>;

export interface OrmOptions {
  debug?: boolean;
  poolMax?: number;
  /** PostgreSQL statement_timeout of every pooled connection, ms (STATEMENT_TIMEOUT_MS); unset or 0: none. */
  statementTimeoutMs?: number;
}

export function ormConfig(clientUrl: string, options: OrmOptions = {}) {
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
    pool: {
      min: 0,
      max: options.poolMax ?? 10,
      // No request holds a connection for long: PostgreSQL cancels a longer statement (SQLSTATE 57014).
      afterCreate: (connection: { query(sql: string, done: (error?: Error) => void): void }, done: (error: Error | undefined, connection: unknown) => void) => {
        if (!options.statementTimeoutMs) return done(undefined, connection);
        connection.query(`SET statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`, (error) => done(error, connection));
      },
    },
    debug: options.debug ?? false,
    // Forked EntityManagers per operation; the global one must never be used for requests.
    allowGlobalContext: false,
    forceUtcTimezone: true,
  });
}

export async function openOrm(clientUrl: string, options: OrmOptions = {}): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver>(ormConfig(clientUrl, options));
}

/** Any fixed number, the same in every process: the key of the lock migrations run under. */
const MIGRATION_LOCK = 4_187_240_017;

/**
 * Applies pending migrations, then the database routines (routines.ts); returns the migrations applied. Instances starting at once on one
 * database take turns under a PostgreSQL advisory lock (held by a connection of its own, outside
 * the pool), so each migration runs once and the others find nothing pending.
 */
export async function migrate(orm: Orm): Promise<string[]> {
  const lock = new Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await orm.getMigrator().up();
    await applyRoutines(orm.em.getKnex());
    return applied.map((m) => m.name);
  } finally {
    // Ending the session releases the lock.
    await lock.end();
  }
}
