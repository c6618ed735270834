import type { Context } from '../context';
import type { VoteNode } from './review.type';

/**
 * Who may see the votes (and so the tallies and any aggregate) on one applicant in one
 * session. Officers see everything. A member must sit on the session's committee, must not be
 * conflicted with the applicant, and in blind mode must have voted or had the chair reveal.
 */
export interface VoteVisibilityFacts {
  isOfficer: boolean;
  sitsOnSession: boolean;
  conflicted: boolean;
  blind: boolean;
  revealed: boolean;
  hasVoted: boolean;
}

export function mayViewVotes(f: VoteVisibilityFacts): boolean {
  if (f.isOfficer) return true;
  if (!f.sitsOnSession || f.conflicted) return false;
  return !f.blind || f.revealed || f.hasVoted;
}

/** Filters one applicant's votes (across sessions) down to what the viewer may see. */
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
