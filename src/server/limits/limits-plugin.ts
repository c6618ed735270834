import type { ApolloServerPlugin } from '@apollo/server';
import type { RateLimits } from '../rate-limits';
import type { QueryLimiter } from './query-limits';

/**
 * HTTP: the operation's limits once Apollo has parsed and validated it, before any resolver runs
 * (a refusal here is answered with 400 and no execution), then admitted beside the user's other
 * running operations and charged to their cost budget (429 when either says no; rate-limits.ts).
 * The text's tokens are checked earlier, when the request's context is made (server.ts), because
 * Apollo parses before any plugin may refuse.
 */
export function queryLimitsPlugin<C extends { user: { id: string } | null }>(limiter: QueryLimiter, rateLimits: RateLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      let answered: (() => void) | null = null;
      return {
        async didResolveOperation({ document, operation, operationName, request, contextValue }) {
          const { refusal, cost } = limiter.checkOperation(document, operationName, request.variables);
          if (refusal) throw refusal;
          if (contextValue.user && operation) answered = await rateLimits.admitOperation(contextValue.user.id, cost, operation.operation);
        },
        // Called once the answer is made, whether it holds data or errors.
        async willSendResponse() {
          answered?.();
        },
      };
    },
  };
}
