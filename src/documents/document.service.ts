import type { Context } from '../context';
import { CAPS, ensureRoom } from '../common/caps';
import { Applicant } from '../applicants/applicant.entity';
import { findByGlobalId } from '../common/entity-lookup';
import { inTransaction } from '../common/transaction';
import { requireText } from '../common/validation';
import { watchAgendas } from '../reviews/agenda.guard';
import { ApplicantDocument, DocumentKind, DocumentQuality } from './document.entity';

export async function addDocument(ctx: Context, applicantId: string, kind: DocumentKind, fileName: string, quality: DocumentQuality): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    const agendas = await watchAgendas(em, { applicantIds: [applicant.id] });
    await ensureRoom(em, CAPS.documentsPerApplicant, applicant, () => em.count(ApplicantDocument, { applicant }));
    const document = em.create(ApplicantDocument, { applicant, kind, fileName: requireText('fileName', fileName, 255), quality });
    await agendas.assertStillStand('quality');
    return document.id;
  });
}

/** Records the officer's check of a document: scanned, or photographed (which makes the application improper). */
export async function setDocumentQuality(ctx: Context, id: string, quality: DocumentQuality): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const document = await findByGlobalId(em, ApplicantDocument, 'Document', id, 'id');
    // A photographed document makes the application improper: not while it stands on an open agenda.
    const agendas = await watchAgendas(em, { applicantIds: [document.applicant.id] });
    document.quality = quality;
    await agendas.assertStillStand('quality');
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
