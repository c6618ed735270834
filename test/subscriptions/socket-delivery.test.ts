import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { Backpressure } from '../../src/subscriptions/backpressure';
import { nextMessagePrefix, SocketDelivery, writeMessages, writesDirectly } from '../../src/subscriptions/socket-delivery';
import { until } from '../support/until';

/**
 * The shared fan-out writes text frames to ws's TCP socket itself (socket-delivery.ts). These run
 * a real ws server and client: what the client parses must be exactly what graphql-ws would have
 * sent, on the direct path and on the `send` fallback, at every frame-length encoding.
 */
let plain: WebSocketServer;
/** Compresses every message: ws deflates asynchronously and queues what is sent meanwhile. */
let compressing: WebSocketServer;

async function listen(perMessageDeflate: boolean | object): Promise<WebSocketServer> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  await once(server, 'listening');
  return server;
}

beforeAll(async () => {
  plain = await listen(false);
  compressing = await listen({ threshold: 0 });
});
afterAll(() => Promise.all([plain, compressing].map((server) => new Promise<void>((resolve) => server.close(() => resolve())))));

async function pair(server = plain): Promise<{ serverSide: WebSocket; client: WebSocket; received: string[] }> {
  const accepted = once(server, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on('message', (data, isBinary) => received.push(isBinary ? '<binary>' : data.toString()));
  await once(client, 'open');
  const [serverSide] = await accepted;
  return { serverSide, client, received };
}

const delivery = (socket: WebSocket): SocketDelivery => ({ socket, id: 'sub-1', args: {} as SocketDelivery['args'], operationKey: 'k', format: (r) => r, backpressure: new Backpressure() });

// Payload lengths around ws's 7-bit, 16-bit and 64-bit length encodings.
const payloads = [10, 80, 125, 126, 65_535, 65_536, 200_000].map((size, i) => Buffer.from(JSON.stringify({ data: { n: i, pad: 'x'.repeat(size) } })));
const expected = payloads.map((payload) => `{"id":"sub-1","type":"next","payload":${payload.toString()}}`);

test('the pinned ws has the internals the direct path needs: frames go straight to its TCP socket', async () => {
  const { serverSide, client } = await pair();
  expect(writesDirectly(serverSide)).toBe(true);
  client.close();
});

test('direct frames of every length encoding arrive whole and in order, as graphql-ws next messages', async () => {
  const { serverSide, client, received } = await pair();
  expect(writeMessages(delivery(serverSide), nextMessagePrefix('sub-1'), payloads)).toBe(true);
  await until(() => received.length === payloads.length, () => `${payloads.length} messages, got ${received.length}`);
  expect(received).toEqual(expected);
  client.close();
});

test('without the internals it expects (a ws upgrade that renamed them), delivery falls back to send and loses nothing', async () => {
  const { serverSide, client, received } = await pair();
  // ws 8 keeps frames waiting behind a compression in `_sender._queue`: as if it were renamed.
  Object.defineProperty((serverSide as unknown as { _sender: object })._sender, '_queue', { value: undefined, writable: true });
  expect(writesDirectly(serverSide)).toBe(false);
  expect(writeMessages(delivery(serverSide), nextMessagePrefix('sub-1'), payloads)).toBe(true);
  await until(() => received.length === payloads.length, () => `${payloads.length} messages, got ${received.length}`);
  expect(received).toEqual(expected);
  client.close();
});

test('frames ws has queued (a compression in progress) keep their place: the batch goes through send behind them', async () => {
  const { serverSide, client, received } = await pair(compressing);
  serverSide.send('{"type":"ping"}');
  expect(writesDirectly(serverSide)).toBe(false);
  writeMessages(delivery(serverSide), nextMessagePrefix('sub-1'), payloads.slice(0, 2));
  await until(() => received.length === 3, () => `3 messages, got ${received.length}`);
  expect(received).toEqual(['{"type":"ping"}', ...expected.slice(0, 2)]);
  client.close();
});

test('a closed socket is written nothing', async () => {
  const { serverSide, client } = await pair();
  client.close();
  await once(serverSide, 'close');
  expect(writeMessages(delivery(serverSide), nextMessagePrefix('sub-1'), payloads)).toBe(false);
});
