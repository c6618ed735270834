import type { Knex } from '@mikro-orm/postgresql';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { toGlobalId } from '../common/global-id';
import { keysetPage, ordering, Page, PageRequest, toPage } from '../common/pagination';
import { numeric, timestamp } from '../common/scalars';
import { SessionStatus } from './review-session.entity';
import { AgendaItemNode, CommentNode, ReviewSessionNode, TallyNode, VoteNode, VoteRevisionNode } from './review.type';
import { Recommendation } from './vote.entity';

function toSession(row: any): ReviewSessionNode {
  return Object.assign(new ReviewSessionNode(), {
    id: toGlobalId('ReviewSession', row.id),
    dbId: row.id,
    committeeId: row.committee_id,
    weekId: row.week_id,
    currentItemId: row.current_item_id,
    title: row.title,
    startsAt: timestamp(row.starts_at),
    endsAt: timestamp(row.ends_at),
    status: row.status,
    blind: row.blind,
  });
}

function toAgendaItem(row: any): AgendaItemNode {
  return Object.assign(new AgendaItemNode(), {
    id: toGlobalId('AgendaItem', row.id),
    dbId: row.id,
    sessionId: row.session_id,
    applicantId: row.applicant_id,
    position: row.position,
    votingStatus: row.voting_status,
    scoresRevealed: row.scores_revealed,
  });
}

export async function sessionsById(db: Knex, ids: readonly string[]): Promise<ReviewSessionNode[]> {
  return (await db('review_session').whereIn('id', ids)).map(toSession);
}

export async function sessionsByWeek(db: Knex, weekIds: readonly string[]): Promise<ReviewSessionNode[]> {
  return (await db('review_session').whereIn('week_id', weekIds).orderBy(['starts_at', 'id'])).map(toSession);
}

/**
 * Who has each session open, as its event log says: members whose latest presence event is a
 * join (live/presence.ts writes one per member and process). One statement for many sessions.
 */
export async function presentMembersBySession(db: Knex, sessionIds: readonly string[]): Promise<{ sessionId: string; userId: string }[]> {
  const { rows } = await db.raw(
    `select session_id, actor_id from (
       select distinct on (session_id, actor_id) session_id, actor_id, type
         from session_event
        where session_id = any(?::uuid[]) and type in ('MEMBER_JOINED', 'MEMBER_LEFT') and actor_id is not null
        order by session_id, actor_id, id desc) latest
      where type = 'MEMBER_JOINED'`,
    [[...sessionIds]],
  );
  return rows.map((row: { session_id: string; actor_id: string }) => ({ sessionId: row.session_id, userId: row.actor_id }));
}

export interface SessionQuery {
  committeeId?: string;
  weekId?: string;
  status?: SessionStatus;
  /** Only sessions of committees this member sits on. */
  visibleToMember?: string;
  page: PageRequest;
}

/** Sessions are listed by start time; the id makes the key unique. */
export const SESSION_ORDERING = ordering('reviewSessions', 'starts_at', 'asc', [{ sql: 's.starts_at', type: 'timestamptz' }, { sql: 's.id', type: 'uuid' }]);

export async function sessionPage(db: Knex, query: SessionQuery): Promise<Page<ReviewSessionNode>> {
  const q = db('review_session as s').select('s.*');
  if (query.committeeId) q.where('s.committee_id', query.committeeId);
  if (query.weekId) q.where('s.week_id', query.weekId);
  if (query.status) q.where('s.status', query.status);
  if (query.visibleToMember) {
    q.whereExists(db('committee_member as cm').whereRaw('cm.committee_id = s.committee_id').where('cm.user_id', query.visibleToMember).select(db.raw('1')));
  }
  return toPage(await keysetPage(db, q, query.page), toSession);
}

export async function agendaItemsById(db: Knex, ids: readonly string[]): Promise<AgendaItemNode[]> {
  return (await db('agenda_item').whereIn('id', ids)).map(toAgendaItem);
}

