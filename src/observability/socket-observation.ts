import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** The parts of a graphql-ws server context this reads. */
interface SocketContext {
  subscriptions: Record<string, unknown>;
  extra: { request: IncomingMessage; user?: { id: string } | null };
}

/**
 * WebSocket connections and their operations, for logs and metrics. A connection gets its id
 * from the upgrade request (`X-Request-Id`, returned in the 101 response), and each subscription
 * the id `<connection>/<graphql-ws id>`. Open sockets and running subscriptions are counted when
 * Prometheus asks, not on every message.
 */
export class SocketObservation {
  private readonly connectionIds = new WeakMap<IncomingMessage, string>();
  private readonly contexts = new Set<SocketContext>();
  private readonly started = new WeakMap<SocketContext, Map<string, number>>();

  constructor(
    wsServer: WebSocketServer,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
    sessionsFollowed: () => number,
  ) {
    wsServer.on('headers', (headers: string[], request: IncomingMessage) => {
      const id = requestIdFrom(request.headers['x-request-id']);
      this.connectionIds.set(request, id);
      headers.push(`${REQUEST_ID_HEADER}: ${id}`);
    });
    wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      const opened = performance.now();
      const requestId = this.connectionIds.get(request);
      this.logger.debug('ws open', { requestId });
      socket.once('close', (code: number) => this.logger.info('ws close', { requestId, code, seconds: Math.round((performance.now() - opened) / 100) / 10 }));
    });
    metrics.watchLive({
      sockets: () => wsServer.clients.size,
      subscriptions: () => {
        let count = 0;
        for (const context of this.contexts) count += Object.keys(context.subscriptions).length;
        return count;
      },
      sessionsFollowed,
    });
  }

  /** The request id of one subscription. */
  requestId(ctx: SocketContext, id: string): string {
    return `${this.connectionIds.get(ctx.extra.request) ?? 'ws'}/${id}`;
  }

  connected(ctx: SocketContext): void {
    this.contexts.add(ctx);
  }

  closed(ctx: SocketContext): void {
    this.contexts.delete(ctx);
  }

  subscribing(ctx: SocketContext, id: string): void {
    let started = this.started.get(ctx);
    if (!started) this.started.set(ctx, (started = new Map()));
    started.set(id, performance.now());
  }

  /** Seconds since the subscribe message, once: null after the operation started. */
  private elapsed(ctx: SocketContext, id: string): number | null {
    const started = this.started.get(ctx);
    const since = started?.get(id);
    started?.delete(id);
    return since === undefined ? null : (performance.now() - since) / 1000;
  }

  /** The subscription runs (or the query answered): one latency observation and one log line. */
  subscribed(ctx: SocketContext, id: string, operationName: string | null | undefined, type: string): void {
    const seconds = this.elapsed(ctx, id) ?? 0;
    this.metrics.observeRequest(operationName, type, 'ws', seconds);
    this.logger.info('ws', { requestId: this.requestId(ctx, id), operation: operationName ?? null, type, ms: Math.round(seconds * 10000) / 10, userId: ctx.extra.user?.id ?? null });
  }

  /** Errors sent for a subscription: its refusal at the start, or the failure of a running one. */
  failed(ctx: SocketContext, id: string, codes: string[]): void {
    const seconds = this.elapsed(ctx, id);
    if (seconds !== null) this.metrics.observeRequest(null, 'refused', 'ws', seconds);
    this.logger.info('ws error', { requestId: this.requestId(ctx, id), userId: ctx.extra.user?.id ?? null, errors: codes });
  }
}
