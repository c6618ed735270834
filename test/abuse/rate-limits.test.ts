import { User, UserRole } from '../../src/auth/user.entity';
import { buildUser } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';
import { init, openSocket } from './ws-helpers';

/** Small limits, so that a storm is over them at once; the product defaults are 60 mutations a minute and 30 failures in 5 minutes. */
const abuse = { mutations: { points: 5, seconds: 60 }, authFailures: { points: 4, seconds: 60 } };
let server: TestServer;
let second: TestServer;

beforeAll(async () => {
  server = await startTestServer({ abuse });
  // A second process on the same database: the counts are shared through PostgreSQL.
  second = await startTestServer({ abuse, databaseUrl: server.databaseUrl });
});
afterAll(async () => {
  await second?.stop();
  await server?.stop();
});

async function officer(): Promise<{ user: User; token: string }> {
  const em = server.orm.em.fork();
  const user = buildUser(em, { role: UserRole.OFFICER });
  await em.flush();
  return { user, token: await server.tokenFor(user.id) };
}

const CREATE = `mutation($code: String!) { createProgram(input: { code: $code, name: "Storm" }) { id } }`;
const post = (url: string, token: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

test('a mutation storm from one user, spread over two processes, is throttled with RATE_LIMITED, retryAfter and Retry-After; only the allowance is written', async () => {
  const { token } = await officer();
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) => post(i % 2 ? second.url : server.url, token, { query: CREATE, variables: { code: `STORM${i}` } })),
  );
  const refused = answers.filter((answer) => answer.status === 429);
  expect(answers.length - refused.length).toBe(abuse.mutations.points);
  const body = (await refused[0].json()) as any;
  expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'mutations' });
  expect(body.errors[0].extensions.http).toBeUndefined();
  const retryAfter = body.errors[0].extensions.retryAfter;
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused[0].headers.get('retry-after')).toBe(String(retryAfter));
  const written = await server.orm.em.getKnex()('program').whereLike('code', 'STORM%').count<{ count: string }[]>('* as count');
  expect(Number(written[0].count)).toBe(abuse.mutations.points);
  // Reads are not counted.
  expect((await server.gql('{ me { id } }', {}, token)).data.me).toBeTruthy();
});

test('aliases count: one document of many mutation fields draws as many points', async () => {
  const { token } = await officer();
  const fields = Array.from({ length: 8 }, (_, i) => `p${i}: createProgram(input: { code: "ALIAS${i}", name: "A" }) { id }`).join(' ');
  const answer = await post(server.url, token, { query: `mutation { ${fields} }` });
  expect(answer.status).toBe(429);
  expect(Number((await server.orm.em.getKnex()('program').whereLike('code', 'ALIAS%').count<{ count: string }[]>('* as count'))[0].count)).toBe(0);
});

test('mutations over WebSocket share the allowance and are refused with RATE_LIMITED', async () => {
  const { token } = await officer();
  const socket = await openSocket(server.url);
  expect(await init(socket, token)).toBe('ack');
  for (let i = 0; i < 8; i++) socket.send({ id: `m${i}`, type: 'subscribe', payload: { query: CREATE, variables: { code: `WS${i}` } } });
  await until(() => socket.frames.filter((frame) => frame.type === 'complete' || frame.type === 'error').length === 8, 'every mutation answered');
  const errors = socket.frames.filter((frame) => frame.type === 'error');
  expect(errors).toHaveLength(3);
  expect(errors[0].payload[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'mutations' });
  expect(errors[0].payload[0].extensions.retryAfter).toBeGreaterThan(0);
  socket.ws.close();
});

test('forged tokens from one address are throttled per IP over HTTP and WebSocket, across processes; a valid token still passes', async () => {
  const forged = (i: number) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ iss: 'conclave', sub: String(i) })).toString('base64url')}.forged`;
  const { token } = await officer();
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(i % 2 ? second.url : server.url, forged(i), { query: '{ me { id } }' })));
  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(12 - abuse.authFailures.points);
  const limited = answers.find((answer) => answer.status === 429)!;
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await limited.json()) as any).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'authFailures' });

  const socket = await openSocket(second.url);
  const refused = await init(socket, forged(99));
  expect(refused).toMatchObject({ code: 4429 });
  expect((refused as { reason: string }).reason).toMatch(/retry after \d+ s/);

  // A password guess is not even checked while the address is over its limit.
  const signIn = await fetch(server.url.replace('/graphql', '/auth/sign-in/password'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'nobody@test.example', password: 'guess' }),
  });
  expect(signIn.status).toBe(429);
  expect(signIn.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(((await signIn.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');

  expect((await server.gql('{ me { id } }', {}, token)).data.me).toBeTruthy();
});
