import type { WebSocket } from 'ws';

export interface BackpressureOptions {
  /** Unsent bytes a socket may have queued (LIVE_MAX_BUFFERED_BYTES). */
  maxBufferedBytes: number;
  /** How long the 1013 close may take before the socket is destroyed (LIVE_STALLED_CLOSE_MS). */
  closeTimeoutMs: number;
}

export interface BackpressureMetrics {
  countSlowSocket(outcome: 'closed' | 'destroyed'): void;
}

/** RFC 6455 "try again later": graphql-ws clients reconnect and resume with `after`. */
export const TRY_AGAIN_LATER = 1013;
const CLOSED = 3;

export const DEFAULT_BACKPRESSURE: BackpressureOptions = { maxBufferedBytes: 8 * 2 ** 20, closeTimeoutMs: 5_000 };

/**
 * A live client that stops reading (a frozen tab, a dead network path) must not grow the heap:
 * past the threshold its socket is closed with 1013. The close frame queues behind the unsent
 * data, so a client that never reads again never sees it, and ws would keep the buffers until
 * its own 30-second close timer: after `closeTimeoutMs` the socket is destroyed instead
 * (`terminate()`), which frees them. Such a client sees the connection drop (1006 in a browser)
 * and reconnects with `after` like after any drop; one that was only slow sees 1013.
 */
export class Backpressure {
  private readonly shedding = new WeakSet<WebSocket>();

  constructor(
    private readonly options: BackpressureOptions = DEFAULT_BACKPRESSURE,
    private readonly metrics?: BackpressureMetrics,
  ) {}

  /** Also how long sockets closing on shutdown may take. */
  get closeTimeoutMs(): number {
    return this.options.closeTimeoutMs;
  }

  /** May more be written to this socket now? If not, it is being closed. */
  admit(socket: WebSocket): boolean {
    if (socket.bufferedAmount <= this.options.maxBufferedBytes) return true;
    this.shed(socket);
    return false;
  }

  private shed(socket: WebSocket): void {
    if (this.shedding.has(socket)) return;
    this.shedding.add(socket);
    this.metrics?.countSlowSocket('closed');
    socket.close(TRY_AGAIN_LATER, 'Too far behind: reconnect and resume with after');
    const timer = setTimeout(() => {
      if (socket.readyState === CLOSED) return;
      this.metrics?.countSlowSocket('destroyed');
      socket.terminate();
    }, this.options.closeTimeoutMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  }
}
