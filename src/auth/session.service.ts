import type { Knex } from '@mikro-orm/postgresql';
import { badInput, forbidden, invalidState, notFound } from '../common/errors';
import { fromGlobalId, toGlobalId } from '../common/global-id';
import { ConnectionArgs, keysetPage, ordering, Page, pageRequest, toPage } from '../common/pagination';
import { timestamp } from '../common/scalars';
import type { Context } from '../context';
import { checkNewPassword, hashPassword, verifyPassword } from './passwords';
import { revokeSessions } from './sessions';
import { SignInSessionNode } from './session.type';

/** Officers manage everyone's sign-ins; anyone else only their own. */
function userIdFor(ctx: Context, userGlobalId: string | null | undefined, field = 'userId'): string {
  const me = ctx.user!;
  if (!userGlobalId) return me.id;
  const userId = fromGlobalId('User', userGlobalId, field);
  if (userId !== me.id && !ctx.access.isOfficer) throw forbidden("Only officers manage other users' sign-ins.");
  return userId;
}

function toSession(ctx: Context, row: any): SignInSessionNode {
  return Object.assign(new SignInSessionNode(), {
    id: toGlobalId('SignInSession', row.id),
    dbId: row.id,
    userId: row.user_id,
    method: row.method,
    createdAt: timestamp(row.created_at),
    expiresAt: timestamp(row.expires_at),
    lastRefreshedAt: timestamp(row.last_refreshed_at),
    revokedAt: timestamp(row.revoked_at),
    userAgent: row.user_agent,
    current: row.id === ctx.user?.sessionId,
  });
}

const COLUMNS = ['id', 'user_id', 'method', 'created_at', 'expires_at', 'last_refreshed_at', 'revoked_at', 'user_agent'];

/** Newest sign-in first; the id breaks ties. */
export const SIGN_IN_ORDERING = ordering('signInSessions', 'created_at', 'desc', [{ sql: 's.created_at', type: 'timestamptz' }, { sql: 's.id', type: 'uuid' }]);

/** A user's live sessions (not revoked, not expired), newest first. */
export async function listSignInSessions(ctx: Context, userGlobalId: string | null | undefined, args: ConnectionArgs): Promise<Page<SignInSessionNode>> {
  const request = pageRequest(args, SIGN_IN_ORDERING);
  const userId = userIdFor(ctx, userGlobalId);
  const live = ctx.db('auth_session as s')
    .where('s.user_id', userId)
    .whereNull('s.revoked_at')
    .where('s.expires_at', '>', ctx.db.fn.now())
    .select(COLUMNS.map((column) => `s.${column}`));
  return toPage(await keysetPage(ctx.db, live, request), (row) => toSession(ctx, row));
}

export async function revokeSignInSession(ctx: Context, globalId: string): Promise<SignInSessionNode> {
  const id = fromGlobalId('SignInSession', globalId);
  const row = await ctx.db('auth_session').where('id', id).first('user_id');
  if (!row) throw notFound('SignInSession', globalId);
  userIdFor(ctx, toGlobalId('User', row.user_id), 'id');
  const revoked = await revokeSessions(ctx.db, { sessionIds: [id] }, ctx.user!.id);
  if (revoked.sessionIds.length === 0) throw invalidState('This session has already ended.', 'id');
  ctx.services.auth.ended({ sessionIds: revoked.sessionIds });
  return toSession(ctx, await ctx.db('auth_session').where('id', id).first(COLUMNS));
}

/**
 * Signs a user out everywhere: every session revoked, and the identity provider's bearer tokens
 * issued before now refused; every live socket of theirs closes.
 */
export async function revokeAllSignInSessions(ctx: Context, userGlobalId: string): Promise<{ userId: string; revokedCount: number }> {
  const userId = userIdFor(ctx, userGlobalId);
  const revoked = await ctx.db.transaction(async (trx) => {
    const updated = await trx('app_user').where('id', userId).update({ credentials_revoked_at: trx.fn.now() });
    if (updated === 0) throw notFound('User', userGlobalId, 'userId');
    return revokeSessions(trx, { userId }, ctx.user!.id);
  });
  ctx.services.auth.ended({ sessionIds: revoked.sessionIds, userIds: [userId] });
  return { userId, revokedCount: revoked.sessionIds.length };
}

async function storePassword(db: Knex, userId: string, hash: string): Promise<void> {
  await db.raw(
    `insert into user_password (user_id, hash) values (?, ?) on conflict (user_id) do update set hash = excluded.hash, updated_at = now()`,
    [userId, hash],
  );
}

function requirePasswordSignIn(ctx: Context) {
  if (!ctx.services.auth.passwordSignIn) throw invalidState('Password sign-in is off on this server (PASSWORD_SIGN_IN).');
}

/** A user changes their own password; their other sessions are revoked (the current one stays). */
export async function changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<string> {
  requirePasswordSignIn(ctx);
  const me = ctx.user!;
  const stored = await ctx.db('user_password').where('user_id', me.id).first('hash');
  if (!stored) throw badInput('currentPassword', 'You have no password yet: an officer sets a first one (setUserPassword).');
  if (!(await verifyPassword(currentPassword, stored.hash))) throw badInput('currentPassword', 'The current password is wrong.');
  checkNewPassword('newPassword', newPassword, me.email);
  const hash = await hashPassword(newPassword);
  const revoked = await ctx.db.transaction(async (trx) => {
    await storePassword(trx, me.id, hash);
    return revokeSessions(trx, { userId: me.id, exceptSessionId: me.sessionId }, me.id);
  });
  ctx.services.auth.ended({ sessionIds: revoked.sessionIds });
  return me.id;
}

/** An officer sets a user's password (a first one, or a reset); that user's sessions are revoked. */
export async function setUserPassword(ctx: Context, userGlobalId: string, password: string): Promise<string> {
  requirePasswordSignIn(ctx);
  const userId = fromGlobalId('User', userGlobalId, 'userId');
  const user = await ctx.db('app_user').where('id', userId).first('email');
  if (!user) throw notFound('User', userGlobalId, 'userId');
  checkNewPassword('password', password, user.email);
  const hash = await hashPassword(password);
  const revoked = await ctx.db.transaction(async (trx) => {
    await storePassword(trx, userId, hash);
    return revokeSessions(trx, { userId }, ctx.user!.id);
  });
  ctx.services.auth.ended({ sessionIds: revoked.sessionIds });
  return userId;
}
