import { createClient } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { createLogger } from '../../src/logger';
import { metricsAccess } from '../../src/observability/metrics-endpoint';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { buildWorld, World } from '../support/factories';
import { SESSION_EVENTS } from '../support/live-client';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * What an operator sees: one JSON log line per request with its id (the caller's X-Request-Id
 * when sane, returned in the response), error references that lead to their line, and
 * Prometheus metrics at /metrics for whoever may read them.
 */
type Line = Record<string, any>;
const lines: Line[] = [];
let server: TestServer;
let world: World;
let criteria: RubricCriterion[];
const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';

beforeAll(async () => {
  const logger = createLogger('debug', { destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  server = await startTestServer({ logger, metricsToken: undefined });
  world = await buildWorld(server.orm);
  criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
});
afterAll(() => server.stop());

const token = (user: { id: string }) => server.tokenFor(user.id);
const origin = () => new URL(server.url).origin;

async function post(body: object, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { response, body: (await response.json()) as any };
}

/** Log lines arrive asynchronously (pino writes after the response): wait for the one wanted. */
async function lineWhere(predicate: (line: Line) => boolean, timeoutMs = 5000): Promise<Line> {
  let found: Line | undefined;
  await until(() => (found = lines.find(predicate)) !== undefined, () => `a log line like that among ${lines.length}: ${JSON.stringify(lines.slice(-5))}`, timeoutMs);
  return found!;
}

function metric(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const row of text.split('\n')) {
    if (!row.startsWith(`${name}{`) && !row.startsWith(`${name} `)) continue;
    const inside = /\{(.*)\}/.exec(row)?.[1] ?? '';
    if (Object.entries(labels).every(([key, value]) => inside.includes(`${key}="${value}"`))) return Number(row.split(' ').pop());
  }
  return undefined;
}

async function scrape(headers: Record<string, string> = {}) {
  const response = await fetch(`${origin()}/metrics`, { headers });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

test("every HTTP request has an id — the caller's when sane — in the response header and on its log line", async () => {
  const sent = await post({ query: 'query Whoami { me { id } }' }, { authorization: `Bearer ${await token(world.officer)}`, 'x-request-id': 'office-desk-42' });
  expect(sent.response.headers.get('x-request-id')).toBe('office-desk-42');
  const line = await lineWhere((l) => l.msg === 'http' && l.requestId === 'office-desk-42');
  expect(line).toMatchObject({ level: 'info', operation: 'Whoami', type: 'query', status: 200, userId: world.officer.id, method: 'POST' });
  expect(typeof line.ms).toBe('number');
  expect(typeof line.time).toBe('string');

  // An id that could break a log line or a header is replaced, as is a missing one.
  for (const insane of ['has spaces', 'x'.repeat(200), 'quote"s']) {
    const replaced = (await post({ query: '{ __typename }' }, { 'x-request-id': insane })).response.headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  }
  const fresh = (await post({ query: '{ __typename }' })).response.headers.get('x-request-id');
  expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
  // A refusal says its code on the line.
  await post({ query: 'query Users { users { nodes { id } } }' }, { authorization: `Bearer ${await token(world.members[0])}`, 'x-request-id': 'refused-1' });
  expect(await lineWhere((l) => l.requestId === 'refused-1')).toMatchObject({ operation: 'Users', errors: ['FORBIDDEN'] });
  // Requests refused before GraphQL runs are logged too.
  await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'not-json' }, body: 'garbage' });
  expect(await lineWhere((l) => l.requestId === 'not-json')).toMatchObject({ status: 400, operation: null });
});