export async function agendaBySession(db: Knex, sessionIds: readonly string[]): Promise<AgendaItemNode[]> {
  return (await db('agenda_item').whereIn('session_id', sessionIds).orderBy(['position', 'id'])).map(toAgendaItem);
}

export async function agendaByApplicant(db: Knex, applicantIds: readonly string[]): Promise<AgendaItemNode[]> {
  const rows = await db('agenda_item as ai')
    .join('review_session as s', 's.id', 'ai.session_id')
    .whereIn('ai.applicant_id', applicantIds)
    .orderBy(['s.starts_at', 'ai.id'])
    .select('ai.*');
  return rows.map(toAgendaItem);
}

function toVote(row: any): VoteNode {
  return Object.assign(new VoteNode(), {
    id: toGlobalId('Vote', row.id),
    dbId: row.id,
    sessionId: row.session_id,
    applicantId: row.applicant_id,
    memberId: row.member_id,
    scoresRevealed: row.scores_revealed ?? false,
    sessionBlind: row.blind,
    recommendation: row.recommendation,
    confidence: row.confidence,
    comment: row.comment,
    proposedScholarship: row.proposed_scholarship,
    scores: (row.scores as { criterion_id: string; score: number }[]).map((s) => ({ criterionId: s.criterion_id, score: s.score })),
    // Kept by the database as scores and weights change (reporting/score-aggregates.routines.ts).
    overallScore: numeric(row.overall),
    version: row.version,
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
  });
}

function selectVotes(db: Knex) {
  return db('vote as v')
    .join('review_session as s', 's.id', 'v.session_id')
    .leftJoin('agenda_item as ai', function () {
      this.on('ai.session_id', 'v.session_id').andOn('ai.applicant_id', 'v.applicant_id');
    })
    .select(
      'v.*',
      's.blind',
      'ai.scores_revealed',
      db.raw(`(select coalesce(json_agg(json_build_object('criterion_id', vs.criterion_id, 'score', vs.score)
                 order by rc.position), '[]'::json)
               from vote_score vs join rubric_criterion rc on rc.id = vs.criterion_id where vs.vote_id = v.id) as scores`),
    );
}

export async function votesById(db: Knex, ids: readonly string[]): Promise<VoteNode[]> {
  return (await selectVotes(db).whereIn('v.id', ids)).map(toVote);
}

export async function votesByApplicant(db: Knex, applicantIds: readonly string[]): Promise<VoteNode[]> {
  return (await selectVotes(db).whereIn('v.applicant_id', applicantIds).orderBy(['v.created_at', 'v.id'])).map(toVote);
}

/**
 * One statement for any number of agenda items: counts, means and spreads per criterion and
 * overall. Abstentions have no scores, so they enter no mean or spread; they count as votes and
 * among the recommendations. Each aggregate is one GROUP BY over the page's scores, joined back to the items; the
 * votes are found through the (session, applicant, member) unique index. (The first version ran
 * seven correlated subqueries per item over a CTE: 11 ms of execution for a page of 50 at
 * 20,000 applicants; now 7 ms.)
 */
