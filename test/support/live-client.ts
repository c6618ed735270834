import { Client, createClient } from 'graphql-ws';
import { until } from './until';
import type { Knex } from '@mikro-orm/postgresql';
import WebSocket from 'ws';
import { encodeEventId, ORIGIN } from '../../src/events/event-feed';

/**
 * A real graphql-ws client over a real WebSocket, as a browser tab would hold one. `received`
 * collects what arrives; `next(n)` waits for more, failing loudly after a timeout.
 */
export interface Live<T = any> {
  received: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves once at least `count` results have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  /**
   * Resolves once what arrived satisfies `done` (or an error arrived, when `errors` is set).
   * To assert that something did NOT arrive, wait for a later event that must arrive after it
   * (events reach a subscriber in log order), never for a fixed time.
   */
  until(done: (received: T[], errors: unknown[]) => boolean, timeoutMs?: number): Promise<T[]>;
  stop(): void;
}

export interface LiveConnection {
  client: Client;
  closed: Promise<{ code: number; reason: string }>;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): Live<T>;
  dispose(): Promise<void>;
}

/** `token` may be the promise `tokenFor` returns. */
export function connect(httpUrl: string, token: string | Promise<string> | null): LiveConnection {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: async () => {
      const value = await token;
      return value ? { authorization: `Bearer ${value}` } : {};
    },
    retryAttempts: 0,
    lazy: false,
    // The close is reported through `closed`; without this the client logs it to the console.
    onNonLazyError: () => {},
    on: { closed: (event: any) => onClosed({ code: event?.code, reason: event?.reason }) },
  });
  return {
    client,
    closed,
    subscribe<T>(query: string, variables: Record<string, unknown> = {}): Live<T> {
      const live: Live<T> = {
        received: [],
        errors: [],
        completed: false,
        async waitFor(count, timeoutMs = 5000) {
          await until(
            () => {
              if (live.errors.length) throw new Error(`subscription failed: ${JSON.stringify(live.errors)}`);
              return live.received.length >= count;
            },
            () => `${count} results, got ${live.received.length}: ${JSON.stringify(live.received)}`,
            timeoutMs,
          );
          return live.received;
        },
        async until(done, timeoutMs = 5000) {
          await until(() => done(live.received, live.errors), () => `the results wanted; got ${JSON.stringify(live.received)}, errors ${JSON.stringify(live.errors)}`, timeoutMs);
          return live.received;
        },
        stop: () => unsubscribe(),
      };
      const unsubscribe = client.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            if (result.errors) live.errors.push(...result.errors);
            else live.received.push(result.data as T);
          },
          error: (error) => live.errors.push(error),
          complete: () => {
            live.completed = true;
          },
        },
      );
      return live;
    },
    async dispose() {
      await client.dispose();
    },
  };
}

/** Resolves once the server accepted the connection (a query answered over it). */
export function connected(connection: LiveConnection): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.client.subscribe({ query: '{ __typename }' }, { next: () => resolve(), error: reject, complete: () => {} });
  });
}

export const SESSION_EVENTS = `subscription($sessionId: ID!, $after: ID) {
  sessionEvents(sessionId: $sessionId, after: $after) {
    __typename eventId type
    actor { name }
    applicant { id }
    ... on VoteCastEvent { version changed vote { version scores { score } member { name } } }
    ... on TallyChangedEvent { tally { voteCount overall { mean } } }
    ... on CommentPostedEvent { comment { body visibility } }
    ... on DecisionRecordedEvent { decision { outcome } }
    ... on CurrentApplicantChangedEvent { agendaItem { votingStatus } }
  }
}`;

/**
 * The id of the last event in the log (of one session, or of all), to subscribe with as `after`:
 * the subscription then replays everything from there, so it needs no time to "register" before
 * the test acts (graphql-ws does not acknowledge a subscription). With an empty log, the origin.
 */
export async function logHead(db: Knex, sessionId?: string): Promise<string> {
  const q = db('session_event').select(db.raw('xid::text as xid'), 'id').orderBy([{ column: 'xid', order: 'desc' }, { column: 'id', order: 'desc' }]).first();
  if (sessionId) q.where('session_id', sessionId);
  const row = await q;
  return encodeEventId(row ? { xid: BigInt(row.xid), id: BigInt(row.id) } : ORIGIN);
}
