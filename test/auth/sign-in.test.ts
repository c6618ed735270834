import type { EntityManager } from '@mikro-orm/postgresql';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../src/db/postgres-server';
import { SESSION_ENDED_CLOSE_CODE } from '../../src/auth/live-sessions';
import { hashPassword } from '../../src/auth/passwords';
import { UserPassword } from '../../src/auth/user-password.entity';
import { UserRole } from '../../src/auth/user.entity';
import { toGlobalId } from '../../src/common/global-id';
import { signAccessToken } from '../../src/auth/tokens';
import { startChildServer } from '../support/child-server';
import { buildUser } from '../support/factories';
import { connect, connected, LiveConnection } from '../support/live-client';
import { Browser } from '../support/oidc-issuer';
import { refusal, startTestServer, TEST_SECRET, TestServer } from '../support/test-server';

/** The built-in sign-in, sessions and their tokens, sign-out and revocation, over HTTP and WebSocket. */
let server: TestServer;
let base: string;
const PASSWORD = 'correct horse battery';
const ME = '{ me { email } }';
const connections: LiveConnection[] = [];

beforeAll(async () => {
  server = await startTestServer();
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.dispose().catch(() => {})));
  await server.stop();
});

// scrypt takes a noticeable fraction of a second: the users share one hash of PASSWORD.
let passwordHash: Promise<string> | undefined;

/** A user of their own for each test (sessions are per user), with PASSWORD or none. */
async function newUser(role = UserRole.COMMITTEE_MEMBER, withPassword = true) {
  const em = server.orm.em.fork() as EntityManager;
  const user = buildUser(em, { role });
  if (withPassword) em.create(UserPassword, { user, hash: await (passwordHash ??= hashPassword(PASSWORD)) });
  await em.flush();
  return { id: user.id, gid: toGlobalId('User', user.id), email: user.email };
}

const post = (path: string, body: unknown, init: RequestInit = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...init.headers }, body: JSON.stringify(body) });

async function signIn(email: string, password = PASSWORD, browser = new Browser()) {
  const response = await browser.fetch(`${base}/auth/sign-in/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { response, body: (await response.json()) as any, browser };
}

function live(token: string) {
  const connection = connect(server.url, token);
  connections.push(connection);
  return connection;
}

const closeCode = (connection: LiveConnection, ms = 10_000) =>
  Promise.race([connection.closed.then((e) => e.code), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms))]);

describe('password sign-in', () => {
  test('a right password opens a session: an HttpOnly, SameSite=Strict cookie for /auth and a short-lived access token', async () => {
    const user = await newUser();
    const { response, body } = await signIn(user.email.toUpperCase());
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('conclave_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/auth(;|$)/);
    expect(cookie).not.toMatch(/Secure/i); // plain http on this machine; PUBLIC_URL https:// adds it
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: user.gid, email: user.email, role: 'COMMITTEE_MEMBER' }, session: { method: 'PASSWORD' } });
    expect(body.refreshToken).toBeUndefined();
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(900_000);
    expect((await server.gql(ME, {}, body.accessToken)).data.me.email).toBe(user.email);
  });

  test('a wrong password and an unknown email get the same refusal; missing fields and non-JSON bodies are named', async () => {
    const user = await newUser();
    const wrong = await signIn(user.email, 'not the password');
    const unknown = await signIn('nobody@nowhere.example', PASSWORD);
    const noPassword = await newUser(UserRole.COMMITTEE_MEMBER, false);
    const none = await signIn(noPassword.email, PASSWORD);
    for (const attempt of [wrong, unknown, none]) {
      expect(attempt.response.status).toBe(401);
      expect(attempt.body.errors[0]).toEqual({ message: 'Wrong email or password.', extensions: { code: 'UNAUTHENTICATED' } });
      expect(attempt.response.headers.getSetCookie()).toEqual([]);
    }
    const missing = await post('/auth/sign-in/password', { email: user.email });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    // A cross-site form cannot send JSON: a form-encoded sign-in is refused.
    const form = await fetch(`${base}/auth/sign-in/password`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${user.email}&password=${PASSWORD}` });
    expect(form.status).toBe(415);
    expect(((await form.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const broken = await fetch(`${base}/auth/sign-in/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test('a tool asks for its refresh token in the body, renews access tokens with it, and signs out with it', async () => {
    const user = await newUser();
    const signedIn = await post('/auth/sign-in/password', { email: user.email, password: PASSWORD, refreshTokenInBody: true });
    const body = (await signedIn.json()) as any;
    expect(signedIn.headers.getSetCookie()).toEqual([]);
    expect(body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
    const renewed = (await (await post('/auth/token', { refreshToken: body.refreshToken })).json()) as any;
    expect(renewed.session).toEqual(body.session);
    expect((await server.gql(ME, {}, renewed.accessToken)).data.me.email).toBe(user.email);
    const forged = await post('/auth/token', { refreshToken: `${body.refreshToken.split('.')[0]}.${'A'.repeat(43)}` });
    expect(forged.status).toBe(401);
    expect((await (await post('/auth/sign-out', { refreshToken: body.refreshToken })).json()) as any).toEqual({ signedOut: true });
    expect((await post('/auth/token', { refreshToken: body.refreshToken })).status).toBe(401);
    expect(refusal(await server.gql(ME, {}, renewed.accessToken)).code).toBe('UNAUTHENTICATED');
  });

  test('off (PASSWORD_SIGN_IN=false), the route is not there and passwords cannot be set', async () => {
    const off = await startTestServer({ auth: { passwordSignIn: false } });
    try {
      const offBase = off.url.replace(/\/graphql$/, '');
      const response = await fetch(`${offBase}/auth/sign-in/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.c","password":"x"}' });
      expect(response.status).toBe(404);
      expect(((await (await fetch(`${offBase}/auth/methods`)).json()) as any).password).toBe(false);
      const em = off.orm.em.fork() as EntityManager;
      const officer = buildUser(em, { role: UserRole.OFFICER });
      await em.flush();
      const set = await off.gql('mutation($u: ID!) { setUserPassword(userId: $u, password: "long enough password") { id } }', { u: toGlobalId('User', officer.id) }, off.tokenFor(officer.id));
      expect(refusal(set).code).toBe('INVALID_STATE');
    } finally {
      await off.stop();
    }
  });
});

