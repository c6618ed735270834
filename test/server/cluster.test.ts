import { createClient, Client } from 'graphql-ws';
import http from 'node:http';
import WebSocket from 'ws';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { ChildServer, startChildServer } from '../support/child-server';
import { buildWorld, World } from '../support/factories';
import { SESSION_EVENTS } from '../support/live-client';
import { startTestServer, TEST_SECRET, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * WORKERS=2: two server processes on one port (node:cluster), started as `npm start` starts it.
 * Requests are answered by both, live events cross from one worker to the other, a killed worker
 * is replaced, and SIGTERM drains them all and exits cleanly.
 */
let database: TestServer;
let world: World;
let criteria: RubricCriterion[];
let cluster: ChildServer;
const clients: Client[] = [];

beforeAll(async () => {
  // This file's database (migrated, with a world); the cluster runs on it as the child's DATABASE_URL.
  database = await startTestServer();
  world = await buildWorld(database.orm);
  criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  cluster = await startChildServer({ WORKERS: '2', DATABASE_URL: database.databaseUrl, JWT_SECRET: TEST_SECRET, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose()).catch(() => {})));
  if (cluster?.child.exitCode === null) cluster.child.kill('SIGKILL');
  await database.stop();
});

const token = (user: { id: string }) => database.tokenFor(user.id);
const sessionId = () => world.gid('ReviewSession', world.session.id);

/** The child's JSON log lines so far. */
function logLines(): Record<string, any>[] {
  return cluster
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

async function lineWhere(predicate: (line: Record<string, any>) => boolean, timeoutMs = 10_000) {
  let found: Record<string, any> | undefined;
  await until(() => (found = logLines().find(predicate)) !== undefined, () => `a log line like that in:\n${cluster.output().slice(-3000)}`, timeoutMs);
  return found!;
}

/** One request on its own connection, as separate clients send them: the cluster hands connections round robin. */
async function post(query: string, variables: Record<string, unknown>, user: { id: string }, requestId: string): Promise<any> {
  const bearer = await token(user);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      cluster.url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'x-request-id': requestId } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function vote(user: { id: string }, applicantIndex: number, requestId: string) {
  return post(
    `mutation($input: CastVoteInput!) { castVote(input: $input) { version } }`,
    {
      input: {
        sessionId: sessionId(),
        applicantId: world.gid('Applicant', world.onAgenda[applicantIndex].id),
        scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score: 3 })),
        recommendation: 'ADMIT',
        confidence: 2,
      },
    },
    user,
    requestId,
  );
}

interface Subscriber {
  worker: number;
  pid: number;
  events: any[];
  closed: Promise<number>;
}

/** Opens a socket with its own request id, subscribes, and learns from the log which worker serves it. */
async function subscribe(name: string): Promise<Subscriber> {
  let onClosed!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  class Named extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'X-Request-Id': name } });
    }
  }
  const client = createClient({
    url: cluster.url.replace(/^http/, 'ws'),
    webSocketImpl: Named,
    connectionParams: async () => ({ authorization: `Bearer ${await token(world.officer)}` }),
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: { closed: (event: any) => onClosed(event?.code) },
  });
  clients.push(client);
  const events: any[] = [];
  client.subscribe({ query: SESSION_EVENTS, variables: { sessionId: sessionId() } }, { next: (r) => events.push(r.data), error: () => {}, complete: () => {} });
  const line = await lineWhere((l) => l.msg === 'ws' && String(l.requestId).startsWith(`${name}/`));
  return { worker: line.worker, pid: line.pid, events, closed };
}


async function metric(name: string): Promise<number | undefined> {
  const text = await (await fetch(`${new URL(cluster.url).origin}/metrics`)).text();
  const row = text.split('\n').find((line) => line.startsWith(`${name} `));
  return row === undefined ? undefined : Number(row.split(' ')[1]);
}

