import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { CommitteeMember } from '../committees/committee-member.entity';
import { conflictsBetween } from '../conflicts/conflict.queries';
import { findByGlobalId } from '../common/entity-lookup';
import { AppError, badInput, ErrorCode, forbidden, invalidState } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { inTransaction } from '../common/transaction';
import { optionalText, requireIntegerBetween } from '../common/validation';
import { RubricCriterion } from '../programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from './agenda-item.entity';
import { ReviewSession, SessionStatus } from './review-session.entity';
import { CastVoteInput } from './review.inputs';
import { VoteScore } from './vote-score.entity';
import { Vote } from './vote.entity';
import { VoteRevision } from './vote-revision.entity';
import { SessionEventType } from '../events/session-event.entity';

/**
 * A member casts or changes their one vote on an applicant in a session. A change must name the
 * version it was made from; the row is locked while comparing so two tabs cannot both win.
 */
export async function castVote(ctx: Context, input: CastVoteInput): Promise<string> {
  const me = ctx.user!;
  return inTransaction(ctx, async (em, events) => {
    const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', input.sessionId, 'sessionId');
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', input.applicantId, 'applicantId');
    if (!(await em.count(CommitteeMember, { committee: session.committee, user: me.id }))) {
      throw forbidden('Only members of the committee of this session vote in it.');
    }
    if (session.status !== SessionStatus.OPEN) throw invalidState(`The session is ${session.status.toLowerCase()}.`, 'sessionId');
    if (applicant.withdrawnAt) throw invalidState('The applicant has withdrawn.', 'applicantId');
    // A shared lock on the agenda item: votes run side by side, but closing voting waits for them
    // (and a vote waits for a close in progress), so no vote lands after voting closed.
    const item = await em.findOne(AgendaItem, { session, applicant }, { lockMode: LockMode.PESSIMISTIC_READ });
    if (!item) throw badInput('applicantId', 'The applicant is not on the agenda of this session.');
    if (item.votingStatus !== VotingStatus.OPEN) {
      throw invalidState(item.votingStatus === VotingStatus.CLOSED ? 'Voting on this applicant is closed.' : 'Voting on this applicant has not been opened.', 'applicantId');
    }
    const conflicts = await conflictsBetween(em, me.id, applicant.id);
    if (conflicts.length > 0) {
      throw new AppError(ErrorCode.CONFLICT, `You have a conflict of interest with this applicant (${conflicts[0].reason})`, {
        field: 'applicantId',
        reason: 'CONFLICT_OF_INTEREST',
      });
    }

    const criteria = await em.find(RubricCriterion, { program: applicant.program });
    const scores = checkScores(input, criteria);
    const fields = {
      recommendation: input.recommendation,
      confidence: requireIntegerBetween('confidence', input.confidence, 1, 3),
      comment: optionalText('comment', input.comment),
      proposedScholarship:
        input.proposedScholarship === undefined || input.proposedScholarship === null
          ? null
          : requireIntegerBetween('proposedScholarship', input.proposedScholarship, 0, 100),
    };

    const existing = await em.findOne(Vote, { session, applicant, member: me.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    let vote: Vote;
    if (!existing) {
      if (input.expectedVersion) throw stale(0, input.expectedVersion);
      vote = em.create(Vote, { session, applicant, member: me.id, ...fields });
    } else {
      if (input.expectedVersion !== existing.version) throw stale(existing.version, input.expectedVersion ?? null);
      vote = em.assign(existing, { ...fields, version: existing.version + 1 });
      await em.nativeDelete(VoteScore, { vote });
    }
    for (const [criterion, score] of scores) em.create(VoteScore, { vote, criterion, score });
    em.create(VoteRevision, { vote, version: vote.version, ...fields, scores: Object.fromEntries([...scores].map(([c, score]) => [c.id, score])) });
    events.record(session.id, existing ? SessionEventType.VOTE_CHANGED : SessionEventType.VOTE_CAST, {
      applicantId: applicant.id,
      data: { voteId: vote.id, version: vote.version },
    });
    return vote.id;
  });
}

function stale(current: number, expected: number | null): AppError {
  return new AppError(
    ErrorCode.STALE_VERSION,
    current === 0
      ? 'There is no vote to change: cast it without expectedVersion.'
      : `Your vote changed since you loaded it (now version ${current}, you sent ${expected ?? 'none'}). Reload it and try again.`,
    { field: 'expectedVersion', currentVersion: current },
  );
}

/** Exactly one integer score 1–5 per criterion of the applicant's program rubric. */
function checkScores(input: CastVoteInput, criteria: RubricCriterion[]): Map<RubricCriterion, number> {
  if (criteria.length === 0) throw invalidState("The applicant's program has no rubric yet.", 'applicantId');
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const scores = new Map<RubricCriterion, number>();
  input.scores.forEach((entry, index) => {
    const field = `scores[${index}]`;
    const criterion = byId.get(fromGlobalId('RubricCriterion', entry.criterionId, `${field}.criterionId`));
    if (!criterion) throw badInput(`${field}.criterionId`, "This criterion is not part of the applicant's program rubric.");
    if (scores.has(criterion)) throw badInput(`${field}.criterionId`, `Criterion ${criterion.key} is scored twice.`);
    scores.set(criterion, requireIntegerBetween(`${field}.score`, entry.score, 1, 5));
  });
  const missing = criteria.filter((c) => !scores.has(c));
  if (missing.length > 0) throw badInput('scores', `Score every criterion; missing: ${missing.map((c) => c.key).join(', ')}.`);
  return scores;
}
