import type { Knex } from '@mikro-orm/postgresql';
import { parse as parseCookies, serialize as serializeCookie, SerializeOptions } from 'cookie';
import express from 'express';
import { recordAudit } from '../audit/audit-recorder';
import { AuditKind } from '../audit/audit-event.entity';
import { ErrorCode } from '../common/errors';
import { toGlobalId } from '../common/global-id';
import type { Logger } from '../logger';
import type { AuthUser } from './access';
import { SignInMethod } from './auth-session.entity';
import type { Authenticate, Credentials } from './authenticate';
import type { LiveSessions } from './live-sessions';
import type { OidcIssuer } from './oidc';
import { accessTokenFor, openSession, revokeSessions } from './sessions';
import { bearerToken } from './tokens';
import { isRateLimited, retryAfterOf } from '../server/rate-limits';

/** The browser's session: its refresh token, sent only to /auth (never with /graphql, so no request there can be forged with it). */
export const SESSION_COOKIE = 'conclave_session';
/** The OpenID Connect sign-in in progress (state, nonce, PKCE verifier), encrypted, for ten minutes. */
const FLOW_COOKIE = 'conclave_oidc';

export interface AuthRoutesOptions {
  /** The one authentication entry point (context.ts `userFor`). */
  authenticate: Authenticate;
  db: Knex;
  secret: string;
  settings: { accessTokenMinutes: number; sessionHours: number; passwordSignIn: boolean; demoSignIn: boolean };
  /** The address browsers reach this server at (known only once it listens, when not configured). */
  publicUrl: () => string;
  oidc: OidcIssuer | null;
  liveSessions: LiveSessions;
  logger: Logger;
}

class AuthHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const badInput = (field: string, message: string) => new AuthHttpError(400, ErrorCode.BAD_USER_INPUT, message, field);
const methodOff = (what: string) => new AuthHttpError(404, ErrorCode.NOT_FOUND, `${what} is not enabled on this server.`);

/** A path on this server: never a redirect elsewhere (`//host`, `/\host`, a scheme). */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 2000 ? value : '/';
}

/**
 * Sign-in over HTTP, under /auth (README "Signing in"). Every route answers JSON in GraphQL's
 * error shape; POST bodies must be JSON, which a cross-site form cannot send without a CORS
 * preflight this server never grants — with SameSite=Strict cookies, that keeps other sites from
 * signing a browser in or out.
 */
