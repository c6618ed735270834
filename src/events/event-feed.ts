import type { Knex } from '@mikro-orm/postgresql';
import { timestamp } from '../common/scalars';
import { StoredEventType } from './session-event.entity';

/** A position in a session's log: events are ordered by (transaction id, id). */
export interface Cursor {
  xid: bigint;
  id: bigint;
}

export interface StoredEvent {
  cursor: Cursor;
  /** Opaque to clients: pass it back as `after` to resume. */
  eventId: string;
  sessionId: string;
  type: StoredEventType;
  applicantId: string | null;
  actorId: string | null;
  data: Record<string, string | number | boolean | null>;
  occurredAt: Date;
}

export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.xid !== b.xid) return a.xid < b.xid ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function encodeEventId(cursor: Cursor): string {
  return Buffer.from(`${cursor.xid}:${cursor.id}`).toString('base64url');
}

/**
 * The id of a frame derived from a logged event (the tally after a vote): its own identity, so a
 * client that de-duplicates by `eventId` keeps both, yet a valid `after` — the derived frame comes
 * right after its event, so resuming after either resumes after the event.
 */
export function derivedEventId(cursor: Cursor, kind: 'tally'): string {
  return Buffer.from(`${cursor.xid}:${cursor.id}:${kind}`).toString('base64url');
}

/** Null when the text is not an event id this server issued (an event's, or a derived frame's). */
export function decodeEventId(eventId: string): Cursor | null {
  const match = /^(\d{1,20}):(\d{1,20})(?::tally)?$/.exec(Buffer.from(eventId, 'base64url').toString('utf8'));
  return match ? { xid: BigInt(match[1]), id: BigInt(match[2]) } : null;
}

export const ORIGIN: Cursor = { xid: 0n, id: 0n };

function toStored(row: any): StoredEvent {
  const cursor = { xid: BigInt(row.xid), id: BigInt(row.id) };
  return {
    cursor,
    eventId: encodeEventId(cursor),
    sessionId: row.session_id,
    type: row.type,
    applicantId: row.applicant_id,
    actorId: row.actor_id,
    data: row.data,
    occurredAt: timestamp(row.occurred_at),
  };
}

/**
 * The oldest transaction id that may still commit an event of this database: the statement's
 * snapshot (`pg_current_snapshot()` is the one the statement reads the log with) minus the
 * transactions seen running in other databases of the same server, which can never write here.
 * Without that, one long transaction anywhere on a shared PostgreSQL (a migration, a bulk load,
 * CREATE DATABASE) held back every live event until it ended. A transaction that ended between
 * the snapshot and this look-up is not found running and so still counts: it may be ours.
 */
const DELIVERABLE_BEFORE = `(
  select coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot()))
    from pg_snapshot_xip(pg_current_snapshot()) x
   where (x::text::bigint % 4294967296) not in (
           select a.backend_xid::text::bigint from pg_stat_activity a
            where a.backend_xid is not null and a.datid is distinct from (select oid from pg_database where datname = current_database())))`;

/**
 * Events of a session after `after` (exclusive) and at most `upTo` (inclusive), in log order.
 * Only transactions older than every transaction of this database still running are read, so
 * nothing can later appear before what was returned. `heldBack`: committed events wait behind a
 * running transaction; `more`: the limit cut the answer short.
 */
export async function readEvents(
  db: Knex,
  sessionId: string,
  after: Cursor,
  options: { upTo?: Cursor; limit?: number } = {},
): Promise<{ events: StoredEvent[]; heldBack: boolean; more: boolean }> {
  const limit = options.limit ?? 500;
  const { rows } = await db.raw(
    `select e.id, e.xid::text as xid, e.session_id, e.type, e.applicant_id, e.actor_id, e.data, e.occurred_at,
            e.xid < before.xid as deliverable
       from session_event e, ${DELIVERABLE_BEFORE} as before(xid)
      where e.session_id = ?
        and (e.xid, e.id) > (?::text::xid8, ?::bigint)
        and (?::text is null or (e.xid, e.id) <= (?::text::xid8, ?::bigint))
      order by e.xid, e.id
      limit ?`,
    [
      sessionId,
      after.xid.toString(),
      after.id.toString(),
      options.upTo ? 'bounded' : null,
      (options.upTo ?? ORIGIN).xid.toString(),
      (options.upTo ?? ORIGIN).id.toString(),
      limit + 1,
    ],
  );
  const deliverable: StoredEvent[] = [];
  let heldBack = false;
  for (const row of rows.slice(0, limit)) {
    if (!row.deliverable) {
      heldBack = true;
      break;
    }
    deliverable.push(toStored(row));
  }
  return { events: deliverable, heldBack, more: !heldBack && rows.length > limit };
}

/** Where the log of a session ends now, as far as it can be read without gaps. */
export async function headOf(db: Knex, sessionId: string): Promise<Cursor> {
  const { rows } = await db.raw(
    `select e.xid::text as xid, e.id
       from session_event e, ${DELIVERABLE_BEFORE} as before(xid)
      where e.session_id = ? and e.xid < before.xid
      order by e.xid desc, e.id desc limit 1`,
    [sessionId],
  );
  return rows.length ? { xid: BigInt(rows[0].xid), id: BigInt(rows[0].id) } : ORIGIN;
}
