import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client, type ClientOptions, type ExecutionResult } from 'graphql-ws';

/**
 * Live subscriptions that survive dropped sockets. graphql-ws reconnects by itself and sends every
 * active subscription again; this helper makes each resend carry `after` = the last `eventId` the
 * subscription received, so the server first replays what was missed, in order, and nothing
 * arrives twice (Conclave's `sessionEvents` contract). Framework-free and browser-safe: it
 * imports only graphql-ws and graphql, and takes a graphql-ws Client or a URL.
 *
 * Documents generated into client/generated carry their persisted id (`__meta__.hash`); those are
 * sent by id, so they run on a server with TRUSTED_DOCUMENTS=require too.
 */

export type LiveDocument<TData, TVariables> = TypedDocumentNode<TData, TVariables> | string;

export interface LiveSink<TData> {
  next(result: ExecutionResult<TData>): void;
  error?(error: unknown): void;
  complete?(): void;
}

export interface ResumeOptions<TData> {
  /** Start after this event (one kept from an earlier visit); by default from now on. */
  after?: string | null;
  /** The variable that carries the resume point (`after`). */
  afterVariable?: string;
  /** The event id of a result; by default the `eventId` of its one root field. */
  eventIdOf?(data: TData): string | null | undefined;
}

export interface LiveSubscription {
  /** The last event received: keep it to resume later with `after`. */
  readonly lastEventId: string | null;
  unsubscribe(): void;
}

/** Close codes after which reconnecting cannot help: 4403 is a refused token (sign in again). */
const FINAL_CLOSE_CODES = new Set([4401, 4403]);

function rootEventId(data: unknown): string | null | undefined {
  const fields = data && typeof data === 'object' ? Object.values(data as Record<string, unknown>) : [];
  const root = fields.length === 1 ? fields[0] : undefined;
  return root && typeof root === 'object' ? ((root as { eventId?: string }).eventId ?? undefined) : undefined;
}

/** What graphql-ws sends: the persisted id when the document has one, else the text. */
function documentPayload(document: LiveDocument<unknown, unknown>): { query: string; extensions?: Record<string, unknown> } {
  if (typeof document === 'string') return { query: document };
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (hash) return { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
  return { query: print(document) };
}

export function subscribeResumable<TData, TVariables extends Record<string, unknown>>(
  client: Client,
  document: LiveDocument<TData, TVariables>,
  variables: TVariables,
  sink: LiveSink<TData>,
  options: ResumeOptions<TData> = {},
): LiveSubscription {
  const afterVariable = options.afterVariable ?? 'after';
  const eventIdOf = options.eventIdOf ?? rootEventId;
  let lastEventId = options.after ?? (variables[afterVariable] as string | null | undefined) ?? null;
  const payload = {
    ...documentPayload(document as LiveDocument<unknown, unknown>),
    // Read each time graphql-ws sends the subscription: on the first connect and on every reconnect.
    get variables() {
      return { ...variables, [afterVariable]: lastEventId };
    },
  };
  const unsubscribe = client.subscribe<TData>(payload, {
    next(result) {
      const eventId = result.data ? eventIdOf(result.data as TData) : undefined;
      if (eventId) lastEventId = eventId;
      sink.next(result as ExecutionResult<TData>);
    },
    error: (error) => sink.error?.(error),
    complete: () => sink.complete?.(),
  });
  return {
    get lastEventId() {
      return lastEventId;
    },
    unsubscribe,
  };
}

export interface LiveClient {
  client: Client;
  subscribe<TData, TVariables extends Record<string, unknown>>(
    document: LiveDocument<TData, TVariables>,
    variables: TVariables,
    sink: LiveSink<TData>,
    options?: ResumeOptions<TData>,
  ): LiveSubscription;
  dispose(): Promise<void>;
}

/**
 * A graphql-ws client that keeps reconnecting (quickly at first, then backing off to 10 s), pings
 * every 20 s, and resumes its subscriptions. `url` is ws(s)://…/graphql; `options` are graphql-ws's own (pass
 * `connectionParams: { authorization: 'Bearer …' }`, and outside a browser `webSocketImpl`).
 */
export function createLiveClient(urlOrClient: string | Client, options: Omit<ClientOptions, 'url'> = {}): LiveClient {
  const client =
    typeof urlOrClient === 'string'
      ? createClient({
          url: urlOrClient,
          retryAttempts: Infinity,
          shouldRetry: (event) => !(event && typeof event === 'object' && FINAL_CLOSE_CODES.has((event as { code?: number }).code ?? 0)),
          retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 100 * 2 ** retries) * (0.5 + Math.random() / 2))),
          // A ping every 20 s keeps load balancers (idle timeouts of 60 s are common) from cutting a quiet meeting.
          keepAlive: 20_000,
          ...options,
        })
      : urlOrClient;
  return {
    client,
    subscribe: (document, variables, sink, resume) => subscribeResumable(client, document, variables, sink, resume),
    dispose: async () => {
      await client.dispose();
    },
  };
}
