import type { Context } from '../context';
import { effectiveConflictsSql } from '../conflicts/conflict.queries';
import { PreparedStatement } from '../db/prepared-statement';
import { AppError, badInput } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { inStatement } from '../common/transaction';
import { optionalText, requireIntegerBetween } from '../common/validation';
import { SessionEventType } from '../events/session-event.entity';
import { isAbstention, stale, VOTE_ALLOWED_SQL, VoteFacts, voteRefusal, VoteRequest } from './policy';
import { CastVoteInput } from './review.inputs';

/**
 * A member casts or changes their one vote on an applicant in a session. A change must name the
 * version it was made from. An abstention carries no scores.
 *
 * One SQL statement does it all, as its own transaction: it share-locks the agenda item (votes
 * run side by side, but closing voting waits for them, so no vote lands after voting closed),
 * reads every fact the rules need into one `vote_facts` row, and writes the vote, its scores, its
 * revision and its session event only when VOTE_ALLOWED_SQL (reviews/policy.ts, beside the
 * predicate it mirrors) allows it; the version check also sits in the upsert, so two tabs cannot
 * both win. Its audit row is written by the same statement (no extra round trip; the vote's
 * content is in vote_revision, so the row names the vote and its version). When nothing was
 * written, `voteRefusal` judges the same facts and says why. (Through
 * the ORM's unit of work a vote took ~17 round trips; on this machine each round trip costs more
 * CPU than the statement's work.)
 */
export async function castVote(ctx: Context, input: CastVoteInput): Promise<string> {
  const me = ctx.user!;
  const sessionId = fromGlobalId('ReviewSession', input.sessionId, 'sessionId');
  const applicantId = fromGlobalId('Applicant', input.applicantId, 'applicantId');
  const parsed = parseInput(input);
  const request: VoteRequest = {
    ids: { session: input.sessionId, applicant: input.applicantId },
    inputProblem: parsed.problem,
    abstain: isAbstention(input.recommendation),
    criterionIds: [...parsed.scores.keys()],
    // 0 is "no version" too: a first vote.
    expectedVersion: input.expectedVersion || null,
  };
  const operation = ctx.audit.current;
  return inStatement(ctx, async () => {
    const outcome = await voteIfAllowed(ctx, { sessionId, applicantId, memberId: me.id, request, fields: parsed.fields, scores: parsed.scores }, operation?.operationId ?? null);
    if (!outcome.written) {
      const refusal = voteRefusal(outcome.facts, request, new Map(outcome.criteria.map((c) => [c.id, c.key])));
      if (refusal) throw refusal;
      // The facts allowed it but the upsert's version guard did not: another tab changed the vote
      // after the statement's snapshot. Ask again for the version to name.
      const current = await ctx.db('vote').where({ session_id: sessionId, applicant_id: applicantId, member_id: me.id }).first('version');
      throw stale(current?.version ?? 0, request.expectedVersion);
    }
    // The statement wrote the audit row (a refusal is recorded by the mutation audit instead).
    if (operation) operation.recorded = true;
    return { result: outcome.written.id, sessionIds: [sessionId] };
  });
}

interface VoteFields {
  recommendation: string;
  confidence: number;
  comment: string | null;
  proposedScholarship: number | null;
}

interface ParsedInput {
  fields: VoteFields;
  /** Score by criterion id (lower-case), in the order sent. */
  scores: Map<string, number>;
  problem: AppError | null;
}

