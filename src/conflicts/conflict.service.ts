import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { mayViewApplicant } from '../applicants/applicant.service';
import { User } from '../auth/user.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { fromGlobalId } from '../common/global-id';
import { conflict, forbidden, notFound } from '../common/errors';
import { inTransaction } from '../common/transaction';
import { announceApplicantAccessChanged } from '../events/access-changes';
import { requireText } from '../common/validation';
import { ConflictOfInterest, ConflictSource } from './conflict.entity';
import { conflictsBetween, EffectiveConflict } from './conflict.queries';
import { declarationRefusal } from './policy';

/** A member declares their own conflicts; an officer may declare one for any member (conflicts/policy.ts). */
export async function declareConflict(ctx: Context, userId: string, applicantId: string, reason: string): Promise<EffectiveConflict> {
  // Checked before the transaction: it reads through the request's loaders, not the transaction.
  if (!ctx.access.isOfficer && !(await mayViewApplicant(ctx, fromGlobalId('Applicant', applicantId, 'applicantId')))) {
    throw forbidden('This applicant is not on the agenda of a session you sit on.');
  }
  return inTransaction(ctx, async (em, events) => {
    const user = await findByGlobalId(em, User, 'User', userId, 'userId');
    const refusal = declarationRefusal({ actorIsOfficer: ctx.access.isOfficer, actorId: ctx.user!.id, memberId: user.id, memberRole: user.role });
    if (refusal) throw refusal;
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    const text = requireText('reason', reason, 1000);
    const existing = await em.findOne(ConflictOfInterest, { user, applicant, source: ConflictSource.DECLARED });
    if (existing && !existing.clearedAt) throw conflict('This conflict of interest is already declared.', 'applicantId');
    if (existing) em.assign(existing, { reason: text, clearedAt: null, clearedBy: null, declaredBy: ctx.user!.id });
    else em.create(ConflictOfInterest, { user, applicant, source: ConflictSource.DECLARED, reason: text, declaredBy: ctx.user!.id });
    // The member's live subscriptions about this applicant end, in every process.
    await announceApplicantAccessChanged(em, events, applicant.id);
    return { userId: user.id, applicantId: applicant.id, source: ConflictSource.DECLARED, reason: text };
  });
}

/**
 * An officer clears a conflict: a declared one is marked cleared; a detected one gets a
 * clearance row, which the detection query honours.
 */
export async function clearConflict(ctx: Context, userId: string, applicantId: string, source: ConflictSource, reason: string): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const user = await findByGlobalId(em, User, 'User', userId, 'userId');
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    const text = requireText('reason', reason, 1000);
    const inForce = await conflictsBetween(em, user.id, applicant.id);
    if (!inForce.some((c) => c.source === source)) throw notFound(`Conflict (${source}) between user`, userId, 'source');
    const now = new Date();
    if (source === ConflictSource.DECLARED) {
      const row = await em.findOneOrFail(ConflictOfInterest, { user, applicant, source });
      em.assign(row, { clearedAt: now, clearedBy: ctx.user!.id });
    } else {
      em.create(ConflictOfInterest, { user, applicant, source, reason: text, clearedAt: now, clearedBy: ctx.user!.id, declaredBy: null });
    }
    return applicant.id;
  });
}
