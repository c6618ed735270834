import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

/**
 * GraphQL over HTTP (the spec graphql-http audits): a client that accepts only `application/json`
 * (the legacy media type) gets 200 for a well-formed request whose document does not parse, does
 * not validate, or whose variables do not coerce — the errors are in the body — while a client
 * accepting `application/graphql-response+json` gets the 4xx that Apollo sends. Apollo itself
 * answers 400 to both.
 */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
/** Apollo's order: on a tie (`*\/*`, no Accept) JSON wins, as it does for Apollo's own choice. */
const OFFERED = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON];

/** Request errors that the spec says are still a 200 in `application/json`. */
const DOCUMENT_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

export function legacyJsonStatus<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if (singleResult.data !== undefined || !singleResult.errors?.every((error) => DOCUMENT_ERRORS.has(String(error.extensions?.code)))) return;
          const accept = request.http?.headers.get('accept');
          const chosen = accept ? new Negotiator({ headers: { accept } }).mediaType(OFFERED) : APPLICATION_JSON;
          if (chosen !== APPLICATION_JSON) return;
          response.http.status = 200;
          // Said here, so that Apollo's own choice cannot differ from the one made above.
          response.http.headers.set('content-type', APPLICATION_JSON);
        },
      };
    },
  };
}
