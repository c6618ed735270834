import { useEffect, useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import type { Viewer } from '../auth';
import { EventFeed } from '../components/EventFeed';
import { TallyChart } from '../components/TallyChart';
import {
  WebAgendaItemDocument,
  WebCloseSessionDocument,
  WebCloseVotingDocument,
  WebDecisionDraftDocument,
  WebOpenSessionDocument,
  WebRecordDecisionDocument,
  WebRevealDocument,
  WebSetCurrentDocument,
  type AdmissionCondition,
  type DecisionOutcome,
  type RejectionReason,
} from '../generated/graphql';
import { errorMessage } from '../api';
import { keyOf, useT } from '../i18n';
import { useMeeting } from '../live';

/** The chair runs the meeting: agenda and states, presence, every step, the decision with its conditions. */
export function ChairConsole({ sessionId }: { sessionId: string; viewer: Viewer }) {
  const t = useT();
  const { events, meeting, refetch } = useMeeting(sessionId);
  const [error, setError] = useState<string | null>(null);
  const [, openSession] = useMutation(WebOpenSessionDocument);
  const [, setCurrent] = useMutation(WebSetCurrentDocument);
  const [, closeVoting] = useMutation(WebCloseVotingDocument);
  const [, reveal] = useMutation(WebRevealDocument);
  const [, closeSession] = useMutation(WebCloseSessionDocument);
  const [item, refetchItem] = useQuery({ query: WebAgendaItemDocument, variables: { sessionId } });
  useEffect(() => refetchItem({ requestPolicy: 'network-only' }), [events.length, refetchItem]);
  const session = meeting.data?.reviewSession;
  // Re-read after every event (MEMBER_JOINED / MEMBER_LEFT among them), so it follows the room.
  const presence = session?.present.map((member) => member.name) ?? [];
  if (meeting.error) return <p className="error">{meeting.error.message}</p>;
  if (!session) return <p>{t('loading')}</p>;
  const current = item.data?.reviewSession.currentItem ?? null;
  const currentApplicant = current?.applicant.id;
  async function step(run: Promise<{ error?: CombinedError }>) {
    const result = await run;
    setError(result.error ? t('refused', { message: errorMessage(result.error) }) : null);
    refetch({ requestPolicy: 'network-only' });
    refetchItem({ requestPolicy: 'network-only' });
  }
  const onCurrent = (run: (v: { sessionId: string; applicantId: string }) => Promise<{ error?: CombinedError }>) => () =>
    currentApplicant && void step(run({ sessionId, applicantId: currentApplicant }));
  return (
    <>
      <h2 data-testid="session-title">
        {t('console')}: {session.title} · <span data-testid="session-status">{t(keyOf('status', session.status))}</span> {session.blind && `· ${t('blindMode')}`}
      </h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="toolbar" aria-label={t('console')}>
        {session.status === 'SCHEDULED' && (
          <button className="primary" data-testid="open-session" onClick={() => void step(openSession({ id: sessionId }))}>
            {t('openSession')}
          </button>
        )}{' '}
        {current?.votingStatus === 'OPEN' && (
          <button data-testid="close-voting" onClick={onCurrent(closeVoting)}>
            {t('closeVoting')}
          </button>
        )}{' '}
        {session.blind && current && !current.scoresRevealed && (
          <button data-testid="reveal" onClick={onCurrent(reveal)}>
            {t('reveal')}
          </button>
        )}{' '}
        {session.status === 'OPEN' && (
          <button data-testid="close-session" onClick={() => void step(closeSession({ id: sessionId }))}>
            {t('closeSession')}
          </button>
        )}
      </p>
      <div className="grid">
        <div>
          <section aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t('agenda')}</h2>
            <table data-testid="agenda">
              <thead>
                <tr>
                  <th scope="col">{t('position')}</th>
                  <th scope="col">{t('applicant')}</th>
                  <th scope="col">{t('state')}</th>
                  <th scope="col">{t('decision')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('setCurrent')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {session.agenda.map((a) => {
                  const isCurrent = a.id === session.currentItem?.id;
                  return (
                    <tr key={a.id} className={isCurrent ? 'current' : undefined} data-applicant-id={a.applicant.id} data-voting={a.votingStatus}>
                      <td>{a.position + 1}</td>
                      <td>{a.applicant.fullName}</td>
                      <td>{t(keyOf('voting', a.votingStatus))}</td>
                      <td data-testid="agenda-decision">{a.applicant.decision ? t(keyOf('out', a.applicant.decision.outcome)) : '–'}</td>
                      <td>
                        {isCurrent ? (
                          <strong>{t('isCurrent')}</strong>
                        ) : (
                          <button
                            disabled={session.status !== 'OPEN'}
                            aria-label={`${t('setCurrent')}: ${a.applicant.fullName}`}
                            onClick={() => void step(setCurrent({ sessionId, applicantId: a.applicant.id }))}
                          >
                            {t('setCurrent')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          {current && current.votingStatus === 'CLOSED' && !current.applicant.decision && (
            <DecisionPanel key={current.applicant.id} sessionId={sessionId} applicantId={current.applicant.id} onRecorded={() => step(Promise.resolve({}))} />
          )}
          {current?.applicant.decision && (
            <p className="notice" data-testid="decision">
              {t('decided', { outcome: t(keyOf('out', current.applicant.decision.outcome)) })}
            </p>
          )}
        </div>
        <div>
          <section aria-labelledby="presence-title">
            <h2 id="presence-title">{t('presence')}</h2>
            {presence.length === 0 ? <p>{t('nobody')}</p> : <ul data-testid="presence">{presence.map((name) => <li key={name}>{name}</li>)}</ul>}
          </section>
          {current && <TallyChart tally={current.tally} hidden={session.blind && !current.scoresRevealed} />}
          <EventFeed events={events} />
        </div>
      </div>
    </>
  );
}

/** The decision draft: each outcome open or not and why, its required conditions (fixed), optional ones, a scholarship. */
function DecisionPanel(props: { sessionId: string; applicantId: string; onRecorded(): void }) {
  const t = useT();
  const [draft] = useQuery({ query: WebDecisionDraftDocument, variables: { sessionId: props.sessionId, applicantId: props.applicantId } });
  const options = draft.data?.decisionDraft.options ?? [];
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const option = options.find((o) => o.outcome === outcome) ?? options.find((o) => o.allowed);
  const [conditions, setConditions] = useState<AdmissionCondition[] | null>(null);
  const [rejectionReason, setRejectionReason] = useState<RejectionReason | ''>('');
  const [scholarship, setScholarship] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [, record] = useMutation(WebRecordDecisionDocument);
  if (draft.error) return <p className="error">{draft.error.message}</p>;
  if (!option) return <p>{t('loading')}</p>;
  const chosen = conditions ?? option.proposedConditions;
  const admits = option.outcome === 'ADMIT' || option.outcome === 'ADMIT_AS_TRANSFER';
  const requiredSingle = new Set(option.requiredConditions.filter((r) => r.anyOf.length === 1).map((r) => r.anyOf[0]));
  const choosable = [...new Set([...option.requiredConditions.flatMap((r) => (r.anyOf.length > 1 ? r.anyOf : [])), ...option.optionalConditions])];
  const toggle = (c: AdmissionCondition) => setConditions(chosen.includes(c) ? chosen.filter((x) => x !== c) : [...chosen, c]);
  async function submit() {
    const result = await record({
      input: {
        sessionId: props.sessionId,
        applicantId: props.applicantId,
        outcome: option!.outcome,
        conditions: admits ? chosen : undefined,
        rejectionReason: option!.outcome === 'REJECT' ? rejectionReason || option!.rejectionReasons[0] : undefined,
        scholarshipPercent: admits && scholarship !== '' ? Number(scholarship) : undefined,
        reason: reason || undefined,
      },
    });
    if (result.error) setError(t('refused', { message: errorMessage(result.error) }));
    else props.onRecorded();
  }
  return (
    <section aria-labelledby="draft-title" data-testid="decision-draft">
      <h2 id="draft-title">{t('draft')}</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <fieldset>
        <legend>{t('outcome')}</legend>
        {options.map((o) => (
          <label key={o.outcome} className="field">
            <input
              type="radio"
              name="outcome"
              value={o.outcome}
              disabled={!o.allowed}
              checked={option.outcome === o.outcome}
              onChange={() => {
                setOutcome(o.outcome);
                setConditions(null);
              }}
            />{' '}
            {t(keyOf('out', o.outcome))}
            {!o.allowed && ` (${t('notAllowed', { why: o.problems.map((p) => p.message).join('; ') })})`}
          </label>
        ))}
      </fieldset>
      {admits && (
        <>
          <h3>{t('requiredConditions')}</h3>
          <ul data-testid="required-conditions">
            {option.requiredConditions.map((r) => (
              <li key={r.anyOf.join()} data-conditions={r.anyOf.join(' ')}>
                {r.anyOf.length === 1 ? t(keyOf('cond', r.anyOf[0])) : t('anyOf', { list: r.anyOf.map((c) => t(keyOf('cond', c))).join(', ') })} — {r.reason}
              </li>
            ))}
          </ul>
          <fieldset>
            <legend>{t('conditionsTitle')}</legend>
            {[...requiredSingle].map((c) => (
              <label key={c} className="field">
                <input type="checkbox" checked disabled /> {t(keyOf('cond', c))}
              </label>
            ))}
            {choosable.map((c) => (
              <label key={c} className="field">
                <input type="checkbox" checked={chosen.includes(c)} onChange={() => toggle(c)} /> {t(keyOf('cond', c))}
              </label>
            ))}
          </fieldset>
          <label className="field">
            {t('scholarshipPercent')} <input type="number" min={0} max={100} value={scholarship} onChange={(e) => setScholarship(e.target.value)} />
          </label>
        </>
      )}
      {option.outcome === 'REJECT' && (
        <label className="field">
          {t('rejectionReason')}{' '}
          <select value={rejectionReason} onChange={(e) => setRejectionReason(e.target.value as RejectionReason)}>
            {option.rejectionReasons.map((r) => (
              <option key={r} value={r}>
                {t(keyOf('rr', r))}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        {t('reason')}
        <br />
        <textarea rows={2} cols={50} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button className="primary" data-testid="record-decision" onClick={() => void submit()}>
        {t('recordDecision')}
      </button>
    </section>
  );
}
