import type { DocumentNode, FragmentDefinitionNode, GraphQLError } from 'graphql';
import { getOperationAST } from 'graphql';
import type { WebSocket } from 'ws';
import { AppError, ErrorCode } from '../common/errors';
import { isRateLimited, retryAfterOf, type RateLimits } from './rate-limits';

/**
 * Caps on live connections (README "Rate limits and caps"). Sockets live in one process, so the
 * per-user cap is per process: a cluster of N workers lets a user hold up to N× as many.
 */
export interface SocketLimitConfig {
  maxSocketsPerUser: number;
  maxSubscriptionsPerSocket: number;
}

/** Close code: over a cap or a rate limit; the reason says which and, for a rate limit, when to retry. */
export const TOO_MANY = 4429;

/** Closes the socket of a rate-limited connection_init; true if it was one. */
export function closeIfRateLimited(socket: WebSocket, error: unknown): boolean {
  if (!isRateLimited(error)) return false;
  socket.close(TOO_MANY, `Rate limited: retry after ${retryAfterOf(error)} s`);
  return true;
}

export class SocketLimits {
  private readonly socketsByUser = new Map<string, Set<WebSocket>>();

  constructor(
    private readonly config: SocketLimitConfig,
    private readonly rateLimits: RateLimits,
  ) {}

  /** An acknowledged socket of the user, or false (closed with 4429) when the user holds the most allowed here. */
  admit(socket: WebSocket, userId: string): boolean {
    let sockets = this.socketsByUser.get(userId);
    if (sockets && sockets.size >= this.config.maxSocketsPerUser) {
      socket.close(TOO_MANY, `Too many connections: at most ${this.config.maxSocketsPerUser} per user`);
      return false;
    }
    if (!sockets) this.socketsByUser.set(userId, (sockets = new Set()));
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.socketsByUser.get(userId) === sockets) this.socketsByUser.delete(userId);
    });
    return true;
  }

  /**
   * Before an operation runs on a socket: the cap on operations at once (graphql-ws has already
   * registered this one in `running`), then its cost against its user's cost budget and a
   * mutation's count against its user's rate limit.
   */
  async refusal(running: Record<string, unknown>, userId: string | undefined, document: DocumentNode, operationName: string | null | undefined, cost: number): Promise<readonly GraphQLError[] | null> {
    const max = this.config.maxSubscriptionsPerSocket;
    if (Object.keys(running).length > max) {
      return [new AppError(ErrorCode.LIMIT_EXCEEDED, `Too many operations on this connection: at most ${max} at once.`, { limit: 'subscriptionsPerSocket', max })];
    }
    const operation = getOperationAST(document, operationName);
    if (!operation || !userId) return null;
    try {
      const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === 'FragmentDefinition');
      await this.rateLimits.chargeQueryCost(userId, cost);
      await this.rateLimits.countMutation(userId, operation, fragments);
      return null;
    } catch (error) {
      if (isRateLimited(error)) return [error];
      throw error;
    }
  }
}
