import { UserRole } from '../../src/auth/user.entity';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';
import { init, openSocket, RawSocket, tokenOfNew } from './ws-helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ abuse: { maxSocketsPerUser: 3, maxSubscriptionsPerSocket: 2, connectionInitTimeoutMs: 300, maxMessageBytes: 4096 } });
});
afterAll(() => server?.stop());

const member = () => tokenOfNew(server, UserRole.COMMITTEE_MEMBER);

test('a user over the per-process socket cap is closed with 4429; closing one frees a place', async () => {
  const token = await member();
  const sockets: RawSocket[] = [];
  for (let i = 0; i < 3; i++) {
    const socket = await openSocket(server.url);
    expect(await init(socket, token)).toBe('ack');
    sockets.push(socket);
  }
  const fourth = await openSocket(server.url);
  expect(await init(fourth, token)).toEqual({ code: 4429, reason: 'Too many connections: at most 3 per user' });
  sockets[0].ws.close();
  await sockets[0].closed;
  let again!: RawSocket;
  await until(async () => {
    again = await openSocket(server.url);
    if ((await init(again, token)) === 'ack') return true;
    return false;
  }, 'a place freed');
  for (const socket of [...sockets.slice(1), again]) socket.ws.close();
});

test('operations over the per-socket cap are refused with LIMIT_EXCEEDED; the socket stays open', async () => {
  const socket = await openSocket(server.url);
  expect(await init(socket, await member())).toBe('ack');
  for (const id of ['a', 'b', 'c']) socket.send({ id, type: 'subscribe', payload: { query: 'subscription { reviewerNotifications { eventId } }' } });
  await until(() => socket.frames.some((frame) => frame.id === 'c' && frame.type === 'error'), 'the third refused');
  const refused = socket.frames.find((frame) => frame.id === 'c');
  expect(refused.payload[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerSocket', max: 2 });
  expect(socket.frames.filter((frame) => frame.type === 'error' && frame.id !== 'c')).toEqual([]);
  // Completing one makes room for another.
  socket.send({ id: 'a', type: 'complete' });
  socket.send({ id: 'd', type: 'subscribe', payload: { query: '{ me { id } }' } });
  await until(() => socket.frames.some((frame) => frame.id === 'd' && frame.type === 'next'), 'the next operation runs');
  expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  socket.ws.close();
});

test('a socket that sends no connection_init is closed with 4408 after the init timeout', async () => {
  const socket = await openSocket(server.url);
  expect(await socket.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
});

test('a message larger than the maximum closes the socket with 1009', async () => {
  const socket = await openSocket(server.url);
  expect(await init(socket, await member())).toBe('ack');
  socket.send({ id: 'big', type: 'subscribe', payload: { query: `{ me { id } } # ${'x'.repeat(5000)}` } });
  expect((await socket.closed).code).toBe(1009);
});
