import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { mapDatabaseError } from './database-errors';

/**
 * One transaction per mutation. Later work (the event log, publish-after-commit) hooks in here,
 * so every write goes through this one function.
 */
export async function inTransaction<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.em.transactional((em) => work(em as EntityManager));
  } catch (error) {
    throw mapDatabaseError(error);
  }
}
