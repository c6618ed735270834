import { parse } from 'graphql';
import { UserRole } from '../../src/auth/user.entity';
import { createSchema } from '../../src/schema';
import { QueryLimiter } from '../../src/server/limits/query-limits';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';
import { init, openSocket, postQuery, tokenOfNew } from './ws-helpers';

/**
 * The per-user query cost budget: a user sending costly documents is throttled once they have
 * spent their window's allowance, while everyone else on the process keeps reading. The budget
 * here fits three of the document below and a little; the product default fits 5 of the costliest allowed per 10 s.
 */
const READ = '{ applicants(first: 50) { nodes { id fullName references { refereeName } } } }';
let server: TestServer;
let cost: number;

beforeAll(async () => {
  cost = new QueryLimiter(await createSchema()).measure('cost', parse(READ));
  server = await startTestServer({ abuse: { queryCost: { points: cost * 3 + 10, seconds: 60 } } });
});
afterAll(() => server?.stop());

const officerToken = () => tokenOfNew(server, UserRole.OFFICER);
const post = (token: string, query: string) => postQuery(server, token, query);

test('a user over their cost budget is refused RATE_LIMITED (limit queryCost, 429, Retry-After) before execution; another user is not', async () => {
  expect(cost).toBeGreaterThan(100);
  const [spender, colleague] = [await officerToken(), await officerToken()];
  for (let i = 0; i < 3; i++) expect((await post(spender, READ)).status).toBe(200);
  const refused = await post(spender, READ);
  expect(refused.status).toBe(429);
  const body = (await refused.json()) as any;
  expect(body.data).toBeUndefined();
  expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'queryCost' });
  expect(refused.headers.get('retry-after')).toBe(String(body.errors[0].extensions.retryAfter));
  expect(body.errors[0].extensions.retryAfter).toBeLessThanOrEqual(60);
  // A cheap document still fits what is left; the colleague's allowance is their own.
  expect((await server.gql('{ me { id } }', {}, spender)).data.me).toBeTruthy();
  const colleagues = await post(colleague, READ);
  expect(colleagues.status).toBe(200);
  expect(Array.isArray(((await colleagues.json()) as any).data.applicants.nodes)).toBe(true);
});

test('operations over WebSocket draw on the same budget and are refused with an error message; the socket stays open', async () => {
  const token = await officerToken();
  expect((await post(token, READ)).status).toBe(200);
  const socket = await openSocket(server.url);
  expect(await init(socket, token)).toBe('ack');
  for (let i = 0; i < 4; i++) socket.send({ id: `q${i}`, type: 'subscribe', payload: { query: READ } });
  await until(() => socket.frames.filter((frame) => frame.type === 'complete' || frame.type === 'error').length === 4, 'every read answered');
  const errors = socket.frames.filter((frame) => frame.type === 'error');
  expect(errors).toHaveLength(2);
  expect(errors[0].payload[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'queryCost' });
  socket.send({ id: 'me', type: 'subscribe', payload: { query: '{ me { id } }' } });
  await until(() => socket.frames.some((frame) => frame.id === 'me' && frame.type === 'next'), 'a cheap read answered on the same socket');
  socket.ws.close();
});
