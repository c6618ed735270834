import type { Context } from '../context';
import { mayReadComment, mayViewVotes } from './policy';
import type { CommentNode, VoteNode } from './review.type';

/**
 * The viewer's facts for the vote and discussion rules of reviews/policy.ts, gathered through
 * the request's loaders and `Access` (each read once per operation).
 */

/** Filters one applicant's votes (across sessions) down to what the viewer may see: their own always. */
export async function visibleVotes(ctx: Context, votes: VoteNode[]): Promise<VoteNode[]> {
  if (ctx.access.isOfficer) return votes;
  const me = ctx.user?.id;
  if (!me || votes.length === 0) return [];
  const [seats, conflicts] = await Promise.all([ctx.access.seats(), ctx.access.conflictedApplicantIds()]);
  const votedIn = new Set(votes.filter((v) => v.memberId === me).map((v) => `${v.sessionId}/${v.applicantId}`));
  return votes.filter(
    (v) =>
      v.memberId === me ||
      mayViewVotes({
        isOfficer: false,
        sitsOnSession: seats.has(v.sessionId),
        conflicted: conflicts.has(v.applicantId),
        blind: v.sessionBlind,
        revealed: v.scoresRevealed,
        hasVoted: votedIn.has(`${v.sessionId}/${v.applicantId}`),
      }),
  );
}

/** Whether the viewer may see this vote (and so its history). */
export async function mayViewVote(ctx: Context, vote: VoteNode): Promise<boolean> {
  if (ctx.access.isOfficer || vote.memberId === ctx.user?.id) return true;
  const votes = await ctx.loaders.votesByApplicant.load(vote.applicantId);
  return (await visibleVotes(ctx, votes)).some((v) => v.dbId === vote.dbId);
}

/** Whether the viewer may see the votes and tally of one agenda item. */
export async function mayViewAgendaItemVotes(ctx: Context, item: { sessionId: string; applicantId: string; scoresRevealed: boolean }): Promise<boolean> {
  if (ctx.access.isOfficer) return true;
  const me = ctx.user?.id;
  if (!me) return false;
  const [seats, conflicts, votes] = await Promise.all([
    ctx.access.seats(),
    ctx.access.conflictedApplicantIds(),
    ctx.loaders.votesByApplicant.load(item.applicantId),
  ]);
  const seat = seats.get(item.sessionId);
  return mayViewVotes({
    isOfficer: false,
    sitsOnSession: seat !== undefined,
    conflicted: conflicts.has(item.applicantId),
    blind: seat?.blind ?? true,
    revealed: item.scoresRevealed,
    hasVoted: votes.some((v) => v.memberId === me && v.sessionId === item.sessionId),
  });
}

/** The comments (of any sessions) the viewer may read. */
export async function visibleComments(ctx: Context, comments: CommentNode[]): Promise<CommentNode[]> {
  const viewer = ctx.user;
  if (!viewer || comments.length === 0) return [];
  const [seats, conflicts] = await Promise.all([ctx.access.seats(), ctx.access.conflictedApplicantIds()]);
  return comments.filter((c) => mayReadComment(viewer, { seat: seats.get(c.sessionId)?.role, conflicted: conflicts.has(c.applicantId) }, c));
}
