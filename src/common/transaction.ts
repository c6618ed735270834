import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { EventRecorder } from '../events/event-recorder';
import { mapDatabaseError } from './database-errors';

/**
 * One transaction per mutation. Events recorded through `events` are written in the same
 * transaction, and the bus is told only after the commit: a rolled-back change is never
 * announced, and a committed one always is.
 */
export async function inTransaction<T>(ctx: Context, work: (em: EntityManager, events: EventRecorder) => Promise<T>): Promise<T> {
  let events: EventRecorder | undefined;
  let result: T;
  try {
    result = await ctx.em.transactional((em) => {
      events = new EventRecorder(em as EntityManager, ctx.user?.id ?? null);
      return work(em as EntityManager, events);
    });
  } catch (error) {
    throw mapDatabaseError(error);
  }
  if (events && events.sessionIds.size > 0) ctx.bus.committed([...events.sessionIds]);
  return result;
}