test('two workers answer on one port, and live events cross from one worker to the other', async () => {
  // Requests spread over both workers (round robin): each request's log line names its worker.
  const answeredBy = new Set<number>();
  for (let i = 0; i < 8 && answeredBy.size < 2; i++) {
    const body = await post('{ __typename }', {}, world.officer, `spread-${i}`);
    expect(body).toEqual({ data: { __typename: 'Query' } });
    answeredBy.add((await lineWhere((l) => l.msg === 'http' && l.requestId === `spread-${i}`)).worker);
  }
  expect(answeredBy.size).toBe(2);

  // One subscriber on each worker.
  const subscribers: Subscriber[] = [];
  for (let i = 0; i < 10 && new Set(subscribers.map((s) => s.worker)).size < 2; i++) {
    const subscriber = await subscribe(`tab-${i}`);
    if (!subscribers.some((s) => s.worker === subscriber.worker)) subscribers.push(subscriber);
  }
  expect(subscribers.map((s) => s.worker).sort()).toEqual([1, 2]);

  // Each vote is handled by one worker; both subscribers get both votes, so at least one crossed over.
  expect((await vote(world.members[0], 0, 'vote-a')).errors).toBeUndefined();
  expect((await vote(world.members[1], 0, 'vote-b')).errors).toBeUndefined();
  const votedOn = [(await lineWhere((l) => l.requestId === 'vote-a')).worker, (await lineWhere((l) => l.requestId === 'vote-b')).worker];
  for (const subscriber of subscribers) {
    await until(() => subscriber.events.filter((e) => e.sessionEvents.type === 'VOTE_CAST').length === 2, `both votes on worker ${subscriber.worker}`);
    expect(subscriber.events.filter((e) => e.sessionEvents.type === 'VOTE_CAST').map((e) => e.sessionEvents.actor.name)).toEqual(['Member 1', 'Member 2']);
  }
  expect(subscribers.some((s) => votedOn.some((worker) => worker !== s.worker))).toBe(true);

  // /metrics sums the cluster: the primary's view of its workers, and both workers' sockets.
  expect(await metric('conclave_cluster_workers')).toBe(2);
  expect(await metric('conclave_live_sockets')).toBeGreaterThanOrEqual(2);
}, 60_000);

test('a worker that dies is restarted, and the cluster keeps answering meanwhile', async () => {
  const victim = await subscribe('victim');
  process.kill(victim.pid, 'SIGKILL');
  expect(await victim.closed).not.toBe(1000);
  await lineWhere((l) => l.level === 'error' && /Worker \d+ \(pid \d+\) died .*restarting in \d+ ms/.test(l.msg));
  // The surviving worker answers at once; the new one joins.
  expect(await post('{ __typename }', {}, world.officer, 'meanwhile')).toEqual({ data: { __typename: 'Query' } });
  const replacement = await lineWhere((l) => /^Worker \d+ \(pid \d+\) is listening$/.test(l.msg), 30_000);
  expect(await metric('conclave_cluster_worker_restarts_total')).toBe(1);
  expect(await metric('conclave_cluster_workers')).toBe(2);
  // The replacement serves requests (a new pid answers).
  const pids = new Set<number>();
  for (let i = 0; i < 10 && pids.size < 2; i++) {
    await post('{ __typename }', {}, world.officer, `after-restart-${i}`);
    pids.add((await lineWhere((l) => l.requestId === `after-restart-${i}`)).pid);
  }
  expect(pids.size).toBe(2);
  expect(pids.has(victim.pid)).toBe(false);
  expect(pids.has(Number(/pid (\d+)/.exec(replacement.msg)![1]))).toBe(true);
}, 90_000);

test('SIGTERM drains every worker (sockets close with 1001) and the primary exits with 0', async () => {
  const last = await subscribe('at-shutdown');
  const workerPids = [...new Set(logLines().filter((l) => l.worker !== undefined).map((l) => l.pid as number))];
  let timer: NodeJS.Timeout | undefined;
  const exit = await Promise.race([cluster.stop(), new Promise((resolve) => (timer = setTimeout(() => resolve('still running after 40 s'), 40_000)))]);
  clearTimeout(timer);
  expect(exit).toBe(0);
  expect(await last.closed).toBe(1001);
  await lineWhere((l) => /^SIGTERM: draining 2 workers/.test(l.msg));
  for (const pid of workerPids) expect(() => process.kill(pid, 0)).toThrow();
}, 60_000);
