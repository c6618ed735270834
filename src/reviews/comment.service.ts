import type { Context } from '../context';
import { CommitteeMember } from '../committees/committee-member.entity';
import { conflictsBetween } from '../conflicts/conflict.queries';
import { AppError, ErrorCode, forbidden, invalidState } from '../common/errors';
import { inTransaction } from '../common/transaction';
import { requireText } from '../common/validation';
import { SessionEventType } from '../events/session-event.entity';
import { CommentVisibility, SessionComment } from './comment.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { ReviewSession, SessionStatus } from './review-session.entity';
import { agendaItemOf } from './session-flow.service';

export async function postComment(ctx: Context, sessionId: string, applicantId: string, body: string, visibility: CommentVisibility): Promise<string> {
  const me = ctx.user!;
  return inTransaction(ctx, async (em, events) => {
    const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', sessionId, 'sessionId');
    if (!ctx.access.isOfficer && !(await em.count(CommitteeMember, { committee: session.committee, user: me.id }))) {
      throw forbidden('Only members of the committee of this session discuss its applicants.');
    }
    if (session.status !== SessionStatus.OPEN) throw invalidState(`The session is ${session.status.toLowerCase()}.`, 'sessionId');
    const { applicant } = await agendaItemOf(em, session, applicantId);
    if ((await conflictsBetween(em, me.id, applicant.id)).length > 0) {
      throw new AppError(ErrorCode.CONFLICT, 'You have a conflict of interest with this applicant.', { field: 'applicantId', reason: 'CONFLICT_OF_INTEREST' });
    }
    const comment = em.create(SessionComment, { session, applicant, author: me.id, visibility, body: requireText('body', body, 5000) });
    events.record(session.id, SessionEventType.COMMENT_POSTED, {
      applicantId: applicant.id,
      data: { commentId: comment.id, visibility, authorId: me.id },
    });
    return comment.id;
  });
}
