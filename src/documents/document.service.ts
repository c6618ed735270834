import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { inTransaction } from '../common/transaction';
import { requireText } from '../common/validation';
import { assertAgendasStillStand } from '../reviews/agenda.guard';
import { ApplicantDocument, DocumentKind, DocumentQuality } from './document.entity';

export async function addDocument(ctx: Context, applicantId: string, kind: DocumentKind, fileName: string, quality: DocumentQuality): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    const document = em.create(ApplicantDocument, { applicant, kind, fileName: requireText('fileName', fileName, 255), quality });
    await assertAgendasStillStand(em, { applicantIds: [applicant.id] }, 'quality');
    return document.id;
  });
}

/** Records the officer's check of a document: scanned, or photographed (which makes the application improper). */
export async function setDocumentQuality(ctx: Context, id: string, quality: DocumentQuality): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const document = await findByGlobalId(em, ApplicantDocument, 'Document', id, 'id');
    document.quality = quality;
    // A photographed document makes the application improper: not while it stands on an open agenda.
    await assertAgendasStillStand(em, { applicantIds: [document.applicant.id] }, 'quality');
    return document.id;
  });
}

export async function removeDocument(ctx: Context, id: string): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const document = await findByGlobalId(em, ApplicantDocument, 'Document', id, 'id');
    em.remove(document);
    return document.applicant.id;
  });
}
