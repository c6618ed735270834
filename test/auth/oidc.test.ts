import { generateKeyPair, SignJWT } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserRole } from '../../src/auth/user.entity';
import { toGlobalId } from '../../src/common/global-id';
import { SESSION_ENDED_CLOSE_CODE } from '../../src/auth/live-sessions';
import { buildUser } from '../support/factories';
import { connect, connected } from '../support/live-client';
import { API_AUDIENCE, Browser, CLIENT_SECRET, issuerTokens, startTestIssuer, TestIssuer } from '../support/oidc-issuer';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/**
 * Sign-in through a real OpenID Connect issuer (oidc-provider 9 on a loopback port), over HTTP
 * as a browser does it, and the issuer's own bearer tokens on the API.
 */
let issuer: TestIssuer;
let server: TestServer;
let base: string;
const officer = { email: 'registrar@uni.example', name: 'Registrar' };
const member = { email: 'reviewer@uni.example', name: 'Reviewer' };

beforeAll(async () => {
  issuer = await startTestIssuer();
  server = await startTestServer({
    auth: {
      oidc: {
        issuer: issuer.url,
        clientId: 'conclave',
        clientSecret: CLIENT_SECRET,
        audiences: [API_AUDIENCE, `${API_AUDIENCE}/es256`, `${API_AUDIENCE}/short-lived`],
        scopes: 'openid email profile',
      },
    },
  });
  base = server.url.replace(/\/graphql$/, '');
  const em = server.orm.em.fork() as EntityManager;
  buildUser(em, { ...officer, role: UserRole.OFFICER });
  buildUser(em, { ...member, role: UserRole.COMMITTEE_MEMBER });
  // The issuer says this address is not verified: a user with it must still not be signed in.
  buildUser(em, { email: 'unverified.member@uni.example', name: 'Unverified' });
  await em.flush();
});
afterAll(async () => {
  await server.stop();
  await issuer.stop();
});

const ME = '{ me { email role } }';
const atConclave = (path: string) => (next: URL) => next.origin === base && next.pathname === path;

/** From Conclave's sign-in link to the issuer's login page. */
async function startSignIn(browser: Browser, returnTo = '/') {
  return browser.navigate(`${base}/auth/sign-in/oidc?returnTo=${encodeURIComponent(returnTo)}`);
}

describe('the browser sign-in (authorization code with PKCE)', () => {
  test('goes to the issuer and back, opens a session in a cookie, and its access tokens work', async () => {
    const browser = new Browser();
    const start = await browser.fetch(`${base}/auth/sign-in/oidc?returnTo=${encodeURIComponent('/agenda?week=2')}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(issuer.url);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'conclave',
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${base}/auth/oidc/callback`,
      scope: 'openid email profile',
    });
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(browser.cookie(base, 'conclave_oidc')).toBeTruthy();

    const loginPage = await browser.navigate(authorize.href);
    expect(loginPage.url.startsWith(`${issuer.url}/interaction/`)).toBe(true);
    const back = await browser.signInAtIssuer(loginPage, member.email, atConclave('/agenda'));
    expect(back.url).toBe(`${base}/agenda?week=2`);
    expect(browser.cookie(base, 'conclave_oidc')).toBeUndefined();
    expect(browser.cookie(base, 'conclave_session')).toBeTruthy();

    const token = await browser.fetch(`${base}/auth/token`, { method: 'POST' });
    expect(token.status).toBe(200);
    const { accessToken, user, session } = (await token.json()) as any;
    expect(user).toMatchObject({ email: member.email, role: 'COMMITTEE_MEMBER' });
    expect((await server.gql(ME, {}, accessToken)).data.me).toEqual({ email: member.email, role: 'COMMITTEE_MEMBER' });
    const sessions = await server.gql('{ signInSessions { nodes { id method current } } }', {}, accessToken);
    expect(sessions.data.signInSessions.nodes).toEqual([{ id: session.id, method: 'OIDC', current: true }]);
  });

  test('an email with no Conclave user, an unverified email and a cancelled sign-in come back with a reason', async () => {
    const outcome = async (email: string | null) => {
      const browser = new Browser();
      const back = await browser.signInAtIssuer(await startSignIn(browser, '/welcome'), email, atConclave('/welcome'));
      expect(browser.cookie(base, 'conclave_session')).toBeUndefined();
      return new URL(back.url).searchParams.get('signInError');
    };
    expect(await outcome('stranger@uni.example')).toBe('NO_ACCOUNT');
    expect(await outcome('unverified.member@uni.example')).toBe('EMAIL_NOT_VERIFIED');
    expect(await outcome(null)).toBe('ACCESS_DENIED');
  });

  test('a callback with a forged state, or replayed once used, opens no session', async () => {
    const browser = new Browser();
    const callback = await browser.signInAtIssuer(await startSignIn(browser, '/'), officer.email, atConclave('/auth/oidc/callback'));
    const forged = new URL(callback.url);
    forged.searchParams.set('state', 'someone-elses-state');
    const refused = await browser.navigate(forged.href, atConclave('/'));
    expect(new URL(refused.url).searchParams.get('signInError')).toBe('OIDC_FAILED');
    // The flow's cookie went with the first try: the genuine callback now finds no sign-in in progress.
    const replayed = await browser.navigate(callback.url, atConclave('/'));
    expect(new URL(replayed.url).searchParams.get('signInError')).toBe('SIGN_IN_EXPIRED');
    expect(browser.cookie(base, 'conclave_session')).toBeUndefined();
  });

  test('returnTo never leads off this server', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const response = await new Browser().fetch(`${base}/auth/sign-in/oidc?returnTo=${encodeURIComponent(returnTo)}`);
      expect(response.status).toBe(302);
      const browser = new Browser();
      const back = await browser.signInAtIssuer(await startSignIn(browser, returnTo), officer.email, (next) => next.origin === base && !next.pathname.startsWith('/auth/'));
      expect(back.url).toBe(`${base}/`);
    }
  });
});

