import { retryExchange } from '@urql/exchange-retry';
import { Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from 'urql';
import { createLiveClient, type LiveClient } from '../../client/live';
import { currentToken } from './auth';

/** Whether the live socket is up; the meeting view says "reconnecting…" while it is not. */
export type LiveStatus = 'connecting' | 'connected' | 'reconnecting';

type Listener = () => void;
const listeners = new Set<Listener>();
let status: LiveStatus = 'connecting';
function setStatus(next: LiveStatus) {
  status = next;
  listeners.forEach((listener) => listener());
}
export const liveStatus = {
  get: () => status,
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export interface Api {
  urql: Client;
  live: LiveClient;
}

/** What the server said went wrong (its first error's message), else what the transport said. */
export function errorMessage(error: CombinedError): string {
  return error.graphQLErrors[0]?.message ?? error.message;
}

/** Refused because the user's other operations were running: nothing ran, so it is safe to send again. */
function refusedForCostAtOnce(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.code === 'RATE_LIMITED' && e.extensions?.limit === 'queryCostAtOnce');
}

/**
 * urql over HTTP for queries and mutations, and graphql-ws for subscriptions through the typed
 * client's resume helper (client/live.ts): on every reconnect each subscription is sent again
 * with `after` = its last event, so nothing is missed. Documents go by their persisted id.
 */
export function createApi(onSignedOut: () => void): Api {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  let wasConnected = false;
  const live = createLiveClient(wsUrl, {
    lazy: true,
    connectionParams: () => ({ authorization: `Bearer ${currentToken()}` }),
    on: {
      connected: () => {
        wasConnected = true;
        setStatus('connected');
      },
      closed: (event) => {
        const code = (event as { code?: number } | undefined)?.code;
        if (code === 4401 || code === 4403) onSignedOut();
        else setStatus(wasConnected ? 'reconnecting' : 'connecting');
      },
    },
  });
  const urql = new Client({
    url: '/graphql',
    requestPolicy: 'network-only',
    // POST: Apollo refuses GETs without its CSRF header.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${currentToken()}` } }),
    exchanges: [
      // Send each generated document by its persisted id (README "Trusted documents").
      mapExchange({
        onOperation(operation) {
          const hash = (operation.query as { __meta__?: { hash?: string } }).__meta__?.hash;
          if (!hash || operation.kind === 'subscription') return operation;
          return { ...operation, extensions: { ...operation.extensions, persistedQuery: { version: 1, sha256Hash: hash } } } as typeof operation;
        },
      }),
      // Two costly reads of one user at once are refused and not run (README "Rate limits":
      // queryCostAtOnce, retry after 1 s): the console refetching beside the agenda is that case.
      retryExchange({ initialDelayMs: 1000, maxDelayMs: 8000, randomDelay: true, maxNumberAttempts: 5, retryIf: refusedForCostAtOnce }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (_request, operation) => ({
          subscribe(sink) {
            const subscription = live.subscribe(operation.query, (operation.variables ?? {}) as Record<string, unknown>, {
              next: (result) => sink.next(result as never),
              error: (error) => sink.error(error),
              complete: () => sink.complete(),
            });
            return { unsubscribe: () => subscription.unsubscribe() };
          },
        }),
      }),
    ],
  });
  return { urql, live };
}
