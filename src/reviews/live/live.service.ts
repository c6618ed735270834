import type { AuthUser } from '../../auth/access';
import { UserRole } from '../../auth/user.entity';
import { badInput, unauthenticated } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import type { Context } from '../../context';
import { AsyncQueue } from '../../events/async-queue';
import { Cursor, decodeEventId, derivedEventId, StoredEvent } from '../../events/event-feed';
import { SessionEventType, StoredEventType } from '../../events/session-event.entity';
import { createLoaders, Loaders } from '../../loaders';
import { Access } from '../../auth/access';
import { getSession } from '../review-session.service';
import type { TallyNode } from '../review.type';
import { applicantRefusal, Audience, eventsFor, loadAudience, sessionRefusal, ViewerEvent } from './audience';
import type { LiveRefusal } from './live-fanout';
import { presenceFor } from './presence';
import { LiveEvent, liveEventClass } from './session-event.type';

const VOTE_TYPES = new Set<StoredEventType>([SessionEventType.VOTE_CAST, SessionEventType.VOTE_CHANGED]);
const TALLY_TYPES = new Set<StoredEventType>([...VOTE_TYPES, SessionEventType.SCORES_REVEALED, SessionEventType.VOTING_CLOSED]);

interface Batch {
  audience: Promise<Audience>;
  loaders: Loaders;
}

/**
 * Every live subscriber of a session in this process receives the same event objects from the
 * bus; the audience and the loaders are made once per batch and shared. A batch is known by its
 * first and last event, so a catch-up slice never borrows an audience read for fewer events.
 */
const batches = new WeakMap<StoredEvent, { first: StoredEvent; batch: Batch }>();

function batchFor(ctx: Context, sessionId: string, events: StoredEvent[]): Batch {
  const first = events[0];
  const last = events[events.length - 1];
  const known = batches.get(last);
  if (known && known.first === first) return known.batch;
  const batch = { audience: loadAudience(ctx.db, sessionId, events), loaders: createLoaders(ctx.db) };
  batches.set(last, { first, batch });
  return batch;
}

function toLiveEvent(seen: ViewerEvent, loaders: Loaders, type = seen.event.type, eventId = seen.event.eventId): LiveEvent {
  const { event } = seen;
  return Object.assign(new (liveEventClass(type))(), {
    eventId,
    type,
    occurredAt: event.occurredAt,
    sessionId: event.sessionId,
    applicantId: event.applicantId,
    actorId: event.actorId,
    data: event.data,
    votesVisible: seen.votesVisible,
    viewerId: seen.viewerId,
    loaders,
  });
}

/** The viewer's events of one batch, with a tally event after the last vote on each applicant. */
function liveEventsFor(viewer: AuthUser, events: StoredEvent[], audience: Audience, loaders: Loaders): LiveEvent[] {
  const seen = eventsFor(viewer, audience, events);
  const lastVote = new Map<string, number>();
  seen.forEach((s, index) => {
    if (VOTE_TYPES.has(s.event.type) && s.event.applicantId) lastVote.set(s.event.applicantId, index);
  });
  const out: LiveEvent[] = [];
  seen.forEach((s, index) => {
    out.push(toLiveEvent(s, loaders));
    if (s.event.applicantId && lastVote.get(s.event.applicantId) === index) {
      out.push(toLiveEvent(s, loaders, SessionEventType.TALLY_CHANGED, derivedEventId(s.event.cursor, 'tally')));
    }
  });
  return out;
}

function parseAfter(after: string | null | undefined): Cursor | null {
  if (!after) return null;
  const cursor = decodeEventId(after);
  if (!cursor) throw badInput('after', `"${after}" is not an event id from this server.`);
  return cursor;
}

/**
 * Feeds one subscription: subscribes to the session's bus feed, keeps batches in order while
 * their audience loads, and unsubscribes (and updates presence) when the client goes away.
 */