/** The input's own checks; the first problem is kept (not thrown) so the seat and the session are judged first. */
function parseInput(input: CastVoteInput): ParsedInput {
  const scores = new Map<string, number>();
  try {
    const fields = {
      recommendation: input.recommendation,
      confidence: requireIntegerBetween('confidence', input.confidence, 1, 3),
      comment: optionalText('comment', input.comment),
      proposedScholarship:
        input.proposedScholarship === undefined || input.proposedScholarship === null
          ? null
          : requireIntegerBetween('proposedScholarship', input.proposedScholarship, 0, 100),
    };
    (input.scores ?? []).forEach((entry, index) => {
      const field = `scores[${index}]`;
      const id = fromGlobalId('RubricCriterion', entry.criterionId, `${field}.criterionId`).toLowerCase();
      if (scores.has(id)) throw badInput(`${field}.criterionId`, 'This criterion is scored twice.');
      scores.set(id, requireIntegerBetween(`${field}.score`, entry.score, 1, 5));
    });
    return { fields, scores, problem: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { fields: { recommendation: input.recommendation, confidence: 1, comment: null, proposedScholarship: null }, scores: new Map(), problem: error };
  }
}

interface VoteOutcome {
  facts: VoteFacts;
  criteria: { id: string; key: string }[];
  written: { id: string; version: number } | null;
}

/** The vote's one statement: facts, checks, writes (see castVote). */
const VOTE_IF_ALLOWED = new PreparedStatement<any>(
  'cast_vote',
  `
    with item as materialized (
      select id, voting_status from agenda_item where session_id = :sessionId and applicant_id = :applicantId for share
    ),
    s as materialized (select status, committee_id from review_session where id = :sessionId),
    a as materialized (select program_id, withdrawn_at from applicant where id = :applicantId),
    criteria as materialized (
      select coalesce(json_agg(json_build_object('id', rc.id, 'key', rc.key) order by rc.position), '[]') as list,
             coalesce(array_agg(rc.id order by rc.id), '{}') as ids
        from rubric_criterion rc where rc.program_id = (select program_id from a)
    ),
    conflict as materialized (
      select reason from (${effectiveConflictsSql('where id = :memberId', 'where id = :applicantId')}) c limit 1
    ),
    vote_facts as materialized (
      select exists (select 1 from s) as session_found,
             exists (select 1 from a) as applicant_found,
             exists (select 1 from committee_member cm where cm.committee_id = (select committee_id from s) and cm.user_id = :memberId) as member,
             (select status from s) as session_status,
             coalesce((select withdrawn_at is not null from a), false) as withdrawn,
             exists (select 1 from item) as on_agenda,
             (select voting_status from item) as voting_status,
             (select reason from conflict) as conflict_reason,
             (select ids from criteria) as rubric_ids,
             (select version from vote where session_id = :sessionId and applicant_id = :applicantId and member_id = :memberId) as current_version
    ),
    allowed as (select 1 from vote_facts vf where ${VOTE_ALLOWED_SQL}),
    upserted as (
      insert into vote (id, session_id, applicant_id, member_id, recommendation, confidence, comment, proposed_scholarship, version)
      select gen_random_uuid(), :sessionId, :applicantId, :memberId, :recommendation, :confidence, :comment, :proposedScholarship, 1 from allowed
      on conflict (session_id, applicant_id, member_id) do update
         set recommendation = excluded.recommendation, confidence = excluded.confidence, comment = excluded.comment,
             proposed_scholarship = excluded.proposed_scholarship, version = vote.version + 1, updated_at = now()
       where vote.version = :expectedVersion::int
      returning id, version
    ),
    cleared as (
      delete from vote_score where :abstain::boolean and vote_id in (select id from upserted)
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
    select (select row_to_json(vf) from vote_facts vf) as facts,
           (select list from criteria) as criteria,
           (select row_to_json(u) from upserted u) as written
  `,
);

async function voteIfAllowed(
  ctx: Context,
  write: { sessionId: string; applicantId: string; memberId: string; request: VoteRequest; fields: VoteFields; scores: Map<string, number> },
  operationId: string | null,
): Promise<VoteOutcome> {
  const { fields, request } = write;
  // In uuid order (byte order, the same as the lower-case text), to compare with the rubric's.
  const criterionIds = [...write.scores.keys()].sort();
  const rows = await VOTE_IF_ALLOWED.run(ctx.db, {
    sessionId: write.sessionId,
    applicantId: write.applicantId,
    memberId: write.memberId,
    expectedVersion: request.expectedVersion,
    inputValid: request.inputProblem === null,
    abstain: request.abstain,
    recommendation: fields.recommendation,
    confidence: fields.confidence,
    comment: fields.comment,
    proposedScholarship: fields.proposedScholarship,
    criterionIds,
    scoreValues: criterionIds.map((id) => write.scores.get(id)!),
    revisionScores: JSON.stringify(Object.fromEntries(write.scores)),
    castType: SessionEventType.VOTE_CAST,
    changedType: SessionEventType.VOTE_CHANGED,
    requestId: ctx.requestId,
    operationId,
  });
  const row = rows[0];
  return { facts: row.facts, criteria: row.criteria ?? [], written: row.written };
}
