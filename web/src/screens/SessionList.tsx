import { useQuery } from 'urql';
import type { Viewer } from '../auth';
import { WebSessionsDocument } from '../generated/graphql';
import { keyOf, useT } from '../i18n';

export function SessionList({ viewer }: { viewer: Viewer }) {
  const t = useT();
  const [{ data, error }] = useQuery({ query: WebSessionsDocument });
  if (error) return <p className="error">{error.message}</p>;
  if (!data) return <p>{t('loading')}</p>;
  const sessions = data.reviewSessions.nodes;
  return (
    <section>
      <h2>{t('sessions')}</h2>
      {sessions.length === 0 && <p>{t('noSessions')}</p>}
      <ul data-testid="sessions">
        {sessions.map((s) => {
          const chairs = viewer.role === 'OFFICER' || s.committee.members.some((m) => m.role === 'CHAIR' && m.user.id === viewer.id);
          return (
            <li key={s.id}>
              <strong>{s.title}</strong> — {s.committee.name} · {t(keyOf('status', s.status))}
              {s.blind && ` · ${t('blindMode')}`}{' '}
              {chairs ? <a href={`#/console/${s.id}`}>{t('openConsole')}</a> : <a href={`#/meeting/${s.id}`}>{t('openMeeting')}</a>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
