import { useEffect, useRef } from 'react';
import { useQuery, useSubscription } from 'urql';
import { WebMeetingDocument, WebSessionEventsDocument, type WebSessionEventsSubscription } from './generated/graphql';

export type SessionEvent = WebSessionEventsSubscription['sessionEvents'];

/**
 * The session's live events (resumed with `after` on every reconnect by client/live.ts, so the
 * list is every event in order) and the session re-read after each of them.
 */
export function useMeeting(sessionId: string) {
  const [events] = useSubscription({ query: WebSessionEventsDocument, variables: { sessionId } }, (previous: SessionEvent[] = [], data) =>
    previous.some((e) => e.eventId === data.sessionEvents.eventId) ? previous : [...previous, data.sessionEvents],
  );
  const [meeting, refetch] = useQuery({ query: WebMeetingDocument, variables: { id: sessionId } });
  const list = events.data ?? [];
  const seen = useRef(0);
  useEffect(() => {
    if (list.length === seen.current) return;
    seen.current = list.length;
    refetch({ requestPolicy: 'network-only' });
  }, [list.length, refetch]);
  return { events: list, meeting, refetch };
}
