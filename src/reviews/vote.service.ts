import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { CommitteeMember } from '../committees/committee-member.entity';
import { effectiveConflictsSql } from '../conflicts/conflict.queries';
import { PreparedStatement } from '../db/prepared-statement';
import { findByGlobalId } from '../common/entity-lookup';
import { AppError, badInput, ErrorCode, forbidden, invalidState } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { inStatement } from '../common/transaction';
import { optionalText, requireIntegerBetween } from '../common/validation';
import { VotingStatus } from './agenda-item.entity';
import { ReviewSession, SessionStatus } from './review-session.entity';
import { CastVoteInput } from './review.inputs';
import { SessionEventType } from '../events/session-event.entity';

/**
 * A member casts or changes their one vote on an applicant in a session. A change must name the
 * version it was made from.
 *
 * One SQL statement does it all, as its own transaction: it share-locks the agenda item (votes
 * run side by side, but closing voting waits for them, so no vote lands after voting closed),
 * reads every fact the rules need, and writes the vote, its scores, its revision and its
 * session event only when all of them allow it; the version check sits in the upsert, so two
 * tabs cannot both win. Its audit row is written by the same statement (no extra round trip);
 * the vote's content is in vote_revision, so the row names the vote and its version. When nothing was written, the facts it returns say why. (Through the
 * ORM's unit of work a vote took ~17 round trips; on this machine each round trip costs more
 * CPU than the statement's work.)
 */
export async function castVote(ctx: Context, input: CastVoteInput): Promise<string> {
  const me = ctx.user!;
  const sessionId = fromGlobalId('ReviewSession', input.sessionId, 'sessionId');
  const applicantId = fromGlobalId('Applicant', input.applicantId, 'applicantId');
  let fields: VoteWrite['fields'];
  let scores: Map<string, number>;
  try {
    fields = {
      recommendation: input.recommendation,
      confidence: requireIntegerBetween('confidence', input.confidence, 1, 3),
      comment: optionalText('comment', input.comment),
      proposedScholarship:
        input.proposedScholarship === undefined || input.proposedScholarship === null
          ? null
          : requireIntegerBetween('proposedScholarship', input.proposedScholarship, 0, 100),
    };
    scores = readScores(input);
  } catch (inputError) {
    // Who may not vote here learns that first, whatever else is wrong with the input.
    await assertMayVote(ctx.em, input, me.id);
    throw inputError;
  }
  // 0 is "no version" too: a first vote.
  const write: VoteWrite = { sessionId, applicantId, memberId: me.id, expectedVersion: input.expectedVersion || null, fields, scores };
  const operation = ctx.audit.current;
  return inStatement(ctx, async () => {
    const outcome = await voteIfAllowed(ctx.db, write, { requestId: ctx.requestId, operationId: operation?.operationId ?? null });
    if (!outcome.written) await refuse(ctx, input, write, outcome);
    // The statement wrote the audit row (a refusal is recorded by the mutation audit instead).
    if (operation) operation.recorded = true;
    return { result: outcome.written!.id, sessionIds: [sessionId] };
  });
}

interface VoteWrite {
  sessionId: string;
  applicantId: string;
  memberId: string;
  expectedVersion: number | null;
  fields: { recommendation: string; confidence: number; comment: string | null; proposedScholarship: number | null };
  /** Score by criterion id, as sent (checked against the rubric by the statement). */
  scores: Map<string, number>;
}

interface VoteOutcome {
  /** Null when the applicant is not on the session's agenda (or either does not exist). */
  facts: { session_status: SessionStatus; member: boolean; withdrawn: boolean; voting_status: VotingStatus } | null;
  criteria: { id: string; key: string }[];
  conflict: { reason: string } | null;
  written: { id: string; version: number } | null;
}

