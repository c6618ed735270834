import type { Context } from '../context';
import type { DecisionNode } from './decision.type';
import { mayViewDecision } from './policy';

/** The viewer's facts for `mayViewDecision`: officer or not, conflicted with the applicant or not. */
export async function decisionVisibleTo(ctx: Context, decision: DecisionNode | null): Promise<DecisionNode | null> {
  if (!decision) return null;
  const conflicted = !ctx.access.isOfficer && (await ctx.access.conflictedApplicantIds()).has(decision.applicantId);
  return mayViewDecision({ isOfficer: ctx.access.isOfficer, conflicted, published: decision.publishedAt !== null }) ? decision : null;
}

/** Whether the viewer is told of an unpublished decision on this applicant (their conflicts decide). */
export async function seesUnpublishedDecisionsOf(ctx: Context, applicantId: string): Promise<boolean> {
  if (ctx.access.isOfficer) return true;
  return mayViewDecision({ isOfficer: false, conflicted: (await ctx.access.conflictedApplicantIds()).has(applicantId), published: false });
}
