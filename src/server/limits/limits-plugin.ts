import type { ApolloServerPlugin } from '@apollo/server';
import type { RateLimits } from '../rate-limits';
import type { QueryLimiter } from './query-limits';

/**
 * HTTP: the operation's limits once Apollo has parsed and validated it, before any resolver runs
 * (a refusal here is answered with 400 and no execution), then its cost charged to its user's
 * cost budget (429 when spent). The text's tokens are checked earlier, when the request's context
 * is made (server.ts), because Apollo parses before any plugin may refuse.
 */
export function queryLimitsPlugin<C extends { user: { id: string } | null }>(limiter: QueryLimiter, rateLimits: RateLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, contextValue }) {
          const { refusal, cost } = limiter.checkOperation(document, operationName, request.variables);
          if (refusal) throw refusal;
          if (contextValue.user) await rateLimits.chargeQueryCost(contextValue.user.id, cost);
        },
      };
    },
  };
}