test("an internal error's reference leads to its log line, with the request id and the cause", async () => {
  const knex = server.orm.em.getKnex();
  await knex.raw('alter table intake rename to intake_gone');
  try {
    const { body } = await post({ query: '{ intakes { nodes { id } } }' }, { authorization: `Bearer ${await token(world.officer)}`, 'x-request-id': 'broken-1' });
    const { errorId } = body.errors[0].extensions;
    expect(body.errors[0]).toMatchObject({ message: `Internal server error (reference ${errorId}).`, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(body)).not.toMatch(/intake_gone|relation/);
    const line = await lineWhere((l) => l.errorId === errorId);
    expect(line).toMatchObject({ level: 'error', requestId: 'broken-1' });
    expect(line.msg).toContain(errorId);
    expect(line.err.message).toMatch(/intake/);
    expect(line.err.stack).toBeDefined();
  } finally {
    await knex.raw('alter table intake_gone rename to intake');
  }
});

test('a WebSocket connection has an id (the upgrade answers with it) and each subscription <connection>/<id>, on its log line', async () => {
  let upgradeId: string | undefined;
  class TaggedSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'X-Request-Id': 'tab-7' } });
      this.on('upgrade', (response: IncomingMessage) => (upgradeId = response.headers['x-request-id'] as string));
    }
  }
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: TaggedSocket,
    connectionParams: async () => ({ authorization: `Bearer ${await token(world.officer)}` }),
    retryAttempts: 0,
    generateID: () => 'sub-1',
  });
  const received: unknown[] = [];
  const stop = client.subscribe({ query: SESSION_EVENTS.replace('subscription(', 'subscription Meeting('), variables: { sessionId: world.gid('ReviewSession', world.session.id) } }, { next: (r) => received.push(r), error: () => {}, complete: () => {} });
  try {
    const line = await lineWhere((l) => l.msg === 'ws' && l.requestId === 'tab-7/sub-1');
    expect(line).toMatchObject({ operation: 'Meeting', type: 'subscription', userId: world.officer.id });
    expect(upgradeId).toBe('tab-7');

    // While it runs, /metrics counts the socket, the subscription and the session followed.
    const live = await scrape();
    expect(metric(live.text, 'conclave_live_sockets')).toBe(1);
    expect(metric(live.text, 'conclave_live_subscriptions')).toBe(1);
    expect(metric(live.text, 'conclave_live_sessions_followed')).toBe(1);

    // A vote reaches the subscriber through the shared fan-out: delivery time and event-log lag are observed.
    const vote = await post(
      {
        query: `mutation Vote($input: CastVoteInput!) { castVote(input: $input) { version } }`,
        variables: {
          input: {
            sessionId: world.gid('ReviewSession', world.session.id),
            applicantId: world.gid('Applicant', world.onAgenda[0].id),
            scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score: 4 })),
            recommendation: 'ADMIT',
            confidence: 2,
          },
        },
      },
      { authorization: `Bearer ${await token(world.members[0])}` },
    );
    expect(vote.body.errors).toBeUndefined();
    await until(() => received.length >= 2, 'the vote and its tally');
    const after = await scrape();
    expect(metric(after.text, 'conclave_live_delivery_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(metric(after.text, 'conclave_event_log_lag_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(metric(after.text, 'conclave_graphql_request_duration_seconds_count', { operation: 'Meeting', type: 'subscription', transport: 'ws' })).toBe(1);
  } finally {
    stop();
    await client.dispose();
  }
  const closed = await lineWhere((l) => l.msg === 'ws close' && l.requestId === 'tab-7');
  expect(closed.code).toBe(1000);
  await until(async () => metric((await scrape()).text, 'conclave_live_sockets') === 0, 'the socket to be gone from the count');
});

test('/metrics: latency by operation, errors by code, the database pool, process metrics, in Prometheus text', async () => {
  await post({ query: 'query Programs { programs { nodes { id } } }' }, { authorization: `Bearer ${await token(world.officer)}` });
  await post({ query: 'query Programs { programs { nodes { id } } }' }, { authorization: `Bearer ${await token(world.officer)}` });
  await post({ query: 'query NotAllowed { users { nodes { id } } }' }, { authorization: `Bearer ${await token(world.members[1])}` });
  const before = metric((await scrape()).text, 'conclave_graphql_errors_total', { code: 'FORBIDDEN' }) ?? 0;
  await post({ query: 'query NotAllowed { users { nodes { id } } }' }, { authorization: `Bearer ${await token(world.members[1])}` });
  const { status, text, type } = await scrape();
  expect(status).toBe(200);
  expect(type).toMatch(/^text\/plain/);
  expect(metric(text, 'conclave_graphql_request_duration_seconds_count', { operation: 'Programs', type: 'query', transport: 'http' })).toBe(2);
  expect(metric(text, 'conclave_graphql_request_duration_seconds_bucket', { operation: 'Programs', le: '+Inf' })).toBe(2);
  expect(metric(text, 'conclave_graphql_errors_total', { code: 'FORBIDDEN' })).toBe(before + 1);
  expect(metric(text, 'conclave_db_pool_max')).toBe(5);
  expect(metric(text, 'conclave_db_pool_used')).toBeGreaterThanOrEqual(0);
  expect(metric(text, 'conclave_db_pool_waiting')).toBe(0);
  expect(metric(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  expect(text).toMatch(/^# HELP conclave_event_log_lag_seconds /m);
});

test('/metrics is for this machine only by default: a request through a proxy, or from elsewhere, is refused', async () => {
  expect((await scrape()).status).toBe(200);
  expect((await scrape({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
  expect((await scrape({ forwarded: 'for=203.0.113.9' })).status).toBe(403);
  const from = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
  expect(metricsAccess(from('198.51.100.7'), undefined)).toBe(403);
  expect(metricsAccess(from('::ffff:127.0.0.1'), undefined)).toBe(200);
  expect(metricsAccess(from('::1'), undefined)).toBe(200);
});

test('/metrics with METRICS_TOKEN wants that bearer token, from anywhere', async () => {
  const guarded = await startTestServer({ metricsToken: METRICS_TOKEN });
  try {
    const at = `${new URL(guarded.url).origin}/metrics`;
    const withoutToken = await fetch(at);
    expect(withoutToken.status).toBe(401);
    expect(withoutToken.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(at, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    // A signed-in user's token is not the metrics token.
    expect((await fetch(at, { headers: { authorization: `Bearer ${await token(world.officer)}` } })).status).toBe(401);
    const allowed = await fetch(at, { headers: { authorization: `Bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '203.0.113.9' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/conclave_graphql_request_duration_seconds/);
  } finally {
    await guarded.stop();
  }
});
