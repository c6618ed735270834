/**
 * How server processes tell each other "session X has new events". Only a hint: the event log
 * is the truth, so a lost or coalesced wake-up costs latency, never an event. Engines: in-process
 * (one server) and PostgreSQL LISTEN/NOTIFY (several servers on one database); another engine
 * (Redis, NATS) implements the same three methods.
 */
export interface WakeChannel {
  start(onWake: (sessionIds: string[]) => void): Promise<void>;
  /** Called after commit; engines may coalesce calls into one message. */
  publish(sessionIds: string[]): void;
  stop(): Promise<void>;
}

export class InProcessWakeChannel implements WakeChannel {
  async start(): Promise<void> {}
  publish(): void {}
  async stop(): Promise<void> {}
}
