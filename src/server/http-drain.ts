import type http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Graceful stop of an HTTP server without resetting anything it accepted (README "Stopping").
 *
 * Node's own `server.close()` (and Apollo's drain plugin, which calls `closeAllConnections`)
 * closes idle keep-alive connections at once. A client that sent a request on one of them a
 * moment before sees ECONNRESET, although the request may have reached the server and its vote
 * committed. Here instead:
 * - the listening socket closes (new connections are refused), open connections stay;
 * - every request still arriving on an open connection is served, answered with
 *   `Connection: close`, and its connection closes after that answer;
 * - requests in flight are answered (with `Connection: close` if their headers are not sent);
 * - idle connections close on their ordinary keep-alive timeout (`server.keepAliveTimeout`, the
 *   same moment they would close without a shutdown, so no new race with clients), or when
 *   the drain timeout passes;
 * - at the drain timeout idle connections are closed; a request still running keeps its
 *   connection until it is answered (it may be committing), for at most one more drain timeout.
 */
export class HttpDrain {
  private readonly connections = new Set<net.Socket>();
  /** Connections with a request not yet answered. */
  private readonly busy = new Map<net.Socket, Set<http.ServerResponse>>();
  private draining = false;
  private changed: (() => void) | null = null;

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: net.Socket) => {
      this.connections.add(socket);
      socket.once('close', () => {
        this.connections.delete(socket);
        this.busy.delete(socket);
        this.changed?.();
      });
    });
    // Before Express and Apollo, so the header is set before anyone writes the answer.
    server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const socket = req.socket;
      const open = this.busy.get(socket) ?? new Set();
      open.add(res);
      this.busy.set(socket, open);
      if (this.draining) res.setHeader('Connection', 'close');
      res.once('close', () => {
        open.delete(res);
        if (open.size === 0 && this.busy.get(socket) === open) this.busy.delete(socket);
        this.changed?.();
      });
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * A WebSocket upgrade: the socket is the WebSocket server's from now on (it closes them with
   * 1001 after the HTTP drain). During the drain it is refused, as a new connection would be.
   */
  upgrading(socket: Duplex): boolean {
    this.connections.delete(socket as net.Socket);
    if (!this.draining) return true;
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n');
    return false;
  }

  /** Resolves once every connection is closed; see the class comment for what happens meanwhile. */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    // net.Server's close, not http.Server's: the latter also closes idle keep-alive connections.
    // Listening stops at once; its callback (all connections gone) is what settled() waits for.
    net.Server.prototype.close.call(this.server);
    await this.settled(timeoutMs);
  }

  private async settled(timeoutMs: number): Promise<void> {
    for (const [, responses] of this.busy) for (const res of responses) if (!res.headersSent) res.setHeader('Connection', 'close');
    const deadline = Date.now() + timeoutMs;
    await this.waitFor(() => this.connections.size === 0, deadline);
    if (this.connections.size === 0) return;
    // Drain timeout: idle connections go now; answers still being computed get more time.
    for (const socket of this.connections) if (!this.busy.has(socket)) socket.destroy();
    await this.waitFor(() => this.busy.size === 0, deadline + timeoutMs);
    for (const socket of this.connections) socket.destroy();
  }

  private waitFor(done: () => boolean, deadline: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!done() && Date.now() < deadline) return;
        clearTimeout(timer);
        this.changed = null;
        resolve();
      };
      const timer = setTimeout(check, Math.max(0, deadline - Date.now()));
      this.changed = check;
      check();
    });
  }
}
