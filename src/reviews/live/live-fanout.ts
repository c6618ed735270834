import type { Knex } from '@mikro-orm/postgresql';
import { execute } from 'graphql';
import { Access, AuthUser } from '../../auth/access';
import type { Context } from '../../context';
import { AsyncQueue } from '../../events/async-queue';
import type { Cursor, StoredEvent } from '../../events/event-feed';
import { createLoaders, Loaders } from '../../loaders';
import type { Logger } from '../../logger';
import { nextFramePrefix, SocketDelivery, writeFrame } from '../../subscriptions/socket-delivery';
import { Audience, loadAudience } from './audience';
import type { LiveEvent } from './session-event.type';

/** Sockets written between two turns of the event loop, so pings and requests never wait long. */
const SOCKETS_PER_TURN = 1000;

export type ShapeEvents = (viewer: AuthUser, events: StoredEvent[], audience: Audience, loaders: Loaders) => LiveEvent[];

interface Subscriber {
  sessionId: string;
  viewer: AuthUser;
  context: Context;
  delivery: SocketDelivery;
  prefix: string;
  /** Subscribers with the same key receive byte-identical payloads: same operation, same viewer. */
  groupKey: string;
  shape: ShapeEvents;
  closed: boolean;
  fail(error: unknown): void;
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
  private pending: { subscriber: Subscriber; events: StoredEvent[] }[] = [];
  private scheduled = false;
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Knex,
    private readonly logger: Logger,
  ) {}

  /** Subscribes through the bus (which keeps each subscriber's position and catch-up) and returns the stream graphql-ws holds. */
  async subscribe(ctx: Context, sessionId: string, after: Cursor | null, shape: ShapeEvents, onClose: () => void): Promise<AsyncIterableIterator<never>> {
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
      prefix: nextFramePrefix(delivery.id),
      groupKey: `${delivery.operationKey}\n${viewer.id}`,
      shape,
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
    this.pending.push({ subscriber, events });
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush() {
    const work = this.pending;
    this.pending = [];
    this.scheduled = false;
    const batches = new Map<string, Batch>();
    for (const { subscriber, events } of work) {
      const key = `${subscriber.sessionId}/${events[0].eventId}/${events[events.length - 1].eventId}`;
      const batch = batches.get(key) ?? { sessionId: subscriber.sessionId, events, subscribers: [] };
      batch.subscribers.push(subscriber);
      batches.set(key, batch);
    }
    // Batches of one session go out in order; sessions do not wait for each other.
    for (const batch of batches.values()) {
      const next = (this.chains.get(batch.sessionId) ?? Promise.resolve()).then(() => this.deliver(batch));
      this.chains.set(batch.sessionId, next);
      void next.then(() => {
        if (this.chains.get(batch.sessionId) === next) this.chains.delete(batch.sessionId);
      });
    }
  }

  private async deliver(batch: Batch): Promise<void> {
    let rendered: Map<string, string[]>;
    try {
      const audience = await loadAudience(this.db, batch.sessionId, batch.events);
      const loaders = createLoaders(this.db);
      const payloads = new Map<string, Promise<string[]>>();
      for (const subscriber of batch.subscribers) {
        if (!subscriber.closed && !payloads.has(subscriber.groupKey)) payloads.set(subscriber.groupKey, this.render(subscriber, batch.events, audience, loaders));
      }
      rendered = new Map();
      for (const [key, payload] of payloads) rendered.set(key, await payload);
    } catch (error) {
      // Nobody may silently miss an event: their streams fail, and clients resume with `after`.
      this.logger.error(`Delivering events of session ${batch.sessionId} failed`, error);
      for (const subscriber of batch.subscribers) subscriber.fail(error);
      return;
    }
    let written = 0;
    for (const subscriber of batch.subscribers) {
      if (subscriber.closed) continue;
      for (const payload of rendered.get(subscriber.groupKey) ?? []) writeFrame(subscriber.delivery, subscriber.prefix, payload);
      if (++written % SOCKETS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** One viewer's payloads for a batch: executed with fresh rules and the batch's loaders, serialised once. */
  private render(subscriber: Subscriber, events: StoredEvent[], audience: Audience, loaders: Loaders): Promise<string[]> {
    const { context, delivery, viewer } = subscriber;
    context.loaders = loaders;
    context.access = new Access(context.db, viewer);
    const liveEvents = subscriber.shape(viewer, events, audience, loaders);
    return Promise.all(
      liveEvents.map(async (event) => JSON.stringify(delivery.format(await execute({ ...delivery.args, rootValue: event, contextValue: context })))),
    );
  }
}
