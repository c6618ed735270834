import { inTransaction } from '../../common/transaction';
import type { Context } from '../../context';
import { SessionEventType } from '../../events/session-event.entity';

/**
 * Who has a session open, counted per process: a member's first subscription announces them,
 * their last one leaving announces that. Several tabs (or a reconnect) make no noise, and
 * thousands of subscriptions by a few users write a few events, not thousands.
 */
class Presence {
  private readonly counts = new Map<string, number>();

  async join(ctx: Context, sessionId: string, userId: string): Promise<() => Promise<void>> {
    const key = `${sessionId}/${userId}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count === 1) await this.announce(ctx, sessionId, SessionEventType.MEMBER_JOINED);
    let left = false;
    return async () => {
      if (left) return;
      left = true;
      const remaining = (this.counts.get(key) ?? 1) - 1;
      if (remaining > 0) {
        this.counts.set(key, remaining);
        return;
      }
      this.counts.delete(key);
      await this.announce(ctx, sessionId, SessionEventType.MEMBER_LEFT).catch(() => {
        // The server may be shutting down; presence is best effort, votes are not.
      });
    };
  }

  private announce(ctx: Context, sessionId: string, type: SessionEventType) {
    return inTransaction(ctx, async (_em, events) => events.record(sessionId, type));
  }
}

const perBus = new WeakMap<object, Presence>();

/** One count per server (its bus), so two servers in one test process do not share counts. */
export function presenceFor(ctx: Context): Presence {
  let presence = perBus.get(ctx.bus);
  if (!presence) {
    presence = new Presence();
    perBus.set(ctx.bus, presence);
  }
  return presence;
}
