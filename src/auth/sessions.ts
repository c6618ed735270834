import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { timestamp } from '../common/scalars';
import type { AuthUser } from './access';
import { SignInMethod } from './auth-session.entity';
import { signAccessToken } from './tokens';

/**
 * Sign-in sessions in PostgreSQL (`auth_session`), so a sign-out or a revocation holds in every
 * server process at once. A session has a refresh token (`<session id>.<secret>`, the secret kept
 * only as its SHA-256) that renews short-lived access tokens; each access token names its session
 * and is refused as soon as the session is revoked or expired.
 */

export interface OpenedSession {
  sessionId: string;
  refreshToken: string;
  expiresAt: Date;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Opens a session and records the sign-in in the audit trail, in one statement. */
export async function openSession(
  db: Knex,
  opening: { userId: string; method: SignInMethod; hours: number; userAgent?: string | null; requestId?: string | null },
): Promise<OpenedSession> {
  const sessionId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const { rows } = await db.raw(
    `with opened as (
       insert into auth_session (id, user_id, method, secret_hash, expires_at, user_agent)
       values (?, ?, ?, ?, now() + make_interval(hours => ?), ?)
       returning id, user_id, method, expires_at
     ),
     audit as (
       insert into audit_event (kind, action, actor_id, request_id, details)
       select 'SIGN_IN', 'signIn', user_id, ?, jsonb_build_object('method', method, 'sessionId', id) from opened
     )
     select expires_at from opened`,
    [sessionId, opening.userId, opening.method, sha256(secret), opening.hours, opening.userAgent?.slice(0, 300) ?? null, opening.requestId ?? null],
  );
  return { sessionId, refreshToken: `${sessionId}.${secret}`, expiresAt: timestamp(rows[0].expires_at) };
}

const SESSION_USER = `
  select u.id, u.email, u.name, u.role, s.id as session_id, s.expires_at, s.method, s.secret_hash
    from auth_session s join app_user u on u.id = s.user_id
   where s.id = ? and s.revoked_at is null and s.expires_at > now()`;

function toSessionUser(row: any): AuthUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId: row.session_id, expiresAt: timestamp(row.expires_at), signInMethod: row.method };
}

/** The user of a live session (not revoked, not expired), or null. */
export async function sessionUser(db: Knex, sessionId: string, userId: string): Promise<AuthUser | null> {
  const row = (await db.raw(SESSION_USER, [sessionId])).rows[0];
  return row && row.id === userId ? toSessionUser(row) : null;
}

const REFRESH_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([\w-]{43})$/;

/** The user of the session a refresh token belongs to, or null; marks the session as just used. */
export async function refreshSessionUser(db: Knex, refreshToken: string): Promise<AuthUser | null> {
  const match = REFRESH_TOKEN.exec(refreshToken);
  if (!match) return null;
  const row = (await db.raw(SESSION_USER, [match[1]])).rows[0];
  if (!row) return null;
  const expected = Buffer.from(row.secret_hash, 'hex');
  const given = Buffer.from(sha256(match[2]), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  await db('auth_session').where('id', row.session_id).update({ last_refreshed_at: db.fn.now() });
  return toSessionUser(row);
}

/** A fresh access token for a live session. */
export function accessTokenFor(secret: string, session: { userId: string; sessionId: string }, minutes: number) {
  return signAccessToken(secret, session, minutes * 60);
}

/** Revokes live sessions, by id or all of a user's (but one, say the caller's own). Returns which, and whose. */
export async function revokeSessions(
  db: Knex,
  which: { sessionIds: string[] } | { userId: string; exceptSessionId?: string | null },
  revokedBy: string | null,
): Promise<{ sessionIds: string[]; userIds: string[] }> {
  const query = db('auth_session').whereNull('revoked_at').where('expires_at', '>', db.fn.now());
  if ('sessionIds' in which) query.whereIn('id', which.sessionIds);
  else {
    query.where('user_id', which.userId);
    if (which.exceptSessionId) query.whereNot('id', which.exceptSessionId);
  }
  const rows: { id: string; user_id: string }[] = await query.update({ revoked_at: db.fn.now(), revoked_by_id: revokedBy }).returning(['id', 'user_id']);
  return { sessionIds: rows.map((r) => r.id), userIds: [...new Set(rows.map((r) => r.user_id))] };
}
