import { parse } from 'graphql';
import type { Knex } from '@mikro-orm/postgresql';
import { UserRole } from '../../src/auth/user.entity';
import { createSchema } from '../../src/schema';
import { QueryLimiter } from '../../src/server/limits/query-limits';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';
import { init, openSocket, postQuery, tokenOfNew } from './ws-helpers';

/**
 * How much of one user's cost may run at the same moment (RATE_LIMIT_QUERY_COST_AT_ONCE): here
 * one READ and a little, so a second READ beside a running one is refused while a cheap read is
 * not. A READ is held running by a lock the test takes on the applicant table (this test's own
 * database), and the test waits for PostgreSQL to show it waiting on that lock.
 */
const READ = '{ applicants(first: 50) { nodes { id fullName references { refereeName } } } }';
const CHEAP = '{ me { id } }';
let server: TestServer;

beforeAll(async () => {
  const cost = new QueryLimiter(await createSchema()).measure('cost', parse(READ));
  server = await startTestServer({ abuse: { queryCostAtOnce: Math.round(cost * 1.5) } });
});
afterAll(() => server?.stop());

const officerToken = () => tokenOfNew(server, UserRole.OFFICER);
const post = (token: string, query: string) => postQuery(server, token, query);

/** Holds the applicant table locked until the returned function is called. */
async function lockApplicants(): Promise<() => Promise<void>> {
  const lock: Knex.Transaction = await server.orm.em.getKnex().transaction();
  await lock.raw('lock table applicant in access exclusive mode');
  return async () => {
    await lock.commit();
  };
}

const waitingOnTheLock = async () =>
  Number((await server.orm.em.getKnex().raw(`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].n);

test('beside a costly read still running, the same user’s next costly one is refused RATE_LIMITED (queryCostAtOnce, 429, retry after 1 s); cheap reads and other users go on, and the room comes back when it answers', async () => {
  const [reader, colleague] = [await officerToken(), await officerToken()];
  const unlock = await lockApplicants();
  let first: Promise<Response>;
  let colleagues: Promise<Response>;
  try {
    first = post(reader, READ);
    await until(async () => (await waitingOnTheLock()) === 1, 'the first read running (waiting on the lock)');
    const refused = await post(reader, READ);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = (await refused.json()) as any;
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', limit: 'queryCostAtOnce', retryAfter: 1 });
    expect(((await (await post(reader, CHEAP)).json()) as any).data.me.id).toBeTruthy();
    // Another user's costly read is admitted: it waits on the lock like the first.
    colleagues = post(colleague, READ);
    await until(async () => (await waitingOnTheLock()) === 2, 'the colleague’s read running too');
  } finally {
    await unlock();
  }
  for (const answer of [await first, await colleagues]) {
    expect(answer.status).toBe(200);
    expect(Array.isArray(((await answer.json()) as any).data.applicants.nodes)).toBe(true);
  }
  expect((await post(reader, READ)).status).toBe(200);
});

test('over WebSocket a read running holds its room until it completes, and the room is given back after', async () => {
  const token = await officerToken();
  const socket = await openSocket(server.url);
  expect(await init(socket, token)).toBe('ack');
  const unlock = await lockApplicants();
  try {
    socket.send({ id: 'running', type: 'subscribe', payload: { query: READ } });
    await until(async () => (await waitingOnTheLock()) === 1, 'the socket’s read running');
    socket.send({ id: 'beside', type: 'subscribe', payload: { query: READ } });
    await until(() => socket.frames.some((frame) => frame.id === 'beside'), 'the second read answered');
    const beside = socket.frames.find((frame) => frame.id === 'beside');
    expect(beside.type).toBe('error');
    expect(beside.payload[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'queryCostAtOnce', retryAfter: 1 });
    expect((await post(token, READ)).status).toBe(429);
  } finally {
    await unlock();
  }
  await until(() => socket.frames.some((frame) => frame.id === 'running' && frame.type === 'complete'), 'the first read completed');
  expect(socket.frames.find((frame) => frame.id === 'running' && frame.type === 'next').payload.data.applicants.nodes).toBeDefined();
  socket.send({ id: 'after', type: 'subscribe', payload: { query: READ } });
  await until(() => socket.frames.some((frame) => frame.id === 'after' && frame.type === 'complete'), 'a read after it admitted');
  expect(socket.frames.find((frame) => frame.id === 'after' && frame.type === 'next')).toBeDefined();
  socket.ws.close();
});