describe("the issuer's bearer tokens", () => {
  test('RS256 and ES256 JWT access tokens for the API are accepted, the user matched by verified email', async () => {
    const rs256 = await issuerTokens(issuer.url, officer.email);
    const es256 = await issuerTokens(issuer.url, officer.email, `${API_AUDIENCE}/es256`);
    for (const token of [rs256.accessToken, es256.accessToken]) {
      expect((await server.gql(ME, {}, token)).data.me).toEqual({ email: officer.email, role: 'OFFICER' });
    }
    const header = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString());
    expect([header(rs256.accessToken).alg, header(es256.accessToken).alg]).toEqual(['RS256', 'ES256']);
  });

  test('another audience, a forged signature, an unknown email and an unverified one are refused', async () => {
    const { idToken } = await issuerTokens(issuer.url, officer.email);
    const { accessToken: unknown } = await issuerTokens(issuer.url, 'stranger@uni.example');
    const { accessToken: unverified } = await issuerTokens(issuer.url, 'unverified.member@uni.example');
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ email: officer.email, email_verified: true })
      .setProtectedHeader({ alg: 'RS256', kid: 'not-the-issuers' })
      .setIssuer(issuer.url)
      .setAudience(API_AUDIENCE)
      .setSubject(officer.email)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    // The ID token is the issuer's, but its audience is the reporting tool, not this API.
    for (const token of [idToken, forged, unknown, unverified]) {
      expect(refusal(await server.gql(ME, {}, token)).code).toBe('UNAUTHENTICATED');
    }
  });

  test('a socket opened with a token of the issuer closes with 4401 when the token expires', async () => {
    const { accessToken } = await issuerTokens(issuer.url, member.email, `${API_AUDIENCE}/short-lived`);
    const live = connect(server.url, accessToken);
    await connected(live);
    const closed = await Promise.race([live.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('not closed within 10 s')), 10_000))]);
    expect(closed).toMatchObject({ code: SESSION_ENDED_CLOSE_CODE });
    expect(refusal(await server.gql(ME, {}, accessToken)).code).toBe('UNAUTHENTICATED');
  });

  test("signing a user out everywhere refuses the issuer's tokens issued before, not those issued after", async () => {
    const user = { email: 'leaving@uni.example', name: 'Leaving' };
    const em = server.orm.em.fork() as EntityManager;
    const row = buildUser(em, { ...user, role: UserRole.COMMITTEE_MEMBER });
    await em.flush();
    const before = (await issuerTokens(issuer.url, user.email)).accessToken;
    const live = connect(server.url, before);
    await connected(live);
    expect((await server.gql(ME, {}, before)).data.me.email).toBe(user.email);

    const officerToken = (await issuerTokens(issuer.url, officer.email)).accessToken;
    const revoked = await server.gql('mutation($u: ID!) { revokeAllSignInSessions(userId: $u) { revokedCount user { email } } }', { u: toGlobalId('User', row.id) }, officerToken);
    expect(revoked.data.revokeAllSignInSessions.user.email).toBe(user.email);
    expect(refusal(await server.gql(ME, {}, before)).code).toBe('UNAUTHENTICATED');
    expect(await live.closed).toMatchObject({ code: SESSION_ENDED_CLOSE_CODE });

    // Token times are whole seconds: one issued in the same second as the revocation is refused too.
    const deadline = Date.now() + 5000;
    for (;;) {
      const after = (await issuerTokens(issuer.url, user.email)).accessToken;
      const answer = await server.gql(ME, {}, after);
      if (answer.data?.me) break;
      if (Date.now() > deadline) throw new Error('a token issued after the revocation is still refused');
    }
  });
});

test('with the issuer unreachable the server still serves, and the browser sign-in says so', async () => {
  const offline = await startTestServer({ auth: { oidc: { issuer: 'http://127.0.0.1:9', clientId: 'conclave', clientSecret: 'x', audiences: ['conclave'], scopes: 'openid email' } } });
  try {
    const response = await new Browser().fetch(`${offline.url.replace(/\/graphql$/, '')}/auth/sign-in/oidc?returnTo=/`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/?signInError=OIDC_UNAVAILABLE');
    expect(refusal(await offline.gql(ME, {}, 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwOi8vMTI3LjAuMC4xOjkifQ.x')).code).toBe('UNAUTHENTICATED');
  } finally {
    await offline.stop();
  }
});
