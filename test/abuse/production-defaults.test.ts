import { UserRole } from '../../src/auth/user.entity';
import { loadConfig } from '../../src/config';
import { buildUser } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';
import { init, openSocket } from './ws-helpers';

const ALLOWED = 'https://admissions.uni.example';
let production: TestServer;
beforeAll(async () => {
  // What loadConfig gives a deployment: NODE_ENV=production with its own database.
  const { introspection, sandbox } = loadConfig('/srv', { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' }).abuse;
  production = await startTestServer({ abuse: { introspection, sandbox, corsOrigins: [ALLOWED] } });
});
afterAll(() => production?.stop());

test('introspection and Sandbox are off in production with a database of its own, on for the embedded demo, and settings turn them on', () => {
  expect(loadConfig('/srv', { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' }).abuse).toMatchObject({ introspection: false, sandbox: false, corsOrigins: [] });
  expect(loadConfig('/srv', { NODE_ENV: 'production' }).abuse).toMatchObject({ introspection: true, sandbox: true });
  expect(loadConfig('/srv', { NODE_ENV: 'test', DATABASE_URL: 'postgres://db/x' }).abuse).toMatchObject({ introspection: true, sandbox: true });
  expect(loadConfig('/srv', { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', GRAPHQL_INTROSPECTION: 'true', CORS_ORIGINS: 'https://a.example/, https://b.example' }).abuse).toMatchObject({
    introspection: true,
    sandbox: false,
    corsOrigins: ['https://a.example', 'https://b.example'],
  });
});

async function token(): Promise<string> {
  const em = production.orm.em.fork();
  const user = buildUser(em, { role: UserRole.OFFICER });
  await em.flush();
  return production.tokenFor(user.id);
}

test('production refuses introspection over HTTP and WebSocket, even to an officer; __typename still answers', async () => {
  const officer = await token();
  const http = await production.gql('{ __schema { types { name } } }', {}, officer);
  expect(http.data).toBeUndefined();
  expect(http.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect((await production.gql('{ __typename }', {}, officer)).data).toEqual({ __typename: 'Query' });

  const socket = await openSocket(production.url);
  expect(await init(socket, officer)).toBe('ack');
  socket.send({ id: 'i', type: 'subscribe', payload: { query: '{ __type(name: "Query") { name } }' } });
  await new Promise<void>((resolve) => {
    const check = () => (socket.frames.some((frame) => frame.id === 'i') ? resolve() : setTimeout(check, 5));
    check();
  });
  const answer = socket.frames.find((frame) => frame.id === 'i');
  expect(answer.type).toBe('error');
  expect(answer.payload[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  socket.ws.close();
});

test('production shows no Sandbox: a browser GET of /graphql gets no landing page', async () => {
  const page = await fetch(production.url, { headers: { accept: 'text/html' } });
  expect(await page.text()).not.toMatch(/sandbox|<html/i);
});

test('security headers on every answer, no X-Powered-By', async () => {
  for (const path of ['/graphql', '/health', '/auth/methods']) {
    const answer = await fetch(production.url.replace('/graphql', path), { headers: { accept: 'text/html' } });
    expect(answer.headers.get('x-powered-by')).toBeNull();
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(answer.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  }
});

test('CORS: a listed origin is allowed (preflight and answer), any other gets no CORS headers', async () => {
  const preflight = (origin: string) =>
    fetch(production.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
  const allowed = await preflight(ALLOWED);
  expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
  const denied = await preflight('https://evil.example');
  expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  const answer = await fetch(production.url, { method: 'POST', headers: { origin: ALLOWED, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED);
});

test('where Sandbox is on (tests, the demo), its page loads and /graphql carries no CSP header over its own', async () => {
  const demo = await startTestServer({ databaseUrl: production.databaseUrl });
  try {
    const page = await fetch(demo.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/embeddable-sandbox/);
    expect(page.headers.get('content-security-policy')).toBeNull();
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(demo.url.replace('/graphql', '/health'))).headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  } finally {
    await demo.stop();
  }
});
