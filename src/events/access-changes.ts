import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventRecorder } from './event-recorder';
import { AccessEventType } from './session-event.entity';

/**
 * When a writer takes a right to see away — a seat, or an applicant through a conflict of
 * interest — it records ACCESS_CHANGED, in its own transaction, in the log of every session
 * still running or to come that the change touches. Every process's live subscribers of those
 * sessions get a batch at once and re-check their right on it (reviews/live/audience.ts); the
 * ones refused are ended with the refusal. Closed sessions have no live meeting to end.
 */
export async function announceSeatRemoved(em: EntityManager, events: EventRecorder, committeeId: string, userId: string): Promise<void> {
  const sessions: { id: string }[] = await em.execute(`select id from review_session where committee_id = ? and status <> 'CLOSED'`, [committeeId]);
  for (const { id } of sessions) events.record(id, AccessEventType.ACCESS_CHANGED, { data: { userId, change: 'SEAT_REMOVED' } });
}

/** A conflict of interest that may now exist with the applicant: the sessions with them on the agenda are told. */
export async function announceApplicantAccessChanged(em: EntityManager, events: EventRecorder, applicantId: string): Promise<void> {
  const sessions: { id: string }[] = await em.execute(
    `select s.id from review_session s join agenda_item ai on ai.session_id = s.id where ai.applicant_id = ? and s.status <> 'CLOSED'`,
    [applicantId],
  );
  for (const { id } of sessions) events.record(id, AccessEventType.ACCESS_CHANGED, { applicantId, data: { change: 'CONFLICT' } });
}
