import type { Knex } from '@mikro-orm/postgresql';
import { execute, getOperationAST } from 'graphql';
import { AuditEntry, readEntry, recordAudit, rootFieldsOf } from '../../audit/audit-recorder';
import { Access, AuthUser } from '../../auth/access';
import { isDatabaseUnavailable } from '../../common/database-errors';
import { ErrorCode } from '../../common/errors';
import type { Context } from '../../context';
import { AsyncQueue } from '../../events/async-queue';
import type { Cursor, StoredEvent } from '../../events/event-feed';
import { createLoaders, Loaders } from '../../loaders';
import type { Logger } from '../../logger';
import { nextMessagePrefix, SocketDelivery, writeMessages } from '../../subscriptions/socket-delivery';
import { Audience, loadAudience } from './audience';
import type { LiveEvent } from './session-event.type';

/** How long deliveries take (observability/metrics.ts). */
export interface FanoutMetrics {
  observeDelivery(seconds: number): void;
}

/** Sockets written between two turns of the event loop (~4 ms here), so pings and requests never wait long. */
const SOCKETS_PER_TURN = 256;

/** A batch the database could not prepare is tried again after this, doubling up to the cap, until the database answers. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2000;

/** A batch could not be prepared because the database is away: kept and tried again, never sent to anyone half-done. */
class DatabaseAway extends Error {
  constructor(readonly cause: unknown) {
    super('The database is unavailable');
  }
}

/** The database went away under the batch (the pool, a statement, or a resolver's load during execution). */
function databaseAway(error: unknown): boolean {
  return error instanceof DatabaseAway || isDatabaseUnavailable(error) || (error as { extensions?: { code?: unknown } })?.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE;
}

export type ShapeEvents = (viewer: AuthUser, events: StoredEvent[], audience: Audience, loaders: Loaders) => LiveEvent[];
/** Whether the viewer may still follow, asked on every batch (audience.ts): an error ends the subscription with it. */
export type LiveRefusal = (viewer: AuthUser, audience: Audience) => Error | null;

interface Subscriber {
  sessionId: string;
  viewer: AuthUser;
  context: Context;
  delivery: SocketDelivery;
  prefix: Buffer;
  /** Subscribers with the same key receive byte-identical payloads: same operation, same viewer. */
  groupKey: string;
  shape: ShapeEvents;
  refuse: LiveRefusal;
  closed: boolean;
  fail(error: unknown): void;
}

interface SessionQueue {
  items: { subscriber: Subscriber; events: StoredEvent[] }[];
  running: boolean;
}

interface Batch {
  sessionId: string;
  events: StoredEvent[];
  subscribers: Subscriber[];
}

/**
 * Live delivery that does not grow with the subscribers: for each batch of a session's events
 * the audience is read once, each operation is executed and serialised once per viewer (never
 * shared across viewers, who may see different things: blind mode, conflicts, their own votes
 * and comments), and the same bytes are written to each of that viewer's sockets — in chunks,
 * yielding to the event loop between them. graphql-ws's own path (the one `per-subscriber`
 * delivery keeps) executes and serialises again for every socket.
 */
export class LiveFanout {
  private readonly queues = new Map<string, SessionQueue>();

  constructor(
    private readonly db: Knex,
    private readonly logger: Logger,
    private readonly metrics?: FanoutMetrics,
  ) {}

