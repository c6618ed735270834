import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { timestamp } from '../common/scalars';
import { ReferenceNode } from './reference.type';

export function toReference(row: any): ReferenceNode {
  return Object.assign(new ReferenceNode(), {
    id: toGlobalId('Reference', row.id),
    dbId: row.id,
    applicantId: row.applicant_id,
    refereeName: row.referee_name,
    refereeEmail: row.referee_email,
    refereeInstitution: row.referee_institution,
    academic: row.academic,
    status: row.status,
    requestedAt: timestamp(row.created_at),
    receivedAt: timestamp(row.received_at),
  });
}

export async function referencesById(db: Knex, ids: readonly string[]): Promise<ReferenceNode[]> {
  return (await db('reference_letter').whereIn('id', ids)).map(toReference);
}
