import type { Knex } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { compareCursors, Cursor, headOf, readEvents, StoredEvent } from './event-feed';
import type { WakeChannel } from './wake-channel';

export type EventListener = (events: StoredEvent[]) => void;

/** A listener's own position: it receives only events after it, in order, each once. */
interface Subscription {
  cursor: Cursor;
  listener: EventListener;
  /** Live batches that arrive while the listener's catch-up read is running. */
  buffered?: StoredEvent[][];
}

/** How far behind the log a process reads (observability/metrics.ts). */
export interface EventLogMetrics {
  observeEventLag(seconds: number): void;
}

const RETRY_HELD_BACK_MS = 5;
const SAFETY_POLL_MS = 2000;

/**
 * One feed per session with listeners in this process: a single reader follows the session's
 * event log and hands each batch to every listener, so the database work per event does not
 * grow with the number of subscribers. It reads when woken (after a local commit, or by the
 * wake channel from another process) and every couple of seconds in case a wake-up was lost.
 */
class SessionFeed {
  readonly subscriptions = new Set<Subscription>();
  private cursor: Promise<Cursor>;
  private reading = false;
  private again = false;
  private retry?: NodeJS.Timeout;
  /** Reads failed in a row (the database is away): the retry backs off, and only the first is logged. */
  private failures = 0;

  constructor(
    private readonly db: Knex,
    readonly sessionId: string,
    private readonly logger: Logger,
    private readonly metrics?: EventLogMetrics,
  ) {
    this.cursor = headOf(db, sessionId);
  }

  /** Where the feed stands; a failed first read is tried again next time instead of sticking. */
  private async position(): Promise<Cursor> {
    try {
      return await this.cursor;
    } catch (error) {
      this.cursor = headOf(this.db, this.sessionId);
      throw error;
    }
  }

  async add(after: Cursor | null, listener: EventListener): Promise<Subscription> {
    const head = await this.position();
    const subscription: Subscription = { cursor: after ?? head, listener };
    if (after === null || compareCursors(after, head) >= 0) {
      this.subscriptions.add(subscription);
      return subscription;
    }
    // Catch up from the log to where the feed stands, holding back live batches meanwhile.
    subscription.buffered = [];
    this.subscriptions.add(subscription);
    try {
      for (let more = true; more; ) {
        const page = await readEvents(this.db, this.sessionId, subscription.cursor, { upTo: head });
        this.deliver(subscription, page.events);
        more = page.more;
      }
    } finally {
      const buffered = subscription.buffered;
      subscription.buffered = undefined;
      for (const batch of buffered) this.deliver(subscription, batch);
    }
    return subscription;
  }

  /** Reads what is new; concurrent wake-ups collapse into one more read. */
  async wake(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        const from = await this.position();
        const page = await readEvents(this.db, this.sessionId, from);
        if (page.events.length > 0) {
          this.metrics?.observeEventLag((Date.now() - page.events[0].occurredAt.getTime()) / 1000);
          this.cursor = Promise.resolve(page.events[page.events.length - 1].cursor);
          for (const subscription of this.subscriptions) this.handOut(subscription, page.events);
        }
        if (page.more) this.again = true;
        else if (page.heldBack) this.scheduleRetry();
      } while (this.again);
      if (this.failures > 0) this.logger.info(`Reading the event log of session ${this.sessionId} works again after ${this.failures} failed reads`);
      this.failures = 0;
    } catch (error) {
      if (this.failures++ === 0) this.logger.error(`Reading the event log of session ${this.sessionId} failed; retrying until it works`, error);
      this.scheduleRetry(Math.min(250 * 2 ** (this.failures - 1), SAFETY_POLL_MS));
    } finally {
      this.reading = false;
    }
  }

  close(): void {
    clearTimeout(this.retry);
  }

  /** Resolves after a read that started after this call (SessionEventBus.flush). */
  async flush(): Promise<void> {
    while (this.reading) await new Promise((resolve) => setImmediate(resolve));
    await this.wake();
  }

  private scheduleRetry(delay = RETRY_HELD_BACK_MS) {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.wake();
    }, delay);
  }

  private handOut(subscription: Subscription, events: StoredEvent[]) {
    if (subscription.buffered) subscription.buffered.push(events);
    else this.deliver(subscription, events);
  }

  private deliver(subscription: Subscription, events: StoredEvent[]) {
    const fresh = events.filter((event) => compareCursors(event.cursor, subscription.cursor) > 0);
    if (fresh.length === 0) return;
    subscription.cursor = fresh[fresh.length - 1].cursor;
    try {
      subscription.listener(fresh);
    } catch (error) {
      this.logger.error('An event listener failed', error);
    }
  }
}

export class SessionEventBus {
  private readonly feeds = new Map<string, SessionFeed>();
  private safetyPoll?: NodeJS.Timeout;

  constructor(
    private readonly db: Knex,
    private readonly channel: WakeChannel,
    private readonly logger: Logger,
    private readonly metrics?: EventLogMetrics,
  ) {}

  /** Sessions this process follows, each with one reader. */
  sessionsFollowed(): number {
    return this.feeds.size;
  }

  async start(): Promise<void> {
    await this.channel.start((sessionIds) => this.wake(sessionIds.length > 0 ? sessionIds : [...this.feeds.keys()]));
    this.safetyPoll = setInterval(() => this.wake([...this.feeds.keys()]), SAFETY_POLL_MS);
    this.safetyPoll.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.safetyPoll);
    for (const feed of this.feeds.values()) feed.close();
    this.feeds.clear();
    await this.channel.stop();
  }

  /**
   * Reads what every feed has not read yet and hands it out (on shutdown: the last commits reach
   * this process's subscribers before their sockets close). A read already under way is waited for.
   */
  async flush(): Promise<void> {
    await Promise.all([...this.feeds.values()].map((feed) => feed.flush()));
  }

  /** After a commit in this process: read locally at once, and wake the other processes. */
  committed(sessionIds: string[]): void {
    this.wake(sessionIds);
    this.channel.publish(sessionIds);
  }

  /**
   * Calls `listener` with every event of the session after `after` (or from now on when null),
   * in log order, then with live events as they commit. Returns the unsubscribe function.
   */
  async subscribe(sessionId: string, after: Cursor | null, listener: EventListener): Promise<() => void> {
    let feed = this.feeds.get(sessionId);
    if (!feed) {
      feed = new SessionFeed(this.db, sessionId, this.logger, this.metrics);
      this.feeds.set(sessionId, feed);
    }
    let subscription: Awaited<ReturnType<SessionFeed['add']>>;
    try {
      subscription = await feed.add(after, listener);
    } catch (error) {
      this.release(sessionId, feed);
      throw error;
    }
    return () => {
      feed.subscriptions.delete(subscription);
      this.release(sessionId, feed);
    };
  }

  private release(sessionId: string, feed: SessionFeed) {
    if (feed.subscriptions.size === 0 && this.feeds.get(sessionId) === feed) {
      feed.close();
      this.feeds.delete(sessionId);
    }
  }

  private wake(sessionIds: string[]) {
    for (const id of sessionIds) void this.feeds.get(id)?.wake();
  }
}
