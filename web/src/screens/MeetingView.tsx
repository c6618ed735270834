import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import type { Viewer } from '../auth';
import { Dossier, Rubric } from '../components/Dossier';
import { EventFeed } from '../components/EventFeed';
import { TallyChart } from '../components/TallyChart';
import { VoteForm } from '../components/VoteForm';
import { WebAgendaItemDocument, WebDossierDocument } from '../generated/graphql';
import { keyOf, useT } from '../i18n';
import { useMeeting } from '../live';

/** A member's meeting: the current applicant (pushed live), the file, the rubric, the vote, the tally. */
export function MeetingView({ sessionId, viewer }: { sessionId: string; viewer: Viewer }) {
  const t = useT();
  const { events, meeting } = useMeeting(sessionId);
  const session = meeting.data?.reviewSession;
  const current = session?.currentItem ?? null;
  // undefined until the session has loaded: the applicant up when the view opens is not news.
  useUpNextAlert(!session ? undefined : current && !current.conflictOfInterest ? current.applicant.id : null);
  if (meeting.error) return <p className="error">{meeting.error.message}</p>;
  if (!session) return <p>{t('loading')}</p>;
  return (
    <>
      <h2 data-testid="session-title">
        {session.title} · {t(keyOf('status', session.status))} {session.blind && `· ${t('blindMode')}`}
      </h2>
      <p>
        <a href="#/">{t('back')}</a> <NotifyToggle />
      </p>
      {!current ? (
        <p className="notice" data-testid="waiting">
          {t('waitingForChair')}
        </p>
      ) : current.conflictOfInterest ? (
        // Nothing of the applicant: no name, file, tally, comments or events about them.
        <p role="alert" className="notice" data-testid="conflict">
          {t('conflict')}
        </p>
      ) : (
        <CurrentApplicant key={current.applicant.id} sessionId={sessionId} applicantId={current.applicant.id} viewer={viewer} eventCount={events.length} blind={session.blind} />
      )}
      <EventFeed events={events} />
    </>
  );
}

function CurrentApplicant(props: { sessionId: string; applicantId: string; viewer: Viewer; eventCount: number; blind: boolean }) {
  const t = useT();
  const [dossier, refetchDossier] = useQuery({ query: WebDossierDocument, variables: { applicantId: props.applicantId, sessionId: props.sessionId } });
  const [item, refetchItem] = useQuery({ query: WebAgendaItemDocument, variables: { sessionId: props.sessionId } });
  useEffect(() => {
    refetchItem({ requestPolicy: 'network-only' });
    refetchDossier({ requestPolicy: 'network-only' });
  }, [props.eventCount, refetchItem, refetchDossier]);
  const applicant = dossier.data?.applicant;
  const current = item.data?.reviewSession.currentItem;
  if (dossier.error) return <p className="error">{dossier.error.message}</p>;
  if (!applicant || !current) return <p>{t('loading')}</p>;
  const ownVote = applicant.votes.find((v) => v.member.id === props.viewer.id);
  const decision = current.applicant.decision;
  return (
    <div className="grid" data-testid="current-applicant" data-applicant-id={applicant.id}>
      <div>
        <p data-testid="voting-status">{t(keyOf('voting', current.votingStatus))}</p>
        {decision && (
          <p className="notice" data-testid="decision">
            {t('decided', { outcome: t(keyOf('out', decision.outcome)) })}
            {decision.conditions.length > 0 && `: ${decision.conditions.map((c) => t(keyOf('cond', c))).join(', ')}`}
          </p>
        )}
        <Dossier applicant={applicant} />
        <Rubric rubric={applicant.program.rubric} />
      </div>
      <div>
        <VoteForm
          sessionId={props.sessionId}
          applicant={applicant}
          ownVote={ownVote}
          open={current.votingStatus === 'OPEN'}
          onSaved={() => {
            refetchDossier({ requestPolicy: 'network-only' });
            refetchItem({ requestPolicy: 'network-only' });
          }}
        />
        <TallyChart tally={current.tally} hidden={props.blind && !current.scoresRevealed} />
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">{t('comments')}</h2>
          {current.comments.length === 0 ? (
            <p>{t('noComments')}</p>
          ) : (
            <ul>
              {current.comments.map((c) => (
                <li key={c.id}>
                  {c.body} <small>({t(keyOf('vis', c.visibility))})</small>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

const notifications = typeof Notification === 'undefined' ? null : Notification;

/** Asks for the browser's permission to notify, once the member wants it (browsers refuse an unasked prompt). */
function NotifyToggle() {
  const t = useT();
  const [permission, setPermission] = useState(notifications?.permission ?? 'denied');
  if (!notifications) return null;
  if (permission === 'granted') return <span data-testid="notifications">{t('notificationsOn')}</span>;
  if (permission === 'denied') return <span data-testid="notifications">{t('notificationsBlocked')}</span>;
  return (
    <button data-testid="notify-me" onClick={() => void notifications.requestPermission().then(setPermission)}>
      {t('notifyMe')}
    </button>
  );
}

/**
 * "Your applicant is up" while the tab is in the background: in the tab's title, and as a system
 * notification when the member allowed them. Not for the applicant already up when the view
 * opened, nor for one the member is conflicted with (the caller passes null then).
 */
function useUpNextAlert(applicantId: string | null | undefined) {
  const t = useT();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = applicantId === undefined;
      return;
    }
    if (!applicantId || !document.hidden) return;
    if (notifications?.permission === 'granted') new notifications(t('upNextTitle'), { body: t('upNextBody'), tag: 'conclave-up-next' });
    const title = document.title;
    document.title = `${t('upNextTitle')} – ${title}`;
    const restore = () => {
      if (!document.hidden) document.title = title;
    };
    document.addEventListener('visibilitychange', restore);
    return () => document.removeEventListener('visibilitychange', restore);
  }, [applicantId, t]);
}
