import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../common/errors';
import type { Context } from '../context';
import type { Logger } from '../logger';
import { readEntry, recordAudit, rootFieldsOf } from './audit-recorder';

/**
 * Writes the request's READ row — every applicant whose file it read, one INSERT per request
 * whatever the page size — before the answer leaves: an answer whose reading could not be
 * recorded is not sent (it becomes an internal error).
 */
export function readAuditPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          if (!contextValue?.audit) return;
          const entry = readEntry(contextValue.audit, contextValue.user, rootFieldsOf(operation), contextValue.requestId);
          if (!entry) return;
          try {
            await recordAudit(contextValue.db, [entry]);
          } catch (error) {
            logger.error(`[${contextValue.requestId}] Could not record a read in the audit trail; the answer was withheld`, error);
            response.http.status = 500;
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: `Internal server error (reference ${contextValue.requestId}).`, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] },
            };
          }
        },
      };
    },
  };
}
