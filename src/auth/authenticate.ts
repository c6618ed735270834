import type { Knex } from '@mikro-orm/postgresql';
import { timestamp } from '../common/scalars';
import type { AuthUser } from './access';
import type { IdentityClaims, OidcIssuer } from './oidc';
import { needsRehash, hashPassword, verifyPassword } from './passwords';
import { refreshSessionUser, sessionUser } from './sessions';
import { bearerToken, OWN_ISSUER, tokenIssuer, verifyAccessToken } from './tokens';

/** Everything a request can prove who it is with. */
export type Credentials =
  /** An access token: Conclave's own (names a live session), or a JWT of the OpenID Connect issuer. */
  | { kind: 'bearer'; token: string }
  /** A session's refresh token (the browser's cookie, or a tool's stored token). */
  | { kind: 'refresh'; token: string }
  | { kind: 'password'; email: string; password: string }
  /** Demo sign-in: any user, where it is on. */
  | { kind: 'demo'; email: string }
  /** The identity the issuer returned to the browser sign-in's callback (already verified by openid-client). */
  | { kind: 'oidc'; identity: IdentityClaims };

/**
 * The one authentication entry point: credentials (or an `Authorization` header) to the user, or
 * null. HTTP requests, WebSocket connections and every sign-in route call it, so whatever wraps it
 * (a rate limit on failures) applies to every way of signing in.
 */
export type Authenticate = (credentials: Credentials | string | null | undefined, client?: { ip?: string }) => Promise<AuthUser | null>;

export interface AuthenticatorOptions {
  db: Knex;
  secret: string;
  oidc: OidcIssuer | null;
  passwordSignIn: boolean;
  demoSignIn: boolean;
}

const USER_COLUMNS = ['u.id', 'u.email', 'u.name', 'u.role'];
const toUser = (row: any): AuthUser => ({ id: row.id, email: row.email, name: row.name, role: row.role });

export function createAuthenticator(options: AuthenticatorOptions): Authenticate {
  const { db, secret, oidc } = options;
  const byEmail = (email: string) => db('app_user as u').whereRaw('lower(u.email) = lower(?)', [email.trim()]);

  async function bearer(token: string): Promise<AuthUser | null> {
    const issuer = tokenIssuer(token);
    if (issuer === OWN_ISSUER) {
      const claims = await verifyAccessToken(secret, token);
      return claims ? sessionUser(db, claims.sessionId, claims.userId) : null;
    }
    if (issuer && oidc) {
      const identity = await oidc.verifyBearer(token);
      return identity ? identityUser(identity) : null;
    }
    return null;
  }

  /** Users are matched by the email the issuer verified; tokens issued before the user's sessions were revoked are refused. */
  async function identityUser(identity: IdentityClaims): Promise<AuthUser | null> {
    if (!identity.email || !identity.emailVerified) return null;
    const row = await byEmail(identity.email).first(...USER_COLUMNS, 'u.credentials_revoked_at');
    if (!row) return null;
    const revokedAt = timestamp(row.credentials_revoked_at);
    if (revokedAt && identity.issuedAt && identity.issuedAt < revokedAt) return null;
    return { ...toUser(row), sessionId: null, expiresAt: identity.expiresAt };
  }

  async function password(email: string, given: string): Promise<AuthUser | null> {
    const row = await byEmail(email).leftJoin('user_password as p', 'p.user_id', 'u.id').first(...USER_COLUMNS, 'p.hash');
    // An unknown email costs the same scrypt as a wrong password (verifyPassword), so timing tells nothing.
    if (!(await verifyPassword(given, row?.hash)) || !row) return null;
    if (needsRehash(row.hash)) await db('user_password').where('user_id', row.id).update({ hash: await hashPassword(given), updated_at: db.fn.now() });
    return toUser(row);
  }

  return async (credentials) => {
    const given: Credentials | null =
      typeof credentials === 'string' || !credentials ? (bearerToken(credentials) ? { kind: 'bearer', token: bearerToken(credentials)! } : null) : credentials;
    if (!given) return null;
    switch (given.kind) {
      case 'bearer':
        return bearer(given.token);
      case 'refresh':
        return refreshSessionUser(db, given.token);
      case 'password':
        return options.passwordSignIn ? password(given.email, given.password) : null;
      case 'demo': {
        if (!options.demoSignIn) return null;
        const row = await byEmail(given.email).first(...USER_COLUMNS);
        return row ? toUser(row) : null;
      }
      case 'oidc':
        return identityUser(given.identity);
    }
  };
}