export function authRoutes(options: AuthRoutesOptions): express.Router {
  const { authenticate, db, secret, settings, oidc, liveSessions, logger } = options;
  const router = express.Router();
  // Tokens and the users list are never cached.
  router.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const secure = () => options.publicUrl().startsWith('https://');
  const cookie = (name: string, value: string, attributes: SerializeOptions) =>
    serializeCookie(name, value, { httpOnly: true, secure: secure(), ...attributes });
  const sessionCookie = (value: string, maxAge: number) => cookie(SESSION_COOKIE, value, { path: '/auth', sameSite: 'strict', maxAge });
  const cookiesOf = (req: express.Request) => parseCookies(req.headers.cookie ?? '');

  const json = express.json({ limit: '16kb' });
  const jsonBody = (req: express.Request, required: boolean): Record<string, unknown> => {
    if (!req.is('application/json')) {
      if (!required && Number(req.headers['content-length'] ?? 0) === 0 && !req.headers['transfer-encoding']) return {};
      throw new AuthHttpError(415, ErrorCode.BAD_REQUEST, 'Send a JSON body (content-type: application/json).');
    }
    return req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
  };
  const text = (body: Record<string, unknown>, field: string): string => {
    const value = body[field];
    if (typeof value !== 'string' || value.trim() === '') throw badInput(field, `${field} is required.`);
    if (value.length > 500) throw badInput(field, `${field} is too long.`);
    return value;
  };

  async function tokenAnswer(user: AuthUser, refreshToken?: string) {
    const access = await accessTokenFor(secret, { userId: user.id, sessionId: user.sessionId! }, settings.accessTokenMinutes);
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresAt: access.expiresAt.toISOString(),
      expiresIn: settings.accessTokenMinutes * 60,
      session: { id: toGlobalId('SignInSession', user.sessionId!), method: user.signInMethod, expiresAt: user.expiresAt!.toISOString() },
      user: { id: toGlobalId('User', user.id), email: user.email, name: user.name, role: user.role },
      ...(refreshToken ? { refreshToken } : {}),
    };
  }

  /** Opens a session for a user the entry point accepted; the browser gets it as a cookie, a tool (refreshTokenInBody) in the answer. */
  async function signIn(req: express.Request, res: express.Response, user: AuthUser, method: SignInMethod, inBody: boolean) {
    const opened = await openSession(db, { userId: user.id, method, hours: settings.sessionHours, userAgent: req.headers['user-agent'] });
    const sessionUser = { ...user, sessionId: opened.sessionId, expiresAt: opened.expiresAt, signInMethod: method };
    if (!inBody) res.setHeader('Set-Cookie', sessionCookie(opened.refreshToken, settings.sessionHours * 3600));
    res.json(await tokenAnswer(sessionUser, inBody ? opened.refreshToken : undefined));
  }

  const route =
    (handler: (req: express.Request, res: express.Response) => Promise<void>) =>
    (req: express.Request, res: express.Response, next: express.NextFunction) =>
      handler(req, res).catch(next);

  router.get(
    '/methods',
    route(async (_req, res) => {
      const demoUsers = settings.demoSignIn ? await db('app_user').orderBy(['role', 'email']).select('email', 'name', 'role') : null;
      res.json({
        password: settings.passwordSignIn,
        oidc: oidc ? { startUrl: '/auth/sign-in/oidc' } : null,
        demo: demoUsers ? { users: demoUsers } : null,
      });
    }),
  );

  router.post(
    '/sign-in/password',
    json,
    route(async (req, res) => {
      if (!settings.passwordSignIn) throw methodOff('Password sign-in');
      const body = jsonBody(req, true);
      const credentials: Credentials = { kind: 'password', email: text(body, 'email'), password: text(body, 'password') };
      const user = await authenticate(credentials, { ip: req.ip });
      if (!user) throw new AuthHttpError(401, ErrorCode.UNAUTHENTICATED, 'Wrong email or password.');
      await signIn(req, res, user, SignInMethod.PASSWORD, body.refreshTokenInBody === true);
    }),
  );

  router.post(
    '/sign-in/demo',
    json,
    route(async (req, res) => {
      if (!settings.demoSignIn) throw methodOff('Demo sign-in');
      const body = jsonBody(req, true);
      const user = await authenticate({ kind: 'demo', email: text(body, 'email') }, { ip: req.ip });
      if (!user) throw new AuthHttpError(401, ErrorCode.UNAUTHENTICATED, 'No user with this email; GET /auth/methods lists them.', 'email');
      await signIn(req, res, user, SignInMethod.DEMO, body.refreshTokenInBody === true);
    }),
  );

  // The browser leaves for the identity provider, and comes back to the callback.
  router.get(
    '/sign-in/oidc',
    route(async (req, res) => {
      if (!oidc) throw methodOff('OpenID Connect sign-in');
      const returnTo = safeReturnTo(req.query.returnTo);
      try {
        const { url, flowCookie } = await oidc.startSignIn(`${options.publicUrl()}/auth/oidc/callback`, returnTo);
        res.setHeader('Set-Cookie', cookie(FLOW_COOKIE, flowCookie, { path: '/auth/oidc', sameSite: 'lax', maxAge: 600 }));
        res.redirect(302, url.href);
      } catch {
        res.redirect(302, withError(returnTo, 'OIDC_UNAVAILABLE'));
      }
    }),
  );

  router.get(
    '/oidc/callback',
    route(async (req, res) => {
      if (!oidc) throw methodOff('OpenID Connect sign-in');
      const flow = await oidc.readFlow(cookiesOf(req)[FLOW_COOKIE]);
      const cookies = [cookie(FLOW_COOKIE, '', { path: '/auth/oidc', sameSite: 'lax', maxAge: 0 })];
      const fail = (code: string) => {
        res.setHeader('Set-Cookie', cookies);
        res.redirect(302, withError(flow?.returnTo ?? '/', code));
      };
      if (!flow) return fail('SIGN_IN_EXPIRED');
      if (typeof req.query.error === 'string') return fail(req.query.error === 'access_denied' ? 'ACCESS_DENIED' : 'OIDC_FAILED');
      let identity;
      try {
        identity = await oidc.finishSignIn(new URL(req.originalUrl, options.publicUrl()), flow);
      } catch (error) {
        logger.error('OpenID Connect callback refused', error);
        return fail('OIDC_FAILED');
      }
      if (!identity.email || !identity.emailVerified) return fail('EMAIL_NOT_VERIFIED');
      const user = await authenticate({ kind: 'oidc', identity });
      if (!user) return fail('NO_ACCOUNT');
      const opened = await openSession(db, { userId: user.id, method: SignInMethod.OIDC, hours: settings.sessionHours, userAgent: req.headers['user-agent'] });
      cookies.push(sessionCookie(opened.refreshToken, settings.sessionHours * 3600));
      res.setHeader('Set-Cookie', cookies);
      res.redirect(302, flow.returnTo);
    }),
  );

  /** A new access token for the session (its cookie, or `refreshToken` in the body). */
  router.post(
    '/token',
    json,
    route(async (req, res) => {
      const body = jsonBody(req, false);
      const refreshToken = typeof body.refreshToken === 'string' ? body.refreshToken : cookiesOf(req)[SESSION_COOKIE];
      const user = refreshToken ? await authenticate({ kind: 'refresh', token: refreshToken }, { ip: req.ip }) : null;
      if (!user) {
        if (cookiesOf(req)[SESSION_COOKIE]) res.setHeader('Set-Cookie', sessionCookie('', 0));
        throw new AuthHttpError(401, ErrorCode.UNAUTHENTICATED, 'No live session: sign in again.');
      }
      res.json(await tokenAnswer(user));
    }),
  );

  /** Ends the session of the cookie, of `refreshToken` in the body, or of the bearer access token; its live sockets close. */
  router.post(
    '/sign-out',
    json,
    route(async (req, res) => {
      const body = jsonBody(req, false);
      const refreshToken = typeof body.refreshToken === 'string' ? body.refreshToken : cookiesOf(req)[SESSION_COOKIE];
      const bearer = bearerToken(req.headers.authorization);
      const client = { ip: req.ip };
      const user = refreshToken ? await authenticate({ kind: 'refresh', token: refreshToken }, client) : bearer ? await authenticate({ kind: 'bearer', token: bearer }, client) : null;
      let signedOut = false;
      if (user?.sessionId) {
        const revoked = await revokeSessions(db, { sessionIds: [user.sessionId] }, user.id);
        if (revoked.sessionIds.length > 0) {
          signedOut = true;
          await recordAudit(db, [{ kind: AuditKind.SIGN_OUT, action: 'signOut', actorId: user.id, details: { sessionId: user.sessionId } }]);
          liveSessions.ended({ sessionIds: revoked.sessionIds });
        }
      }
      res.setHeader('Set-Cookie', sessionCookie('', 0));
      res.json({ signedOut });
    }),
  );

  // Unknown routes and refusals, in GraphQL's error shape.
  router.use((_req: express.Request, _res: express.Response, next: express.NextFunction) => next(new AuthHttpError(404, ErrorCode.NOT_FOUND, 'No such sign-in route.')));
  router.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (isRateLimited(error)) {
      const { http: _http, ...extensions } = error.extensions;
      res.status(429).setHeader('Retry-After', String(retryAfterOf(error)));
      return void res.json({ errors: [{ message: error.message, extensions }] });
    }
    if (!(error instanceof AuthHttpError)) return next(error);
    res.status(error.status).json({ errors: [{ message: error.message, extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) } }] });
  });
  return router;
}

function withError(returnTo: string, code: string): string {
  const url = new URL(returnTo, 'http://x');
  url.searchParams.set('signInError', code);
  return `${url.pathname}${url.search}${url.hash}`;
}
