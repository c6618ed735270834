import { Client } from 'pg';
import type { Logger } from '../logger';
import type { WakeChannel } from './wake-channel';

/** NOTIFY payloads are limited to 8000 bytes; ids are 36 characters (and a short prefix). */
const IDS_PER_MESSAGE = 200;

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
    await Promise.all([this.listener?.end().catch(() => {}), this.publisher?.end().catch(() => {})]);
  }

  private async connectListener(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) this.onWake(message.payload.split(','));
    });
    client.on('error', (error) => {
      this.logger.error('LISTEN connection lost; reconnecting', error);
      void this.reconnect();
    });
    await client.connect();
    await client.query(`listen ${this.channel}`);
    this.listener = client;
  }

  /** After a lost connection, wake every feed: notifications sent meanwhile were missed. */
  private async reconnect(): Promise<void> {
    await this.listener?.end().catch(() => {});
    for (let delay = 100; !this.stopped; delay = Math.min(delay * 2, 5000)) {
      try {
        await this.connectListener();
        this.onWake([]);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
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
        const client = new Client({ connectionString: this.url });
        client.on('error', () => {
          this.publisher = undefined;
        });
        await client.connect();
        this.publisher = client;
      }
      for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE) {
        await this.publisher.query('select pg_notify($1, $2)', [this.channel, ids.slice(i, i + IDS_PER_MESSAGE).join(',')]);
      }
    } catch (error) {
      // The other processes' periodic poll picks the events up; only latency is lost.
      this.logger.error('NOTIFY failed', error);
      this.publisher = undefined;
    }
  }
}