export async function talliesByAgendaItem(db: Knex, agendaItemIds: readonly string[]): Promise<TallyNode[]> {
  const { rows } = await db.raw(
    `
    with items as (select id, session_id, applicant_id from agenda_item where id = any(?::uuid[])),
    scores as materialized (
      select i.id as item_id, vs.criterion_id, vs.score, rc.position
        from items i
        join vote v on v.session_id = i.session_id and v.applicant_id = i.applicant_id
        join vote_score vs on vs.vote_id = v.id
        join rubric_criterion rc on rc.id = vs.criterion_id
    ),
    -- vote.overall is kept by the database as scores and weights change (reporting/score-aggregates.routines.ts)
    per_vote as materialized (
      select i.id as item_id, v.recommendation, v.overall
        from items i join vote v on v.session_id = i.session_id and v.applicant_id = i.applicant_id
    ),
    overall as (
      select item_id, count(*) as vote_count, count(overall) as scored, avg(overall) as mean, stddev_pop(overall) as sd, min(overall) as lo, max(overall) as hi
        from per_vote group by item_id
    ),
    criteria as (
      select item_id, json_agg(json_build_object('criterion_id', criterion_id, 'n', n, 'mean', mean, 'sd', sd, 'lo', lo, 'hi', hi) order by position) as criteria
        from (select item_id, criterion_id, count(*) as n, avg(score) as mean, stddev_pop(score) as sd, min(score) as lo, max(score) as hi, min(position) as position
                from scores group by item_id, criterion_id) c
       group by item_id
    ),
    recommendations as (
      select item_id, json_object_agg(recommendation, n) as recommendations
        from (select item_id, recommendation, count(*) as n from per_vote group by item_id, recommendation) r
       group by item_id
    )
    select i.id, coalesce(o.vote_count, 0) as vote_count, coalesce(o.scored, 0) as scored, o.mean as overall_mean, o.sd as overall_sd, o.lo as overall_min, o.hi as overall_max,
           coalesce(c.criteria, '[]'::json) as criteria, coalesce(r.recommendations, '{}'::json) as recommendations
      from items i
      left join overall o on o.item_id = i.id
      left join criteria c on c.item_id = i.id
      left join recommendations r on r.item_id = i.id
    `,
    [[...agendaItemIds]],
  );
  return rows.map((row: any) =>
    Object.assign(new TallyNode(), {
      agendaItemId: row.id,
      voteCount: Number(row.vote_count),
      scoredVoteCount: Number(row.scored),
      overall: { mean: numeric(row.overall_mean), stdDev: numeric(row.overall_sd), min: numeric(row.overall_min), max: numeric(row.overall_max) },
      criteria: row.criteria.map((c: any) => ({
        criterionId: c.criterion_id,
        count: Number(c.n),
        mean: numeric(c.mean),
        stdDev: numeric(c.sd),
        min: numeric(c.lo),
        max: numeric(c.hi),
      })),
      recommendations: Object.values(Recommendation).map((recommendation) => ({
        recommendation,
        count: Number(row.recommendations[recommendation] ?? 0),
      })),
    }),
  );
}

function toComment(row: any): CommentNode {
  return Object.assign(new CommentNode(), {
    id: toGlobalId('Comment', row.id),
    dbId: row.id,
    sessionId: row.session_id,
    applicantId: row.applicant_id,
    authorId: row.author_id,
    visibility: row.visibility,
    body: row.body,
    createdAt: timestamp(row.created_at),
  });
}

export async function commentsById(db: Knex, ids: readonly string[]): Promise<CommentNode[]> {
  return (await db('session_comment').whereIn('id', ids)).map(toComment);
}

export async function commentsByApplicant(db: Knex, applicantIds: readonly string[]): Promise<CommentNode[]> {
  return (await db('session_comment').whereIn('applicant_id', applicantIds).orderBy(['created_at', 'id'])).map(toComment);
}

export async function revisionsByVote(db: Knex, voteIds: readonly string[]): Promise<VoteRevisionNode[]> {
  // The latest MAX_PAGE_SIZE of each vote: the most Vote.history answers, however often a vote changed.
  const latest = db('vote_revision')
    .select('*', db.raw('row_number() over (partition by vote_id order by version desc) as recency'))
    .whereIn('vote_id', voteIds);
  const rows = await db.from(latest.as('r')).where('recency', '<=', MAX_PAGE_SIZE).orderBy(['vote_id', 'version']);
  return rows.map((row: any) =>
    Object.assign(new VoteRevisionNode(), {
      voteId: row.vote_id,
      version: row.version,
      recommendation: row.recommendation,
      confidence: row.confidence,
      comment: row.comment,
      proposedScholarship: row.proposed_scholarship,
      scores: Object.entries(row.scores as Record<string, number>).map(([criterionId, score]) => ({ criterionId, score })),
      changedAt: timestamp(row.created_at),
    }),
  );
}
