import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { timestamp } from '../common/scalars';
import { DocumentNode } from './document.type';

export function toDocument(row: any): DocumentNode {
  return Object.assign(new DocumentNode(), {
    id: toGlobalId('Document', row.id),
    dbId: row.id,
    applicantId: row.applicant_id,
    kind: row.kind,
    fileName: row.file_name,
    quality: row.quality,
    uploadedAt: timestamp(row.created_at),
  });
}

export async function documentsById(db: Knex, ids: readonly string[]): Promise<DocumentNode[]> {
  return (await db('applicant_document').whereIn('id', ids)).map(toDocument);
}
