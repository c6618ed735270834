import type { SessionEvent } from '../live';
import { keyOf, useT } from '../i18n';

/** What happened in the session, as received live: every event the viewer may see, in order. */
export function EventFeed({ events }: { events: SessionEvent[] }) {
  const t = useT();
  const shown = events.filter((e) => e.type !== 'TALLY_CHANGED');
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">{t('events')}</h2>
      {shown.length === 0 && <p>{t('noEvents')}</p>}
      <ol className="events" data-testid="events" aria-live="polite">
        {shown.map((e) => (
          <li key={e.eventId} data-event-id={e.eventId} data-type={e.type} data-applicant-id={e.applicant?.id ?? ""}>
            {t(keyOf('ev', e.type), { actor: e.actor?.name ?? t('someone') })}
          </li>
        ))}
      </ol>
    </section>
  );
}