describe('the browser session', () => {
  test('its cookie renews access tokens at /auth/token; /graphql ignores cookies, so no other site can act with them', async () => {
    const user = await newUser();
    const { browser, body } = await signIn(user.email);
    const renewed = await browser.fetch(`${base}/auth/token`, { method: 'POST' });
    expect(renewed.status).toBe(200);
    const again = (await renewed.json()) as any;
    expect(again.session.id).toBe(body.session.id);
    expect((await server.gql(ME, {}, again.accessToken)).data.me.email).toBe(user.email);
    // The cookie's path is /auth: a browser never sends it to /graphql; sent by hand, it is no credential there.
    const withCookie = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `conclave_session=${browser.cookie(base, 'conclave_session')}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await withCookie.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const anonymous = await fetch(`${base}/auth/token`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });

  test('signing out ends the session: its access tokens, its cookie and its live sockets (4401) stop working', async () => {
    const user = await newUser();
    const { browser, body } = await signIn(user.email);
    const other = await signIn(user.email);
    const socket = live(body.accessToken);
    const otherSocket = live(other.body.accessToken);
    await Promise.all([connected(socket), connected(otherSocket)]);

    const out = await browser.fetch(`${base}/auth/sign-out`, { method: 'POST' });
    expect((await out.json()) as any).toEqual({ signedOut: true });
    expect(browser.cookie(base, 'conclave_session')).toBeUndefined();
    expect(await closeCode(socket)).toBe(SESSION_ENDED_CLOSE_CODE);
    expect(refusal(await server.gql(ME, {}, body.accessToken)).code).toBe('UNAUTHENTICATED');
    // The same user's other session lives on.
    expect((await server.gql(ME, {}, other.body.accessToken)).data.me.email).toBe(user.email);
    expect(await otherSocket.client.iterate({ query: '{ __typename }' }).next()).toMatchObject({ value: { data: { __typename: 'Query' } } });
    // Signing out twice is not an error.
    expect((await (await browser.fetch(`${base}/auth/sign-out`, { method: 'POST' })).json()) as any).toEqual({ signedOut: false });
  });

  test('a bearer client signs out with its access token', async () => {
    const user = await newUser();
    const { body } = await signIn(user.email);
    const out = await fetch(`${base}/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect((await out.json()) as any).toEqual({ signedOut: true });
    expect(refusal(await server.gql(ME, {}, body.accessToken)).code).toBe('UNAUTHENTICATED');
  });

  test('a session that expires closes its sockets with 4401, though their access token has time left', async () => {
    const user = await newUser();
    const db = server.orm.em.getKnex();
    const [row] = await db('auth_session')
      .insert({ id: db.raw('gen_random_uuid()'), user_id: user.id, method: 'PASSWORD', secret_hash: 'x', expires_at: db.raw(`now() + interval '2 seconds'`) })
      .returning('id');
    const token = (await signAccessToken(TEST_SECRET, { userId: user.id, sessionId: row.id }, 600)).token;
    const socket = live(token);
    await connected(socket);
    expect(await closeCode(socket)).toBe(SESSION_ENDED_CLOSE_CODE);
    expect(refusal(await server.gql(ME, {}, token)).code).toBe('UNAUTHENTICATED');
  });

  test('a revocation whose wake-up was lost still closes its sockets, at the next check of the database', async () => {
    const checking = await startTestServer({ signInCheckMs: 200 });
    try {
      const em = checking.orm.em.fork() as EntityManager;
      const user = buildUser(em, {});
      await em.flush();
      const token = await checking.tokenFor(user.id);
      const socket = connect(checking.url, token);
      connections.push(socket);
      await connected(socket);
      // Revoked behind the server's back: no wake-up is sent.
      await checking.orm.em.getKnex()('auth_session').where('user_id', user.id).update({ revoked_at: checking.orm.em.getKnex().fn.now() });
      expect(await closeCode(socket)).toBe(SESSION_ENDED_CLOSE_CODE);
    } finally {
      await checking.stop();
    }
  });

  test('a token refused at connect closes the socket with 4403, as before', async () => {
    const socket = live('not-a-token');
    expect(await closeCode(socket)).toBe(4403);
  });
});

