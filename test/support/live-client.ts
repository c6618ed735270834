import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

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
  /** Waits a little and returns what arrived: for asserting that nothing did. */
  settle(ms?: number): Promise<T[]>;
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
          const started = Date.now();
          while (live.received.length < count) {
            if (live.errors.length) throw new Error(`subscription failed: ${JSON.stringify(live.errors)}`);
            if (Date.now() - started > timeoutMs) {
              throw new Error(`waited ${timeoutMs} ms for ${count} results, got ${live.received.length}: ${JSON.stringify(live.received)}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          return live.received;
        },
        async settle(ms = 300) {
          await new Promise((resolve) => setTimeout(resolve, ms));
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
