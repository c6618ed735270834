import type { ExecutionArgs, ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';
import type { Backpressure } from './backpressure';

/**
 * Where one graphql-ws subscription's results go when the server writes them itself (the shared
 * fan-out) instead of graphql-ws executing and serialising them for each subscriber. Set on the
 * subscription's context by the onSubscribe hook (server.ts).
 */
export interface SocketDelivery {
  socket: WebSocket;
  /** The graphql-ws subscription id. */
  id: string;
  /** The operation to run for each event (schema, document, variables, operation name). */
  args: Omit<ExecutionArgs, 'rootValue' | 'contextValue'>;
  /** Document, operation and variables: with the viewer, what makes subscribers share a payload. */
  operationKey: string;
  /** The same error masking every other response gets. */
  format(result: ExecutionResult): FormattedExecutionResult;
  /** Closes, then destroys, a socket too far behind (backpressure.ts). */
  backpressure: Backpressure;
}

const OPEN = 1;
const CLOSING_BRACE = Buffer.from('}');

/** The start of the `next` message graphql-ws would send, before a payload serialised once for many sockets. */
export function nextMessagePrefix(id: string): Buffer {
  return Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
}

/** ws's internals this relies on; when they are not as expected, frames go through `send`. */
interface WsInternals {
  _socket?: { cork(): void; uncork(): void; write(chunk: Buffer): boolean };
  /** ws 8: `_state` 0 is DEFAULT (not compressing, not reading a Blob); `_queue` holds frames waiting behind that. */
  _sender?: { _queue?: unknown[]; _state?: number };
}

/**
 * Writes a subscriber's messages of one batch (typically a vote and the tally after it) as
 * unmasked RFC 6455 text frames, in one system call: the TCP socket is corked around them, and
 * the payload, serialised once for every socket of the group, is copied rather than encoded
 * again. On this machine a socket write costs far more than building the frame, so this is
 * most of the fan-out's CPU. When ws has frames of its own queued (compression, a ping in
 * progress) the messages go through ws's `send`, which keeps them in order.
 */
export function writeMessages(delivery: SocketDelivery, prefix: Buffer, payloads: readonly Buffer[]): boolean {
  const { socket } = delivery;
  if (socket.readyState !== OPEN || payloads.length === 0) return false;
  // A slow client's unsent frames beyond the limit close its socket instead of growing the heap.
  if (!delivery.backpressure.admit(socket)) return false;
  const tcp = (socket as unknown as WsInternals)._socket;
  const direct = writesDirectly(socket);
  tcp?.cork();
  for (const payload of payloads) {
    if (direct) tcp!.write(textFrame(prefix, payload));
    else socket.send(Buffer.concat([prefix, payload, CLOSING_BRACE]), { binary: false });
  }
  tcp?.uncork();
  return true;
}

/**
 * Whether frames may go straight to the TCP socket now: ws's internals are as this expects
 * (`ws` is pinned in package.json; test/subscriptions/socket-delivery.test.ts fails on an
 * upgrade that changes them) and ws has nothing of its own queued.
 */
export function writesDirectly(socket: WebSocket): boolean {
  const { _socket: tcp, _sender: sender } = socket as unknown as WsInternals;
  return typeof tcp?.write === 'function' && typeof tcp.cork === 'function' && sender?._state === 0 && Array.isArray(sender._queue) && sender._queue.length === 0;
}

/** One unmasked, final text frame holding prefix + payload + "}" (servers never mask). */
function textFrame(prefix: Buffer, payload: Buffer): Buffer {
  const length = prefix.length + payload.length + 1;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, text
  if (length < 126) frame[1] = length;
  else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  prefix.copy(frame, headerLength);
  payload.copy(frame, headerLength + prefix.length);
  frame[headerLength + length - 1] = 0x7d; // }
  return frame;
}
