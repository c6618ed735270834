import type { EntityManager } from '@mikro-orm/postgresql';
import { SessionEvent, StoredEventType } from './session-event.entity';

/**
 * Writes session events inside the mutation's transaction and remembers which sessions they
 * touched, so the bus is woken for exactly those sessions once the transaction has committed.
 */
export class EventRecorder {
  readonly sessionIds = new Set<string>();

  constructor(
    private readonly em: EntityManager,
    private readonly actorId: string | null,
  ) {}

  record(sessionId: string, type: StoredEventType, about: { applicantId?: string | null; data?: SessionEvent['data'] } = {}) {
    this.em.create(SessionEvent, {
      session: sessionId,
      type,
      applicantId: about.applicantId ?? null,
      actorId: this.actorId,
      data: about.data ?? {},
    });
    this.sessionIds.add(sessionId);
  }
}
