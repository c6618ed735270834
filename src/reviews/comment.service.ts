import type { Context } from '../context';
import { CAPS, ensureRoom } from '../common/caps';
import { CommitteeMember } from '../committees/committee-member.entity';
import { conflictsBetween } from '../conflicts/conflict.queries';
import { findByGlobalId } from '../common/entity-lookup';
import { inTransaction } from '../common/transaction';
import { requireText } from '../common/validation';
import { Applicant } from '../applicants/applicant.entity';
import { SessionEventType } from '../events/session-event.entity';
import { AgendaItem } from './agenda-item.entity';
import { CommentVisibility, SessionComment } from './comment.entity';
import { commentRefusal } from './policy';
import { ReviewSession } from './review-session.entity';

export async function postComment(ctx: Context, sessionId: string, applicantId: string, body: string, visibility: CommentVisibility): Promise<string> {
  const me = ctx.user!;
  return inTransaction(ctx, async (em, events) => {
    const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', sessionId, 'sessionId');
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    // One after another: the transaction's statements share its connection.
    const seats = await em.count(CommitteeMember, { committee: session.committee, user: me.id });
    const item = await em.findOne(AgendaItem, { session, applicant });
    const conflicts = await conflictsBetween(em, me.id, applicant.id);
    const refusal = commentRefusal({
      isOfficer: ctx.access.isOfficer,
      sitsOnSession: seats > 0,
      sessionStatus: session.status,
      onAgenda: item !== null,
      conflictReason: conflicts[0]?.reason ?? null,
    });
    if (refusal) throw refusal;
    await ensureRoom(em, CAPS.commentsPerAgendaItem, item!, () => em.count(SessionComment, { session, applicant }));
    const comment = em.create(SessionComment, { session, applicant, author: me.id, visibility, body: requireText('body', body, 5000) });
    events.record(session.id, SessionEventType.COMMENT_POSTED, {
      applicantId: applicant.id,
      data: { commentId: comment.id, visibility, authorId: me.id },
    });
    return comment.id;
  });
}