/** The vote's one statement: facts, checks, writes (see castVote). */
const VOTE_IF_ALLOWED = new PreparedStatement<any>(
  'cast_vote',
  `
    with facts as materialized (
      select s.status as session_status, a.program_id,
             exists (select 1 from committee_member cm where cm.committee_id = s.committee_id and cm.user_id = :memberId) as member,
             a.withdrawn_at is not null as withdrawn, ai.voting_status
        from agenda_item ai
        join review_session s on s.id = ai.session_id
        join applicant a on a.id = ai.applicant_id
       where ai.session_id = :sessionId and ai.applicant_id = :applicantId
         for share of ai
    ),
    criteria as materialized (
      select coalesce(json_agg(json_build_object('id', rc.id, 'key', rc.key) order by rc.position), '[]') as list,
             coalesce(array_agg(rc.id order by rc.id), '{}') as ids
        from rubric_criterion rc where rc.program_id = (select program_id from facts)
    ),
    conflict as materialized (
      select reason from (${effectiveConflictsSql('where id = :memberId', 'where id = :applicantId')}) c limit 1
    ),
    current as materialized (
      select version from vote where session_id = :sessionId and applicant_id = :applicantId and member_id = :memberId
    ),
    allowed as (
      select 1 from facts
       where facts.member and facts.session_status = 'OPEN' and not facts.withdrawn and facts.voting_status = 'OPEN'
         and not exists (select 1 from conflict)
         and cardinality(:criterionIds::uuid[]) > 0
         and (select ids from criteria) = :criterionIds::uuid[]
         and (:expectedVersion::int is null or exists (select 1 from current))
    ),
    upserted as (
      insert into vote (id, session_id, applicant_id, member_id, recommendation, confidence, comment, proposed_scholarship, version)
      select gen_random_uuid(), :sessionId, :applicantId, :memberId, :recommendation, :confidence, :comment, :proposedScholarship, 1 from allowed
      on conflict (session_id, applicant_id, member_id) do update
         set recommendation = excluded.recommendation, confidence = excluded.confidence, comment = excluded.comment,
             proposed_scholarship = excluded.proposed_scholarship, version = vote.version + 1, updated_at = now()
       where vote.version = :expectedVersion::int
      returning id, version
    ),
    scores as (
      insert into vote_score (vote_id, criterion_id, score)
      select u.id, s.criterion_id, s.score from upserted u, unnest(:criterionIds::uuid[], :scoreValues::smallint[]) as s(criterion_id, score)
      on conflict (vote_id, criterion_id) do update set score = excluded.score
    ),
    revision as (
      insert into vote_revision (id, vote_id, version, recommendation, confidence, comment, proposed_scholarship, scores)
      select gen_random_uuid(), u.id, u.version, :recommendation, :confidence, :comment, :proposedScholarship, :revisionScores::jsonb from upserted u
    ),
    event as (
      insert into session_event (session_id, type, applicant_id, actor_id, data)
      select :sessionId, case when u.version = 1 then :castType else :changedType end, :applicantId, :memberId,
             jsonb_build_object('voteId', u.id, 'version', u.version)
        from upserted u
    ),
    audit as (
      insert into audit_event (kind, action, actor_id, request_id, operation_id, applicant_ids, outcome, details)
      select 'MUTATION', 'castVote', :memberId, :requestId, :operationId::uuid, array[:applicantId::uuid], 'OK',
             jsonb_build_object('sessionId', :sessionId::text, 'voteId', u.id, 'version', u.version)
        from upserted u
    )
    select (select row_to_json(f) from facts f) as facts,
           (select list from criteria) as criteria,
           (select row_to_json(c) from conflict c) as conflict,
           (select row_to_json(u) from upserted u) as written
  `,
);

async function voteIfAllowed(db: Knex, write: VoteWrite, audit: { requestId: string; operationId: string | null }): Promise<VoteOutcome> {
  const { fields } = write;
  // In uuid order (byte order, the same as the lower-case text), to compare with the rubric's.
  const criterionIds = [...write.scores.keys()].sort();
  const rows = await VOTE_IF_ALLOWED.run(db, {
    sessionId: write.sessionId,
    applicantId: write.applicantId,
    memberId: write.memberId,
    expectedVersion: write.expectedVersion,
    recommendation: fields.recommendation,
    confidence: fields.confidence,
    comment: fields.comment,
    proposedScholarship: fields.proposedScholarship,
    criterionIds,
    scoreValues: criterionIds.map((id) => write.scores.get(id)!),
    revisionScores: JSON.stringify(Object.fromEntries(write.scores)),
    castType: SessionEventType.VOTE_CAST,
    changedType: SessionEventType.VOTE_CHANGED,
    requestId: audit.requestId,
    operationId: audit.operationId,
  });
  const row = rows[0];
  return { facts: row.facts, criteria: row.criteria ?? [], conflict: row.conflict, written: row.written };
}

