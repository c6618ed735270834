import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { WebCastVoteDocument, type Recommendation, type WebDossierQuery } from '../generated/graphql';
import { keyOf, useT } from '../i18n';

type Applicant = WebDossierQuery['applicant'];
type Vote = Applicant['votes'][number];
const RECOMMENDATIONS: Recommendation[] = ['ADMIT', 'ADMIT_AS_TRANSFER', 'WAITLIST', 'REJECT', 'ABSTAIN'];

interface Input {
  scores: Record<string, number>;
  recommendation: Recommendation;
  confidence: number;
  scholarship: string;
  comment: string;
}

const fromVote = (vote: Vote | undefined): Input => ({
  scores: Object.fromEntries(vote?.scores.map((s) => [s.criterion.id, s.score]) ?? []),
  recommendation: vote?.recommendation ?? 'ADMIT',
  confidence: vote?.confidence ?? 2,
  scholarship: vote?.proposedScholarship == null ? '' : String(vote.proposedScholarship),
  comment: vote?.comment ?? '',
});

/**
 * Scores 1–5 per criterion (radio groups with the level anchors), recommendation, confidence,
 * scholarship and comment. A change made from an older version is refused with STALE_VERSION:
 * the form shows the newer vote and keeps the member's input, to apply over it or not.
 */
export function VoteForm(props: { sessionId: string; applicant: Applicant; ownVote: Vote | undefined; open: boolean; onSaved(): void }) {
  const { applicant, ownVote } = props;
  const t = useT();
  const [input, setInput] = useState<Input>(() => fromVote(ownVote));
  const [baseVersion, setBaseVersion] = useState<number | undefined>(ownVote?.version);
  const [stale, setStale] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [, castVote] = useMutation(WebCastVoteDocument);
  // A vote saved elsewhere (another tab) becomes the base only when this form has no pending refusal.
  useEffect(() => {
    if (stale === null && ownVote && baseVersion === undefined) {
      setBaseVersion(ownVote.version);
      setInput(fromVote(ownVote));
    }
  }, [ownVote, stale, baseVersion]);

  const abstain = input.recommendation === 'ABSTAIN';
  async function submit(expectedVersion: number | undefined) {
    const result = await castVote({
      input: {
        sessionId: props.sessionId,
        applicantId: applicant.id,
        recommendation: input.recommendation,
        confidence: input.confidence,
        proposedScholarship: input.scholarship === '' ? null : Number(input.scholarship),
        comment: input.comment || null,
        expectedVersion: expectedVersion ?? null,
        scores: abstain ? [] : applicant.program.rubric.map((c) => ({ criterionId: c.id, score: input.scores[c.id] })),
      },
    });
    const error = result.error?.graphQLErrors[0];
    if (error?.extensions?.code === 'STALE_VERSION') {
      setStale(Number(error.extensions.currentVersion));
      setMessage(null);
      props.onSaved();
      return;
    }
    if (result.error) {
      setMessage({ kind: 'error', text: t('voteFailed', { message: error?.message ?? result.error.message }) });
      return;
    }
    setStale(null);
    setBaseVersion(result.data!.castVote.version);
    setMessage({ kind: 'ok', text: t('voteSaved', { version: result.data!.castVote.version }) });
    props.onSaved();
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(baseVersion);
  };
  const complete = abstain || applicant.program.rubric.every((c) => input.scores[c.id]);
  return (
    <section aria-labelledby="vote-title">
      <h2 id="vote-title">{t('vote')}</h2>
      {!props.open && <p className="notice">{t('votingClosedNotice')}</p>}
      {stale !== null && (
        <div role="alert" className="notice" data-testid="stale">
          <p>{t('staleVote', { version: stale })}</p>
          {ownVote && ownVote.version === stale && (
            <p data-testid="newer-vote">
              {t('newerVote', {
                recommendation: t(keyOf('rec', ownVote.recommendation)),
                confidence: ownVote.confidence,
                scores: ownVote.scores.map((s) => s.score).join(', ') || '–',
              })}
            </p>
          )}
          <button type="button" className="primary" onClick={() => void submit(stale)}>
            {t('reapply')}
          </button>
        </div>
      )}
      <form onSubmit={onSubmit} aria-describedby={message ? 'vote-message' : undefined}>
        {applicant.program.rubric.map((c) => (
          <fieldset key={c.id} disabled={!props.open || abstain} className="levels">
            <legend>{c.name}</legend>
            {c.levels.map((level) => (
              <label key={level.score}>
                <input
                  type="radio"
                  name={`score-${c.id}`}
                  data-criterion={c.key}
                  value={level.score}
                  checked={input.scores[c.id] === level.score}
                  onChange={() => setInput({ ...input, scores: { ...input.scores, [c.id]: level.score } })}
                />{' '}
                {level.score} – {level.description}
              </label>
            ))}
          </fieldset>
        ))}
        <fieldset disabled={!props.open}>
          <label className="field">
            {t('recommendation')}{' '}
            <select name="recommendation" value={input.recommendation} onChange={(e) => setInput({ ...input, recommendation: e.target.value as Recommendation })}>
              {RECOMMENDATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(keyOf('rec', r))}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('confidence')}{' '}
            <select name="confidence" value={input.confidence} onChange={(e) => setInput({ ...input, confidence: Number(e.target.value) })}>
              {[1, 2, 3].map((c) => (
                <option key={c} value={c}>
                  {t(keyOf('confidence', String(c)))}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('scholarship')}{' '}
            <input name="scholarship" type="number" min={0} max={100} value={input.scholarship} onChange={(e) => setInput({ ...input, scholarship: e.target.value })} />
          </label>
          <label className="field">
            {t('comment')}
            <br />
            <textarea name="comment" rows={3} cols={50} value={input.comment} onChange={(e) => setInput({ ...input, comment: e.target.value })} />
          </label>
          <button className="primary" type="submit" disabled={!complete} data-testid="cast-vote">
            {baseVersion === undefined ? t('castVote') : t('changeVote')}
          </button>
        </fieldset>
        {message && (
          <p id="vote-message" role="status" className={message.kind === 'error' ? 'error' : undefined} data-testid="vote-message">
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
