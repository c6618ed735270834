import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { ReviewSession } from '../reviews/review-session.entity';

export enum SessionEventType {
  SESSION_OPENED = 'SESSION_OPENED',
  CURRENT_APPLICANT_CHANGED = 'CURRENT_APPLICANT_CHANGED',
  APPLICANT_UP_NEXT = 'APPLICANT_UP_NEXT',
  VOTE_CAST = 'VOTE_CAST',
  VOTE_CHANGED = 'VOTE_CHANGED',
  COMMENT_POSTED = 'COMMENT_POSTED',
  VOTING_CLOSED = 'VOTING_CLOSED',
  SCORES_REVEALED = 'SCORES_REVEALED',
  DECISION_RECORDED = 'DECISION_RECORDED',
  MEMBER_JOINED = 'MEMBER_JOINED',
  MEMBER_LEFT = 'MEMBER_LEFT',
  SESSION_CLOSED = 'SESSION_CLOSED',
  /** The office recorded evidence for a condition of an admission decided in the session. */
  CONDITION_RECORDED = 'CONDITION_RECORDED',
  /** Every condition of an admission decided in the session is met: the admission is final. */
  ADMISSION_FINAL = 'ADMISSION_FINAL',
  /** Sent to subscribers once per batch of votes on an applicant; derived, never stored. */
  TALLY_CHANGED = 'TALLY_CHANGED',
}

/**
 * Stored in the log like the others, never sent to a client: someone's right to follow the
 * session (a seat) or an applicant in it (no conflict of interest) was taken away. Subscribers
 * re-check their right on it in every process (reviews/live/audience.ts).
 */
export enum AccessEventType {
  ACCESS_CHANGED = 'ACCESS_CHANGED',
}

export type StoredEventType = SessionEventType | AccessEventType;

export const isAccessEvent = (type: StoredEventType): type is AccessEventType => type === AccessEventType.ACCESS_CHANGED;

/**
 * The session's event log: written in the same transaction as the change it describes, so a
 * rolled-back change is never announced and a committed one always is. Readers order events by
 * (xid, id) and read only transactions older than the oldest one still running (NOTES.md:
 * bigserial ids do not become visible in id order), which makes "everything after X" gapless.
 */
@Entity()
@Index({ name: 'session_event_feed_index', properties: ['session', 'xid', 'id'] })
export class SessionEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string & Opt;

  @ManyToOne(() => ReviewSession, { ref: true, deleteRule: 'cascade' })
  session: Ref<ReviewSession>;

  /** The writing transaction's id, assigned by PostgreSQL. */
  @Property({ type: 'string', columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  xid: string & Opt;

  @Enum({ items: [...Object.values(SessionEventType), ...Object.values(AccessEventType)] })
  type: StoredEventType;

  /** The applicant the event is about, if any: conflicted members receive nothing about them. */
  @Property({ type: 'uuid', nullable: true })
  applicantId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  /** Ids and versions only; subscribers re-read what they show. */
  @Property({ type: 'json', default: '{}' })
  data: Record<string, string | number | boolean | null> & Opt = {};

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date & Opt = new Date();
}