async function follow<T>(
  ctx: Context,
  sessionIds: string[],
  after: Cursor | null,
  shape: (viewer: AuthUser, events: StoredEvent[], audience: Audience, loaders: Loaders) => T[],
  refuse: LiveRefusal,
  onClose: () => void = () => {},
): Promise<AsyncQueue<T>> {
  const viewer = ctx.user;
  if (!viewer) throw unauthenticated();
  const unsubscribes: (() => void)[] = [];
  const loadersOf = new Map<T, Loaders>();
  const queue = new AsyncQueue<T>(
    () => {
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      onClose();
    },
    // graphql-ws keeps one context for the whole subscription; every event is executed with
    // fresh rules (seats, conflicts, votes) and its batch's fresh loaders instead, so nested
    // fields never answer from a stale cache (a conflict declared mid-meeting applies at once).
    (item) => {
      ctx.loaders = loadersOf.get(item) ?? createLoaders(ctx.db);
      ctx.access = new Access(ctx.db, viewer);
      loadersOf.delete(item);
    },
  );
  let chain = Promise.resolve();
  try {
    for (const sessionId of sessionIds) {
      unsubscribes.push(
        await ctx.bus.subscribe(sessionId, after, (events) => {
          const batch = batchFor(ctx, sessionId, events);
          chain = chain
            .then(async () => {
              const audience = await batch.audience;
              const refusal = refuse(viewer, audience);
              if (refusal) return queue.fail(refusal);
              for (const item of shape(viewer, events, audience, batch.loaders)) {
                loadersOf.set(item, batch.loaders);
                queue.push(item);
              }
            })
            .catch((error) => queue.fail(error));
        }),
      );
    }
  } catch (error) {
    await queue.return();
    throw error;
  }
  return queue;
}

export async function sessionEvents(ctx: Context, sessionGlobalId: string, after?: string | null): Promise<AsyncIterable<LiveEvent>> {
  if (!ctx.user) throw unauthenticated();
  const session = await getSession(ctx, sessionGlobalId, 'sessionId');
  const cursor = parseAfter(after);
  // Officers look in without announcing themselves; members' presence is part of the meeting.
  const leave = ctx.user.role === UserRole.COMMITTEE_MEMBER ? await presenceFor(ctx).join(ctx, session.dbId, ctx.user.id) : null;
  const onClose = () => void leave?.();
  try {
    if (ctx.delivery) return await ctx.fanout.subscribe(ctx, session.dbId, cursor, liveEventsFor, sessionRefusal, onClose);
    return await follow(ctx, [session.dbId], cursor, liveEventsFor, sessionRefusal, onClose);
  } catch (error) {
    onClose();
    throw error;
  }
}

/** The live tally of one applicant: the current one first, then after every batch that moves it. */
export async function applicantTally(ctx: Context, sessionGlobalId: string, applicantGlobalId: string): Promise<AsyncIterable<TallyNode | null>> {
  if (!ctx.user) throw unauthenticated();
  const session = await getSession(ctx, sessionGlobalId, 'sessionId');
  const applicantId = fromGlobalId('Applicant', applicantGlobalId, 'applicantId');
  const items = await ctx.loaders.agendaBySession.load(session.dbId);
  const item = items.find((i) => i.applicantId === applicantId);
  if (!item) throw badInput('applicantId', 'The applicant is not on the agenda of this session.');

  const current = async (loaders: Loaders, audience: Audience) => {
    const visible = eventsFor(ctx.user!, audience, [probe(session.dbId, applicantId)])[0]?.votesVisible ?? false;
    return visible ? loaders.tally.load(item.dbId) : null;
  };
  const queue = await follow(
    ctx,
    [session.dbId],
    null,
    (_viewer, events, audience, loaders) => (events.some((e) => e.applicantId === applicantId && TALLY_TYPES.has(e.type)) ? [current(loaders, audience)] : []),
    (viewer, audience) => applicantRefusal(viewer, audience, applicantId),
  );
  const results = new AsyncQueue<TallyNode | null>(() => void queue.return());
  try {
    results.push(await current(createLoaders(ctx.db), await loadAudience(ctx.db, session.dbId, [probe(session.dbId, applicantId)])));
  } catch (error) {
    await queue.return();
    throw error;
  }
  void (async () => {
    for await (const tally of queue) results.push(await tally);
  })().catch((error) => results.fail(error));
  return results;
}

/**
 * Tells a member when an applicant they must review is next, across every session they sit on.
 * Event ids are ordered across sessions, so one `after` resumes every session's feed.
 */
export async function reviewerNotifications(ctx: Context, after?: string | null): Promise<AsyncIterable<LiveEvent>> {
  if (!ctx.user) throw unauthenticated();
  const sessionIds = [...(await ctx.access.seats()).keys()];
  // Across sessions: losing one seat does not end it (that session's notices stop, eventsFor).
  return follow(
    ctx,
    sessionIds,
    parseAfter(after),
    (viewer, events, audience, loaders) => liveEventsFor(viewer, events.filter((e) => e.type === SessionEventType.APPLICANT_UP_NEXT), audience, loaders),
    () => null,
  );
}

/** A stand-in event about one applicant, to ask the audience rules about it. */
function probe(sessionId: string, applicantId: string): StoredEvent {
  return {
    cursor: { xid: 0n, id: 0n },
    eventId: '',
    sessionId,
    type: SessionEventType.TALLY_CHANGED,
    applicantId,
    actorId: null,
    data: {},
    occurredAt: new Date(),
  };
}
