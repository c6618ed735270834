import { Client } from 'pg';
import type { Logger } from '../logger';
import type { WakeChannel } from './wake-channel';

/** NOTIFY payloads are limited to 8000 bytes; ids are 36 characters (and a short prefix). */
const IDS_PER_MESSAGE = 200;
/** A connection attempt to a database that does not answer gives up after this, and the loop tries again. */
const CONNECT_TIMEOUT_MS = 5000;
const RECONNECT_MAX_MS = 5000;

/**
 * LISTEN/NOTIFY between server processes. NOTIFY is sent after commit, outside the writing
 * transaction, and coalesced: NOTES.md measured that a NOTIFY inside each vote's transaction
 * serialises commits and costs more than half the write rate.
 */
export class PostgresWakeChannel implements WakeChannel {
  private listener?: Client;
  private publisher?: Client;
  private pending = new Set<string>();
  private flushScheduled = false;
  private sending: Promise<void> = Promise.resolve();
  private stopped = false;
  private reconnecting = false;
  private onWake: (sessionIds: string[]) => void = () => {};

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly coalesceMs = 2,
    /** The session event bus's by default; other wake-ups (sign-in sessions ended) use their own. */
    private readonly channel = 'conclave_session_events',
  ) {}

  async start(onWake: (sessionIds: string[]) => void): Promise<void> {
    this.onWake = onWake;
    await this.connectListener();
  }

  publish(sessionIds: string[]): void {
    for (const id of sessionIds) this.pending.add(id);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setTimeout(() => void this.flush(), this.coalesceMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
    const listener = this.listener;
    this.listener = undefined;
    await Promise.all([listener?.end().catch(() => {}), this.publisher?.end().catch(() => {})]);
  }

  /**
   * One LISTEN connection at a time. Its handlers act only while it is the current one: a lost
   * connection may emit both 'error' and 'end', and a connection lost between connect and LISTEN
   * (the database going down during a reconnect attempt) emitted 'error' while the loop's own
   * attempt failed too — each started a reconnect loop of its own, leaving two listeners behind
   * (every wake-up twice) or a client that was never ended.
   */
  private async connectListener(): Promise<void> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    const lost = (error?: unknown) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => {});
      if (this.stopped) return;
      this.logger.error(`LISTEN ${this.channel}: connection lost; reconnecting`, error ?? 'the connection ended');
      void this.reconnect();
    };
    client.on('notification', (message) => {
      if (this.listener === client && message.channel === this.channel && message.payload) this.onWake(message.payload.split(','));
    });
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
  }

  /**
   * Exactly one loop, with backoff, until a LISTEN connection is back. Then every feed is woken
   * (`onWake([])`): each reads the event log from its own last-seen position, so what committed
   * while nobody listened (here or in another process) is delivered — NOTIFY was only ever a hint.
   */
  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    try {
      for (let delay = 100; !this.stopped; delay = Math.min(delay * 2, RECONNECT_MAX_MS)) {
        try {
          await this.connectListener();
          if (this.stopped) return;
          this.logger.info(`LISTEN ${this.channel}: connection back; every feed catches up from the event log`);
          this.onWake([]);
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, delay).unref());
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }

  /** One NOTIFY at a time on the publisher connection: a flush that comes due while one is sending waits for it. */
  private flush(): Promise<void> {
    this.sending = this.sending.then(() => this.send());
    return this.sending;
  }

  private async send(): Promise<void> {
    this.flushScheduled = false;
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length === 0) return;
    try {
      if (!this.publisher) {
        const client = new Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
        client.on('error', () => {
          if (this.publisher === client) this.publisher = undefined;
        });
        await client.connect().catch(async (error) => {
          await client.end().catch(() => {});
          throw error;
        });
        this.publisher = client;
      }
      for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE) {
        await this.publisher.query('select pg_notify($1, $2)', [this.channel, ids.slice(i, i + IDS_PER_MESSAGE).join(',')]);
      }
    } catch (error) {
      // The other processes' periodic poll picks the events up; only latency is lost.
      this.logger.error('NOTIFY failed', error);
      void this.publisher?.end().catch(() => {});
      this.publisher = undefined;
    }
  }
}
