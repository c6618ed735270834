import type { Context } from '../context';
import { CAPS, ensureRoom } from '../common/caps';
import { Applicant } from '../applicants/applicant.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { conflict, invalidState } from '../common/errors';
import { inTransaction } from '../common/transaction';
import { announceApplicantAccessChanged } from '../events/access-changes';
import { requireEmail, requireText } from '../common/validation';
import { watchAgendas } from '../reviews/agenda.guard';
import { ReferenceLetter, ReferenceStatus } from './reference.entity';

export interface RequestReference {
  applicantId: string;
  refereeName: string;
  refereeEmail: string;
  refereeInstitution: string;
  academic: boolean;
}

export async function requestReference(ctx: Context, input: RequestReference): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', input.applicantId, 'applicantId');
    const refereeEmail = requireEmail('refereeEmail', input.refereeEmail);
    await ensureRoom(em, CAPS.referencesPerApplicant, applicant, () => em.count(ReferenceLetter, { applicant }));
    if (await em.count(ReferenceLetter, { applicant, refereeEmail })) {
      throw conflict('This referee already has a reference for this applicant.', 'refereeEmail');
    }
    const reference = em.create(ReferenceLetter, {
      applicant,
      refereeName: requireText('refereeName', input.refereeName),
      refereeEmail,
      refereeInstitution: requireText('refereeInstitution', input.refereeInstitution),
      academic: input.academic,
    });
    // A referee who sits on a committee is now conflicted with the applicant (conflict.queries.ts).
    await announceApplicantAccessChanged(em, events, applicant.id);
    return reference.id;
  });
}

/** requested → received; receiving twice is refused so the received time stays the first one. */
export async function markReferenceReceived(ctx: Context, id: string): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const reference = await findByGlobalId(em, ReferenceLetter, 'Reference', id, 'id');
    if (reference.status === ReferenceStatus.RECEIVED) throw invalidState('This reference letter was already received.', 'id');
    reference.status = ReferenceStatus.RECEIVED;
    reference.receivedAt = new Date();
    return reference.id;
  });
}

export async function removeReference(ctx: Context, id: string): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const reference = await findByGlobalId(em, ReferenceLetter, 'Reference', id, 'id');
    // Fewer letters than the program requires may keep the applicant off an agenda they are on.
    const agendas = await watchAgendas(em, { applicantIds: [reference.applicant.id] });
    em.remove(reference);
    await agendas.assertStillStand('id');
    return reference.applicant.id;
  });
}
