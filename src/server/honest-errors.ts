import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { ErrorCode } from '../common/errors';
import { inputProblem } from '../common/input-limits';

/**
 * Every operation's arguments are checked before it runs (input-limits.ts): what PostgreSQL
 * would refuse is the client's BAD_USER_INPUT with its field, never a database error.
 */
export function inputChecks<C extends object>(schema: GraphQLSchema): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problem = inputProblem(schema, document, request.operationName, request.variables);
          if (problem) throw problem;
        },
      };
    },
  };
}

/** Seconds a client should wait before trying again while the database is away. */
const RETRY_AFTER_SECONDS = 5;

/**
 * An answer with a SERVICE_UNAVAILABLE error (the database is away) is a 503 with Retry-After,
 * even when some fields were answered: the client (or a load balancer) must retry, not take the
 * partial answer for the truth. Errors raised before execution carry their status themselves.
 */
export function serviceUnavailableStatus<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (!response.body.singleResult.errors?.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
