import type { ApolloServerPlugin } from '@apollo/server';
import type { QueryLimiter } from './query-limits';

/**
 * HTTP: the operation's limits once Apollo has parsed and validated it, before any resolver runs
 * (a refusal here is answered with 400 and no execution). The text's tokens are checked earlier,
 * when the request's context is made (server.ts), because Apollo parses before any plugin may refuse.
 */
export function queryLimitsPlugin<C extends object>(limiter: QueryLimiter): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request }) {
          const refusal = limiter.checkOperation(document, operationName, request.variables);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
