import WebSocket from 'ws';
import { buildWorld, World } from '../support/factories';
import { connect, logHead, SESSION_EVENTS } from '../support/live-client';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * A live client that stops reading (its TCP socket paused, as a frozen tab's would be) while a
 * storm of events fills its buffer: the server closes it with 1013, and since that close frame
 * is stuck behind the unsent data, destroys it after LIVE_STALLED_CLOSE_MS, freeing its buffers.
 * Everyone else keeps receiving every event.
 */
let server: TestServer;
let world: World;
let sessionId: string;

const gauge = async (name: string) => {
  const metric = await server.metrics.registry.getSingleMetric(name)?.get();
  return metric?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;
};
const slowSockets = async (outcome: string) => {
  const metric = await server.metrics.registry.getSingleMetric('conclave_live_slow_sockets_total')?.get();
  return metric?.values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
};

beforeAll(async () => {
  server = await startTestServer({ backpressure: { maxBufferedBytes: 64 * 1024, closeTimeoutMs: 500 } });
  world = await buildWorld(server.orm);
  sessionId = world.gid('ReviewSession', world.session.id);
});

afterAll(async () => {
  await server.stop();
});

const PANES = 40;

/** A raw graphql-ws client whose socket can be paused. */
async function rawSubscriber(token: string, after: string) {
  const ws = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await new Promise<void>((resolve) => ws.on('message', (data) => JSON.parse(String(data)).type === 'connection_ack' && resolve()));
  let received = 0;
  ws.on('message', (data) => JSON.parse(String(data)).type === 'next' && received++);
  // Many subscriptions to the session (under the per-socket cap), as many panes of one tab: each
  // event is sent once per subscription, so a few comments fill the buffers even on a busy machine.
  for (let id = 1; id <= PANES; id++) ws.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query: SESSION_EVENTS, variables: { sessionId, after } } }));
  return { ws, closed, received: () => received };
}

test('a consumer that stops reading is closed, then destroyed within LIVE_STALLED_CLOSE_MS; others get every event', async () => {
  const after = await logHead(server.orm.em.getKnex(), world.session.id);
  const stalled = await rawSubscriber(await server.tokenFor(world.officer.id), after);
  const healthy = connect(server.url, server.tokenFor(world.chair.id));
  const feed = healthy.subscribe(SESSION_EVENTS, { sessionId, after });
  const applicant = world.gid('Applicant', world.onAgenda[0].id);
  const post = (body: string) =>
    server.gql(
      `mutation($s: ID!, $a: ID!, $b: String!) { postComment(sessionId: $s, applicantId: $a, body: $b, visibility: COMMITTEE) { body } }`,
      { s: sessionId, a: applicant, b: body },
      server.tokenFor(world.members[0].id),
    );
  // Both are subscribed once an event reaches both.
  expect((await post('first')).errors).toBeUndefined();
  await until(() => stalled.received() >= PANES && feed.received.length > 0, 'both subscribers to receive the first comment');
  expect(await gauge('conclave_live_sockets')).toBe(2);

  // It stops reading: nothing is taken from the kernel, so the server's send buffer fills.
  (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  const filler = 'x'.repeat(4000);
  let posted = 1;
  while ((await slowSockets('destroyed')) === 0) {
    if (posted > 2000) throw new Error('the stalled consumer was never destroyed');
    const batch = Array.from({ length: 8 }, (_, i) => post(`${posted + i} ${filler}`));
    for (const answer of await Promise.all(batch)) expect(answer.errors).toBeUndefined();
    posted += 8;
  }
  // Closed with 1013 first, and destroyed because that close could not reach a client not reading.
  expect(await slowSockets('closed')).toBe(1);
  await until(async () => (await gauge('conclave_live_sockets')) === 1, 'the stalled socket to be gone from the server');

  // The healthy subscriber received every comment, once each (posted 8 at a time: in log order, not number order).
  expect((await post('last')).errors).toBeUndefined();
  const events = await feed.until((r) => r.some((e) => e.sessionEvents.comment?.body === 'last'), 60_000);
  const comments = events.filter((e) => e.sessionEvents.type === 'COMMENT_POSTED').map((e) => e.sessionEvents.comment.body.split(' ')[0]);
  expect(comments[0]).toBe('first');
  expect(comments[comments.length - 1]).toBe('last');
  expect(comments.slice(1, -1).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: posted - 1 }, (_, i) => i + 1));

  // What the stalled client sees once it reads again: the connection is gone (1006, no close frame).
  (stalled.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  expect(await stalled.closed).toBe(1006);
  await healthy.dispose();
}, 240_000);
