import { DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { actAs } from '../db/acting';
import { EventRecorder } from '../events/event-recorder';
import { mapDatabaseError } from './database-errors';

const ATTEMPTS = 3;

/** PostgreSQL aborted the transaction to break a lock cycle or a serialization conflict: safe to run again. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return error instanceof DeadlockException || error instanceof LockWaitTimeoutException || code === '40P01' || code === '40001';
}

/**
 * A mutation that is one SQL statement is its own transaction: no BEGIN and COMMIT round trips
 * (on this machine each costs more than the statement's own work). Same promises as
 * inTransaction: retried when PostgreSQL aborts it to break a deadlock, and the sessions whose
 * events it wrote are announced only after it committed.
 */
export async function inStatement<T>(ctx: Context, run: () => Promise<{ result: T; sessionIds: readonly string[] }>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, sessionIds } = await run();
      if (sessionIds.length > 0) ctx.bus.committed([...sessionIds]);
      return result;
    } catch (error) {
      if (attempt < ATTEMPTS && isTransient(error)) {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        continue;
      }
      throw mapDatabaseError(error);
    }
  }
}

/**
 * One transaction per mutation. It first names the acting user and mutation to the audit
 * trail's triggers (one statement, db/acting.ts). Events recorded through `events` are written
 * in the same transaction, and the bus is told only after the commit: a rolled-back change is
 * never announced, and a committed one always is. A transaction PostgreSQL aborts to break a
 * deadlock is run again (the work re-reads everything), so users see no such failure.
 */
export async function inTransaction<T>(ctx: Context, work: (em: EntityManager, events: EventRecorder) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let events: EventRecorder | undefined;
    try {
      const result = await ctx.em.transactional(async (em) => {
        const operation = ctx.audit.current;
        await actAs(em as EntityManager, { actorId: ctx.user?.id ?? null, requestId: ctx.requestId, operationId: operation?.operationId ?? null, action: operation?.action ?? null });
        events = new EventRecorder(em as EntityManager, ctx.user?.id ?? null);
        return work(em as EntityManager, events);
      });
      if (events && events.sessionIds.size > 0) ctx.bus.committed([...events.sessionIds]);
      return result;
    } catch (error) {
      if (attempt < ATTEMPTS && isTransient(error)) {
        ctx.em.clear();
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        continue;
      }
      throw mapDatabaseError(error);
    }
  }
}