  /** Resolves once every batch handed to the fan-out has been written (on shutdown, before sockets close). */
  async idle(): Promise<void> {
    while ([...this.queues.values()].some((queue) => queue.running || queue.items.length > 0)) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Subscribes through the bus (which keeps each subscriber's position and catch-up) and returns the stream graphql-ws holds. */
  async subscribe(ctx: Context, sessionId: string, after: Cursor | null, shape: ShapeEvents, refuse: LiveRefusal, onClose: () => void): Promise<AsyncIterableIterator<never>> {
    const delivery = ctx.delivery!;
    const viewer = ctx.user!;
    let unsubscribe: (() => void) | undefined;
    // Nothing is ever yielded: frames go straight to the socket. The stream ends when the client
    // completes or goes away (graphql-ws calls return()), or fails if a batch cannot be delivered.
    const queue = new AsyncQueue<never>(() => {
      subscriber.closed = true;
      unsubscribe?.();
      onClose();
    });
    const subscriber: Subscriber = {
      sessionId,
      viewer,
      context: ctx,
      delivery,
      prefix: nextMessagePrefix(delivery.id),
      // Everything the payload depends on about the viewer: who they are and their role (the
      // audience rules read both; a demoted officer's new sockets must not share old payloads).
      groupKey: `${delivery.operationKey}\n${viewer.id}\n${viewer.role}`,
      shape,
      refuse,
      closed: false,
      fail: (error) => queue.fail(error),
    };
    try {
      unsubscribe = await ctx.bus.subscribe(sessionId, after, (events) => this.enqueue(subscriber, events));
    } catch (error) {
      await queue.return();
      throw error;
    }
    if (subscriber.closed) unsubscribe();
    return queue;
  }

  /** The bus calls every listener of a batch in one loop; they are delivered together a microtask later. */
  private enqueue(subscriber: Subscriber, events: StoredEvent[]) {
    let queue = this.queues.get(subscriber.sessionId);
    if (!queue) {
      queue = { items: [], running: false };
      this.queues.set(subscriber.sessionId, queue);
    }
    queue.items.push({ subscriber, events });
    if (queue.running) return;
    queue.running = true;
    const sessionId = subscriber.sessionId;
    const running = queue;
    queueMicrotask(() => void this.drain(sessionId, running));
  }

  /**
   * Delivers a session's batches in order. Whatever arrives while a batch is being written is
   * merged into the next one, so a burst of votes costs each socket one write, not one per vote,
   * and its tallies collapse into one per applicant: latency stays bounded under bursts.
   */
  private async drain(sessionId: string, queue: SessionQueue): Promise<void> {
    try {
      while (queue.items.length > 0) {
        const items = queue.items;
        queue.items = [];
        const merged = new Map<Subscriber, StoredEvent[]>();
        for (const { subscriber, events } of items) {
          const list = merged.get(subscriber);
          if (list) list.push(...events);
          else merged.set(subscriber, [...events]);
        }
        const batches = new Map<string, Batch>();
        for (const [subscriber, events] of merged) {
          if (subscriber.closed) continue;
          const key = `${events[0].eventId}/${events[events.length - 1].eventId}/${events.length}`;
          const batch = batches.get(key) ?? { sessionId, events, subscribers: [] };
          batch.subscribers.push(subscriber);
          batches.set(key, batch);
        }
        for (const batch of batches.values()) await this.deliverOrRetry(batch);
      }
    } finally {
      queue.running = false;
      if (this.queues.get(sessionId) === queue && queue.items.length === 0) this.queues.delete(sessionId);
    }
  }

  /**
   * A database outage is not the subscribers' problem: the batch is kept (and the session's later
   * batches wait behind it, so order holds) and tried again with capped backoff until the
   * database answers; nothing is written before the whole batch is prepared, so nobody gets half
   * of it or an error in between. Only a failure that is not the database's ends the streams.
   */
  private async deliverOrRetry(batch: Batch): Promise<void> {
    for (let delay = RETRY_FIRST_MS, attempt = 1; ; delay = Math.min(delay * 2, RETRY_MAX_MS), attempt++) {
      try {
        await this.deliver(batch);
        if (attempt > 1) this.logger.info(`live: ${batch.events.length} events of session ${batch.sessionId} delivered after ${attempt} attempts (the database is back)`);
        return;
      } catch (error) {
        if (!databaseAway(error)) return this.failAll(batch.subscribers, error);
        if (batch.subscribers.every((subscriber) => subscriber.closed)) return;
        if (attempt === 1) this.logger.error(`live: the database is unavailable; ${batch.events.length} events of session ${batch.sessionId} wait for it (${(error as Error).message})`);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  /** Nobody may silently miss an event: their streams fail with the error, and clients resume with `after`. */
  private failAll(subscribers: Subscriber[], error: unknown) {
    this.logger.error(`Delivering live events to ${subscribers.length} subscribers failed`, error);
    for (const subscriber of subscribers) subscriber.fail(error);
  }

  private async deliver(batch: Batch): Promise<void> {
    const started = performance.now();
    const audience = await loadAudience(this.db, batch.sessionId, batch.events);
    const loaders = createLoaders(this.db);
    // A right taken away since the last batch (a seat removed) ends that subscription with the refusal.
    for (const subscriber of batch.subscribers) {
      const refusal = subscriber.closed ? null : subscriber.refuse(subscriber.viewer, audience);
      if (refusal) subscriber.fail(refusal);
    }
    const groups = new Map<string, Subscriber>();
    for (const subscriber of batch.subscribers) if (!subscriber.closed && !groups.has(subscriber.groupKey)) groups.set(subscriber.groupKey, subscriber);
    // One viewer's failure fails that viewer's streams only.
    const settled = await Promise.allSettled([...groups.values()].map((first) => this.render(first, batch.events, audience, loaders)));
    // …unless the database is away: then nobody's payload can be trusted, and the batch is retried whole.
    const away = settled.find((outcome) => outcome.status === 'rejected' && databaseAway(outcome.reason));
    if (away) throw (away as PromiseRejectedResult).reason;
    const rendered = new Map<string, Buffer[]>();
    const reads: AuditEntry[] = [];
    [...groups.entries()].forEach(([key, first], index) => {
      const outcome = settled[index];
      if (outcome.status === 'fulfilled') rendered.set(key, outcome.value);
      else this.failAll(batch.subscribers.filter((s) => s.groupKey === key), outcome.reason);
      const entry = readEntry(first.context.audit, first.viewer, rootFieldsOf(getOperationAST(first.delivery.args.document, first.delivery.args.operationName)), first.context.requestId);
      if (entry && outcome.status === 'fulfilled') reads.push(entry);
    });
    // Every viewer's reads of applicants' files in this batch, in one statement, before anything is sent.
    await recordAudit(this.db, reads);
    const prepared = performance.now();
    let written = 0;
    for (const subscriber of batch.subscribers) {
      const payloads = rendered.get(subscriber.groupKey);
      if (subscriber.closed || !payloads) continue;
      writeMessages(subscriber.delivery, subscriber.prefix, payloads);
      if (++written % SOCKETS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const done = performance.now();
    this.metrics?.observeDelivery((done - started) / 1000);
    this.logger.debug(
      `live: ${batch.events.length} events to ${batch.subscribers.length} subscribers of session ${batch.sessionId}: ` +
        `prepared in ${(prepared - started).toFixed(1)} ms, written in ${(done - prepared).toFixed(1)} ms`,
    );
  }

  /** One viewer's payloads for a batch: executed with fresh rules and the batch's loaders, serialised once. */
  private render(subscriber: Subscriber, events: StoredEvent[], audience: Audience, loaders: Loaders): Promise<Buffer[]> {
    const { context, delivery, viewer } = subscriber;
    context.loaders = loaders;
    context.access = new Access(context.db, viewer);
    const liveEvents = subscriber.shape(viewer, events, audience, loaders);
    return Promise.all(
      liveEvents.map(async (event) => {
        const result = await execute({ ...delivery.args, rootValue: event, contextValue: context });
        // A resolver's load that met the outage is an error inside the result, not a rejection.
        const away = result.errors?.find((error) => databaseAway(error.originalError ?? error));
        if (away) throw new DatabaseAway(away.originalError ?? away);
        return Buffer.from(JSON.stringify(delivery.format(result)));
      }),
    );
  }
}