describe('managing sign-ins', () => {
  const SESSIONS = 'query($u: ID) { signInSessions(userId: $u) { nodes { id method current user { email } } } }';
  const REVOKE = 'mutation($id: ID!) { revokeSignInSession(id: $id) { id revokedAt } }';

  test('a user lists and revokes their own sessions; not someone else’s, which an officer may', async () => {
    const user = await newUser();
    const stranger = await newUser();
    const officer = await newUser(UserRole.OFFICER);
    const first = await signIn(user.email);
    const second = await signIn(user.email);
    const listed = await server.gql(SESSIONS, {}, first.body.accessToken);
    expect(listed.data.signInSessions.nodes).toHaveLength(2);
    expect(listed.data.signInSessions.nodes.find((s: any) => s.current).id).toBe(first.body.session.id);

    const mine = await server.gql(REVOKE, { id: second.body.session.id }, first.body.accessToken);
    expect(mine.data.revokeSignInSession.revokedAt).toBeTruthy();
    expect(refusal(await server.gql(ME, {}, second.body.accessToken)).code).toBe('UNAUTHENTICATED');
    expect(refusal(await server.gql(REVOKE, { id: second.body.session.id }, first.body.accessToken))).toEqual({ code: 'INVALID_STATE', field: 'id' });

    const theirs = await signIn(stranger.email);
    expect(refusal(await server.gql(REVOKE, { id: theirs.body.session.id }, first.body.accessToken)).code).toBe('FORBIDDEN');
    expect(refusal(await server.gql(SESSIONS, { u: stranger.gid }, first.body.accessToken)).code).toBe('FORBIDDEN');
    const officerToken = await server.tokenFor(officer.id);
    expect((await server.gql(SESSIONS, { u: stranger.gid }, officerToken)).data.signInSessions.nodes).toEqual([
      { id: theirs.body.session.id, method: 'PASSWORD', current: false, user: { email: stranger.email } },
    ]);
    expect((await server.gql(REVOKE, { id: theirs.body.session.id }, officerToken)).data.revokeSignInSession.id).toBe(theirs.body.session.id);
    expect(refusal(await server.gql(ME, {}, theirs.body.accessToken)).code).toBe('UNAUTHENTICATED');
  });

  test('revoking closes the sockets of the session in another server process too', async () => {
    const user = await newUser();
    const { body } = await signIn(user.email);
    const other = await startChildServer({ DATABASE_URL: server.databaseUrl, JWT_SECRET: TEST_SECRET, SEED_DEMO_DATA: 'false', RETENTION_SWEEP_HOURS: '0' });
    try {
      const socket = connect(other.url, body.accessToken);
      connections.push(socket);
      await connected(socket);
      const revoked = await server.gql('mutation($u: ID!) { revokeAllSignInSessions(userId: $u) { revokedCount } }', { u: user.gid }, body.accessToken);
      expect(revoked.data.revokeAllSignInSessions.revokedCount).toBe(1);
      expect(await closeCode(socket)).toBe(SESSION_ENDED_CLOSE_CODE);
    } finally {
      await other.stop();
    }
  });

  test('changing one’s password needs the current one, and signs out the other sessions', async () => {
    const user = await newUser();
    const current = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { email } }';
    const token = current.body.accessToken;
    expect(refusal(await server.gql(CHANGE, { c: 'wrong password', n: 'a new long password' }, token))).toEqual({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    expect(refusal(await server.gql(CHANGE, { c: PASSWORD, n: 'short' }, token))).toEqual({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(refusal(await server.gql(CHANGE, { c: PASSWORD, n: user.email }, token))).toEqual({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await server.gql(CHANGE, { c: PASSWORD, n: 'a new long password' }, token)).data.changePassword.email).toBe(user.email);
    expect((await server.gql(ME, {}, token)).data.me.email).toBe(user.email);
    expect(refusal(await server.gql(ME, {}, elsewhere.body.accessToken)).code).toBe('UNAUTHENTICATED');
    expect((await signIn(user.email)).response.status).toBe(401);
    expect((await signIn(user.email, 'a new long password')).response.status).toBe(200);
    // The password is never written to the audit trail.
    const trail = await server.orm.em.getKnex()('audit_event').where({ action: 'changePassword', actor_id: user.id, outcome: 'OK' }).first('details', 'outcome');
    expect(trail).toEqual({ outcome: 'OK', details: { arguments: { currentPassword: '[redacted]', newPassword: '[redacted]' } } });
  });

  test('an officer sets a user’s password, which ends that user’s sessions; a member may not', async () => {
    const user = await newUser(UserRole.COMMITTEE_MEMBER, false);
    const officer = await newUser(UserRole.OFFICER);
    const member = await newUser();
    const existing = await server.tokenFor(user.id);
    const SET = 'mutation($u: ID!, $p: String!) { setUserPassword(userId: $u, password: $p) { email } }';
    expect(refusal(await server.gql(SET, { u: user.gid, p: 'first long password' }, await server.tokenFor(member.id))).code).toBe('FORBIDDEN');
    expect((await server.gql(SET, { u: user.gid, p: 'first long password' }, await server.tokenFor(officer.id))).data.setUserPassword.email).toBe(user.email);
    expect(refusal(await server.gql(ME, {}, existing)).code).toBe('UNAUTHENTICATED');
    expect((await signIn(user.email, 'first long password')).response.status).toBe(200);
  });
});

describe('users from the server’s shell (npm run user)', () => {
  const cli = (args: string[], input = '') =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(repoRoot(), 'dist/src/auth/user-cli.js'), ...args], { env: { ...process.env, DATABASE_URL: server.databaseUrl } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });

  test('adds the first officer of a new database and sets a password, which signs in', async () => {
    const email = `registrar-${Date.now()}@uni.example`;
    expect(await cli(['add', email, 'The Registrar', 'OFFICER'])).toMatchObject({ code: 0, stdout: `Added OFFICER ${email}.\n` });
    expect(await cli(['password', email], 'a long first password\n')).toMatchObject({ code: 0 });
    const { response, body } = await signIn(email, 'a long first password');
    expect(response.status).toBe(200);
    expect(body.user).toMatchObject({ email, role: 'OFFICER', name: 'The Registrar' });
    const refused = await cli(['add', email, 'Again', 'OFFICER']);
    expect(refused).toMatchObject({ code: 1, stderr: `A user with email ${email} exists.\n` });
    expect(await cli(['password', email], 'short\n')).toMatchObject({ code: 1, stderr: 'A password has at least 10 characters.\n' });
  }, 120_000);
});

describe('demo sign-in', () => {
  test('off unless configured: no list, no route', async () => {
    const methods = (await (await fetch(`${base}/auth/methods`)).json()) as any;
    expect(methods).toEqual({ password: true, oidc: null, demo: null });
    expect((await post('/auth/sign-in/demo', { email: 'x@y.z' })).status).toBe(404);
  });

  test('on, it lists every user and signs in as the one picked, without a password', async () => {
    const demo = await startTestServer({ auth: { demoSignIn: true } });
    try {
      const demoBase = demo.url.replace(/\/graphql$/, '');
      const em = demo.orm.em.fork() as EntityManager;
      const chair = buildUser(em, { name: 'Demo Chair', role: UserRole.COMMITTEE_MEMBER });
      await em.flush();
      const methods = (await (await fetch(`${demoBase}/auth/methods`)).json()) as any;
      expect(methods.demo.users).toContainEqual({ email: chair.email, name: 'Demo Chair', role: 'COMMITTEE_MEMBER' });
      const signedIn = await fetch(`${demoBase}/auth/sign-in/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: chair.email }) });
      const body = (await signedIn.json()) as any;
      expect(body.session.method).toBe('DEMO');
      expect((await demo.gql(ME, {}, body.accessToken)).data.me.email).toBe(chair.email);
      const unknown = await fetch(`${demoBase}/auth/sign-in/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"nobody@x.example"}' });
      expect(unknown.status).toBe(401);
    } finally {
      await demo.stop();
    }
  });
});