/** Nothing was written: say why, checking the rules in the order a member would expect. */
async function refuse(ctx: Context, input: CastVoteInput, write: VoteWrite, outcome: VoteOutcome): Promise<never> {
  const { facts } = outcome;
  if (!facts) return refuseWithoutAgendaItem(ctx.em, input, ctx.user!.id);
  if (!facts.member) throw forbidden('Only members of the committee of this session vote in it.');
  if (facts.session_status !== SessionStatus.OPEN) throw invalidState(`The session is ${facts.session_status.toLowerCase()}.`, 'sessionId');
  if (facts.withdrawn) throw invalidState('The applicant has withdrawn.', 'applicantId');
  if (facts.voting_status !== VotingStatus.OPEN) {
    throw invalidState(facts.voting_status === VotingStatus.CLOSED ? 'Voting on this applicant is closed.' : 'Voting on this applicant has not been opened.', 'applicantId');
  }
  if (outcome.conflict) {
    throw new AppError(ErrorCode.CONFLICT, `You have a conflict of interest with this applicant (${outcome.conflict.reason})`, {
      field: 'applicantId',
      reason: 'CONFLICT_OF_INTEREST',
    });
  }
  checkScores(input, outcome.criteria);
  // The version check refused: the vote is not there yet, or another tab changed it first. The
  // statement's own read predates that tab's commit, so ask again for the version to name.
  const current = await ctx.db('vote').where({ session_id: write.sessionId, applicant_id: write.applicantId, member_id: write.memberId }).first('version');
  throw stale(current?.version ?? 0, write.expectedVersion);
}

/** No agenda item: unknown ids first, then the seat, the session and the applicant, then the agenda. */
async function refuseWithoutAgendaItem(em: EntityManager, input: CastVoteInput, memberId: string): Promise<never> {
  await assertMayVote(em, input, memberId);
  throw badInput('applicantId', 'The applicant is not on the agenda of this session.');
}

/** The slow path's checks, in the order of the refusals: the ids, the seat, the session, the applicant. */
async function assertMayVote(em: EntityManager, input: CastVoteInput, memberId: string): Promise<void> {
  const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', input.sessionId, 'sessionId');
  const applicant = await findByGlobalId(em, Applicant, 'Applicant', input.applicantId, 'applicantId');
  if (!(await em.count(CommitteeMember, { committee: session.committee, user: memberId }))) {
    throw forbidden('Only members of the committee of this session vote in it.');
  }
  if (session.status !== SessionStatus.OPEN) throw invalidState(`The session is ${session.status.toLowerCase()}.`, 'sessionId');
  if (applicant.withdrawnAt) throw invalidState('The applicant has withdrawn.', 'applicantId');
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

/** The scores as sent, by criterion id: ids that parse, integers 1–5, no criterion twice. */
function readScores(input: CastVoteInput): Map<string, number> {
  const scores = new Map<string, number>();
  input.scores.forEach((entry, index) => {
    const field = `scores[${index}]`;
    const id = fromGlobalId('RubricCriterion', entry.criterionId, `${field}.criterionId`).toLowerCase();
    if (scores.has(id)) throw badInput(`${field}.criterionId`, 'This criterion is scored twice.');
    scores.set(id, requireIntegerBetween(`${field}.score`, entry.score, 1, 5));
  });
  return scores;
}

/** Exactly one integer score 1–5 per criterion of the applicant's program rubric, by criterion id. */
function checkScores(input: CastVoteInput, criteria: { id: string; key: string }[]): Map<string, number> {
  if (criteria.length === 0) throw invalidState("The applicant's program has no rubric yet.", 'applicantId');
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const scores = new Map<string, number>();
  input.scores.forEach((entry, index) => {
    const field = `scores[${index}]`;
    const criterion = byId.get(fromGlobalId('RubricCriterion', entry.criterionId, `${field}.criterionId`));
    if (!criterion) throw badInput(`${field}.criterionId`, "This criterion is not part of the applicant's program rubric.");
    if (scores.has(criterion.id)) throw badInput(`${field}.criterionId`, `Criterion ${criterion.key} is scored twice.`);
    scores.set(criterion.id, requireIntegerBetween(`${field}.score`, entry.score, 1, 5));
  });
  const missing = criteria.filter((c) => !scores.has(c.id));
  if (missing.length > 0) throw badInput('scores', `Score every criterion; missing: ${missing.map((c) => c.key).join(', ')}.`);
  return scores;
}
