import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../common/errors';
import { inputProblem } from '../common/input-limits';

/**
 * Every operation's arguments are checked before it runs (input-limits.ts): what PostgreSQL
 * would refuse is the client's BAD_USER_INPUT with its field, never a database error. A
 * subscription sent over HTTP is refused as the client's mistake: live results travel over the
 * WebSocket (graphql-ws) at the same path, and over HTTP its resolver's stream had nowhere to go.
 */
export function inputChecks<C extends object>(schema: GraphQLSchema): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation }) {
          if (operation?.operation === 'subscription') throw subscriptionOverHttp();
          const problem = inputProblem(schema, document, request.operationName, request.variables);
          if (problem) throw problem;
        },
      };
    },
  };
}

function subscriptionOverHttp(): GraphQLError {
  return new GraphQLError('Subscriptions are served over WebSocket (the graphql-ws protocol) at /graphql, not over HTTP.', {
    extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
  });
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
