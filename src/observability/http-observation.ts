import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';
import { requestIdOf, tagErrors } from './request-id';

/** What the GraphQL layer learnt about a request, for its log line and its latency label. */
interface OperationNote {
  name: string | null;
  type: string;
  userId: string | null;
  codes: string[];
}

interface Observed extends ServerResponse {
  operationNote?: OperationNote;
}

/**
 * The context of an HTTP operation knows its response, so the plugin can note the operation on
 * it. A symbol property rather than a WeakMap: Apollo runs each operation on a copy of the context.
 */
const RESPONSE = Symbol('response');

export function bindResponse<T extends object>(context: T, res: ServerResponse): T {
  (context as T & { [RESPONSE]?: Observed })[RESPONSE] = res;
  return context;
}

/**
 * Express middleware for /graphql: from receipt to the last byte sent, one latency observation
 * and one log line per request, with its id, operation, status, duration and error codes —
 * requests refused before GraphQL runs (a body that is not JSON, a refused document) included.
 */
export function observeHttp(metrics: Metrics, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const started = performance.now();
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const note = (res as Observed).operationNote;
      metrics.observeRequest(note?.name, note?.type ?? 'none', 'http', seconds);
      logger.info('http', {
        requestId: requestIdOf(res),
        method: req.method,
        operation: note?.name ?? null,
        type: note?.type ?? null,
        status: res.statusCode,
        ms: Math.round(seconds * 10000) / 10,
        userId: note?.userId ?? null,
        ...(note && note.codes.length > 0 ? { errors: note.codes } : {}),
      });
    });
    next();
  };
}

/**
 * Tags the errors of an operation with its request id before formatError logs them, and notes
 * the operation on the response for `observeHttp`.
 */
export function operationObservation<C extends { requestId: string; user: { id: string } | null }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          tagErrors(errors, contextValue.requestId);
        },
        async willSendResponse({ operation, operationName, response }) {
          const res = (contextValue as C & { [RESPONSE]?: Observed })[RESPONSE];
          if (!res) return;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          res.operationNote = {
            name: operationName ?? null,
            type: operation?.operation ?? 'none',
            userId: contextValue.user?.id ?? null,
            codes: errors ? errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) : [],
          };
        },
      };
    },
  };
}
