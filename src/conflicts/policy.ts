import { UserRole } from '../auth/user.entity';
import { AppError, badInput, ErrorCode, forbidden } from '../common/errors';

/**
 * Conflicts of interest (DOMAIN.md): a member conflicted with an applicant — declared, or
 * detected from a shared institution or a reference letter, unless an officer cleared it — does
 * not vote on them, sees nothing of their votes, tallies, discussion or unpublished decision, and
 * as chair hands them to a co-chair or an officer. Detection is SQL (conflict.queries.ts); these
 * are the rules over its answer.
 */

/** The one refusal of a conflicted member, whatever they tried (vote, comment, chair a step, read a draft). */
export function conflictOfInterest(reason: string | null, role: 'member' | 'chair' = 'member'): AppError {
  const why = reason ? ` (${reason})` : '';
  const next = role === 'chair' ? ': a co-chair or an officer takes over.' : '.';
  return new AppError(ErrorCode.CONFLICT_OF_INTEREST, `You have a conflict of interest with this applicant${why}${next}`, { field: 'applicantId' });
}

/** Officers act without conflicts of their own (they are not committee members). */
export function conflictRefusal(f: { isOfficer: boolean; conflicts: readonly { reason: string }[] }, role: 'member' | 'chair' = 'member'): AppError | null {
  if (f.isOfficer || f.conflicts.length === 0) return null;
  return conflictOfInterest(f.conflicts[0].reason, role);
}

/** A member declares their own conflicts; an officer declares for any committee member. */
export function declarationRefusal(f: { actorIsOfficer: boolean; actorId: string; memberId: string; memberRole: UserRole }): AppError | null {
  if (!f.actorIsOfficer && f.memberId !== f.actorId) return forbidden('Members declare only their own conflicts of interest.');
  if (f.memberRole !== UserRole.COMMITTEE_MEMBER) return badInput('userId', 'Conflicts of interest are declared for committee members.');
  return null;
}
