import type { Knex } from '@mikro-orm/postgresql';
import type { AuthUser } from '../../auth/access';
import { UserRole } from '../../auth/user.entity';
import { SeatRole } from '../../committees/committee-member.entity';
import { effectiveConflicts } from '../../conflicts/conflict.queries';
import type { StoredEvent } from '../../events/event-feed';
import { isAccessEvent, SessionEventType } from '../../events/session-event.entity';
import { forbidden } from '../../common/errors';
import { conflictOfInterest } from '../../conflicts/policy';
import { CommentVisibility } from '../comment.entity';
import { mayReadComment, mayViewVotes } from '../policy';

/**
 * What decides who may see each event of one batch, read once per batch for every subscriber
 * of the session in this process (not once per subscriber): the seats, the conflicts with the
 * applicants the batch is about, who has voted on them, and which scores are revealed.
 */
export interface Audience {
  blind: boolean;
  seats: Map<string, SeatRole>;
  conflicted: Set<string>;
  voters: Set<string>;
  revealed: Set<string>;
}

const key = (userId: string, applicantId: string) => `${userId}/${applicantId}`;

export async function loadAudience(db: Knex, sessionId: string, events: StoredEvent[]): Promise<Audience> {
  const applicantIds = [...new Set(events.map((e) => e.applicantId).filter((id): id is string => id !== null))];
  const [session, seats, votes, items] = await Promise.all([
    db('review_session').where('id', sessionId).first('blind', 'committee_id'),
    db('committee_member as cm').join('review_session as s', 's.committee_id', 'cm.committee_id').where('s.id', sessionId).select('cm.user_id', 'cm.role'),
    applicantIds.length ? db('vote').where('session_id', sessionId).whereIn('applicant_id', applicantIds).select('member_id', 'applicant_id') : [],
    applicantIds.length ? db('agenda_item').where('session_id', sessionId).whereIn('applicant_id', applicantIds).select('applicant_id', 'scores_revealed') : [],
  ]);
  const seatMap = new Map<string, SeatRole>(seats.map((s: any) => [s.user_id, s.role]));
  const conflicts = applicantIds.length && seatMap.size ? await effectiveConflicts(db, { userIds: [...seatMap.keys()], applicantIds }) : [];
  return {
    blind: session?.blind ?? true,
    seats: seatMap,
    conflicted: new Set(conflicts.map((c) => key(c.userId, c.applicantId))),
    voters: new Set(votes.map((v: any) => key(v.member_id, v.applicant_id))),
    revealed: new Set(items.filter((i: any) => i.scores_revealed).map((i: any) => i.applicant_id)),
  };
}

/** An event of the log that clients receive (not an access change). */
export type ShownEvent = StoredEvent & { type: SessionEventType };

export interface ViewerEvent {
  event: ShownEvent;
  /** May this viewer see the votes (and tally) on the event's applicant? */
  votesVisible: boolean;
  viewerId: string;
}

/** The events of a batch this viewer may receive, each with what it may see of it. */
export function eventsFor(viewer: AuthUser, audience: Audience, events: StoredEvent[]): ViewerEvent[] {
  const officer = viewer.role === UserRole.OFFICER;
  const seat = audience.seats.get(viewer.id);
  if (!officer && !seat) return [];
  const visible: ViewerEvent[] = [];
  for (const event of events) {
    if (!isShown(event)) continue;
    const applicantId = event.applicantId;
    const conflicted = applicantId !== null && audience.conflicted.has(key(viewer.id, applicantId));
    if (!officer && conflicted) continue;
    if (
      event.type === SessionEventType.COMMENT_POSTED &&
      !mayReadComment(viewer, { seat, conflicted }, { authorId: String(event.data.authorId), visibility: event.data.visibility as CommentVisibility })
    ) {
      continue;
    }
    const votesVisible =
      applicantId !== null &&
      mayViewVotes({
        isOfficer: officer,
        sitsOnSession: seat !== undefined,
        conflicted,
        blind: audience.blind,
        revealed: audience.revealed.has(applicantId),
        hasVoted: audience.voters.has(key(viewer.id, applicantId)),
      });
    visible.push({ event, votesVisible, viewerId: viewer.id });
  }
  return visible;
}

const isShown = (event: StoredEvent): event is ShownEvent => !isAccessEvent(event.type);

/**
 * Whether a live subscription to the session may go on, asked again on every batch (an access
 * change in the log makes one at once): a member whose seat was taken away is refused, as
 * subscribing would now be. Officers follow every session.
 */
export function sessionRefusal(viewer: AuthUser, audience: Audience): Error | null {
  if (viewer.role === UserRole.OFFICER || audience.seats.has(viewer.id)) return null;
  return forbidden('You no longer sit on the committee of this session.');
}

/** The same for a subscription about one applicant: a conflict of interest declared or detected since ends it too. */
export function applicantRefusal(viewer: AuthUser, audience: Audience, applicantId: string): Error | null {
  const refusal = sessionRefusal(viewer, audience);
  if (refusal || viewer.role === UserRole.OFFICER) return refusal;
  return audience.conflicted.has(key(viewer.id, applicantId)) ? conflictOfInterest(null) : null;
}
