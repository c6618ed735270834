import type { ExecutionArgs, ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';

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
}

/** A slow client's unsent frames beyond this close its socket instead of growing the heap. */
const MAX_BUFFERED_BYTES = 8 * 2 ** 20;
const OPEN = 1;
/** RFC 6455 "try again later": graphql-ws clients reconnect and resume with `after`. */
const TRY_AGAIN_LATER = 1013;

/** The `next` frame graphql-ws would send, around a payload serialised once for many sockets. */
export function nextFramePrefix(id: string): string {
  return `{"id":${JSON.stringify(id)},"type":"next","payload":`;
}

export function writeFrame(delivery: SocketDelivery, prefix: string, payloadJson: string): boolean {
  const { socket } = delivery;
  if (socket.readyState !== OPEN) return false;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(TRY_AGAIN_LATER, 'Too far behind: reconnect and resume with after');
    return false;
  }
  socket.send(`${prefix}${payloadJson}}`);
  return true;
}
