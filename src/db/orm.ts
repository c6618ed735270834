import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import path from 'node:path';
import { migrationsList } from '../../migrations';
import { entities } from './entities';
import { applyRoutines } from './routines';

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

/** Applies pending migrations, then the database routines (routines.ts); returns the migrations applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  await applyRoutines(orm.em.getKnex());
  return applied.map((m) => m.name);
}
