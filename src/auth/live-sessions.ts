import type { Knex } from '@mikro-orm/postgresql';
import type WebSocket from 'ws';
import { timestamp } from '../common/scalars';
import type { WakeChannel } from '../events/wake-channel';
import type { Logger } from '../logger';
import type { AuthUser } from './access';

/**
 * The graphql-ws close code for a socket whose sign-in ended (revoked, signed out, expired):
 * 4401 Unauthorized. graphql-ws clients treat it as fatal (they do not retry with the dead
 * credential): sign in again, then reconnect with `after` to resume. A token refused at connect
 * still closes with 4403 Forbidden, graphql-ws's own code for a refused connection_init.
 */
export const SESSION_ENDED_CLOSE_CODE = 4401;
/** Backstop for wake-ups lost while the LISTEN connection was down. */
const CHECK_EVERY_MS = 60_000;
// setTimeout's limit (~24.8 days); longer sessions re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Watched {
  socket: WebSocket;
  userId: string;
  sessionId: string | null;
  expiresAt: Date | null;
  connectedAt: Date;
  timer?: NodeJS.Timeout;
}

/** What ended: sessions by id, or every sign-in of some users. */
export interface EndedSignIns {
  sessionIds?: readonly string[];
  userIds?: readonly string[];
}

/**
 * Closes live sockets when the sign-in they were opened with ends, in every server process:
 * at the credential's expiry (a timer), at once when a session is revoked here or in another
 * process (a wake-up over PostgreSQL NOTIFY, like the session event bus), and on a periodic check
 * of the database in case a wake-up was lost.
 */
export class LiveSessions {
  private readonly watched = new Set<Watched>();
  private checkTimer?: NodeJS.Timeout;

  constructor(
    private readonly db: Knex,
    private readonly channel: WakeChannel,
    private readonly logger: Logger,
    private readonly checkEveryMs = CHECK_EVERY_MS,
  ) {}

  async start(): Promise<void> {
    await this.channel.start((ids) => {
      if (ids.length === 0) void this.check();
      else this.closeLocal(parse(ids));
    });
    this.checkTimer = setInterval(() => void this.check(), this.checkEveryMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.checkTimer);
    for (const watched of this.watched) clearTimeout(watched.timer);
    this.watched.clear();
    await this.channel.stop();
  }

  /** Watches a socket for as long as it is open. */
  watch(socket: WebSocket, user: AuthUser): void {
    const watched: Watched = { socket, userId: user.id, sessionId: user.sessionId ?? null, expiresAt: user.expiresAt ?? null, connectedAt: new Date() };
    this.watched.add(watched);
    this.arm(watched);
    socket.once('close', () => {
      clearTimeout(watched.timer);
      this.watched.delete(watched);
    });
  }

  /** Sign-ins ended (after the commit that ended them): close their sockets here, and tell the other processes. */
  ended(which: EndedSignIns): void {
    this.closeLocal(which);
    this.channel.publish([...(which.sessionIds ?? []).map((id) => `s:${id}`), ...(which.userIds ?? []).map((id) => `u:${id}`)]);
  }

  private arm(watched: Watched) {
    if (!watched.expiresAt) return;
    const left = watched.expiresAt.getTime() - Date.now();
    if (left <= 0) return this.close(watched, 'Your sign-in has expired');
    watched.timer = setTimeout(() => this.arm(watched), Math.min(left, MAX_TIMER_MS)).unref();
  }

  private closeLocal(which: EndedSignIns) {
    const sessions = new Set(which.sessionIds ?? []);
    const users = new Set(which.userIds ?? []);
    for (const watched of this.watched) {
      if ((watched.sessionId && sessions.has(watched.sessionId)) || users.has(watched.userId)) this.close(watched, 'Your sign-in was ended');
    }
  }

  private close(watched: Watched, reason: string) {
    clearTimeout(watched.timer);
    this.watched.delete(watched);
    watched.socket.close(SESSION_ENDED_CLOSE_CODE, `${reason}: sign in again`);
  }

  /** Sessions revoked or users whose sign-ins were all revoked, as the database says. */
  private async check(): Promise<void> {
    if (this.watched.size === 0) return;
    const sessionIds = [...new Set([...this.watched].flatMap((w) => (w.sessionId ? [w.sessionId] : [])))];
    const userIds = [...new Set([...this.watched].filter((w) => !w.sessionId).map((w) => w.userId))];
    try {
      const [sessions, users] = await Promise.all([
        // One array parameter each, however many sockets this process holds.
        sessionIds.length ? this.db('auth_session').whereRaw('id = any(?::uuid[])', [sessionIds]).whereNotNull('revoked_at').pluck('id') : [],
        userIds.length ? this.db('app_user').whereRaw('id = any(?::uuid[])', [userIds]).whereNotNull('credentials_revoked_at').select('id', 'credentials_revoked_at') : [],
      ]);
      const revokedSessions = new Set<string>(sessions);
      const revokedUsers = new Map<string, Date>(users.map((u: any) => [u.id, timestamp(u.credentials_revoked_at)]));
      for (const watched of this.watched) {
        const userRevokedAt = watched.sessionId ? undefined : revokedUsers.get(watched.userId);
        if ((watched.sessionId && revokedSessions.has(watched.sessionId)) || (userRevokedAt && userRevokedAt > watched.connectedAt)) {
          this.close(watched, 'Your sign-in was ended');
        }
      }
    } catch (error) {
      this.logger.error('Checking live sockets against ended sign-ins failed', error);
    }
  }
}

function parse(ids: string[]): EndedSignIns {
  return {
    sessionIds: ids.filter((id) => id.startsWith('s:')).map((id) => id.slice(2)),
    userIds: ids.filter((id) => id.startsWith('u:')).map((id) => id.slice(2)),
  };
}
