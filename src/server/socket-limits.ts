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
  /** Per socket, per operation id: what gives the operation's room back (rate-limits.ts admitOperation). */
  private readonly running = new Map<WebSocket, Map<string, () => void>>();

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
   * registered this one in `running`), then room for its cost beside the user's other running
   * operations and its charge to their cost budget (rate-limits.ts admitOperation), and a
   * mutation's count against its user's rate limit. The room is given back by `answered`, or
   * when the socket closes.
   */
  async refusal(socket: WebSocket, id: string, running: Record<string, unknown>, userId: string | undefined, document: DocumentNode, operationName: string | null | undefined, cost: number): Promise<readonly GraphQLError[] | null> {
    const max = this.config.maxSubscriptionsPerSocket;
    if (Object.keys(running).length > max) {
      return [new AppError(ErrorCode.LIMIT_EXCEEDED, `Too many operations on this connection: at most ${max} at once.`, { limit: 'subscriptionsPerSocket', max })];
    }
    const operation = getOperationAST(document, operationName);
    if (!operation || !userId) return null;
    let giveBack: (() => void) | null = null;
    try {
      const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === 'FragmentDefinition');
      giveBack = await this.rateLimits.admitOperation(userId, cost, operation.operation);
      await this.rateLimits.countMutation(userId, operation, fragments);
      if (giveBack) this.holdingOn(socket).set(id, giveBack);
      return null;
    } catch (error) {
      giveBack?.();
      if (isRateLimited(error)) return [error];
      throw error;
    }
  }

  /** graphql-ws's onComplete: the operation `id` on `socket` has answered (or ended). */
  answered(socket: WebSocket, id: string): void {
    const held = this.running.get(socket);
    held?.get(id)?.();
    held?.delete(id);
  }

  private holdingOn(socket: WebSocket): Map<string, () => void> {
    let held = this.running.get(socket);
    if (!held) {
      this.running.set(socket, (held = new Map()));
      // An operation cut off with its socket never completes: its room is given back here.
      socket.once('close', () => {
        for (const giveBack of held!.values()) giveBack();
        this.running.delete(socket);
      });
    }
    return held;
  }
}
