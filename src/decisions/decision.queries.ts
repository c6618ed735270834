import type { Knex } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { timestamp } from '../common/scalars';
import { DecisionNode } from './decision.type';

export function toDecision(row: any): DecisionNode {
  return Object.assign(new DecisionNode(), {
    id: toGlobalId('Decision', row.id),
    dbId: row.id,
    applicantId: row.applicant_id,
    sessionId: row.session_id,
    outcome: row.outcome,
    conditions: row.conditions,
    reason: row.reason,
    scholarshipPercent: row.scholarship_percent,
    decidedAt: timestamp(row.created_at),
    publishedAt: timestamp(row.published_at),
    tuitionPaidAt: timestamp(row.tuition_paid_at),
    letterIssuedAt: timestamp(row.letter_issued_at),
  });
}

export async function decisionsById(db: Knex, ids: readonly string[]): Promise<DecisionNode[]> {
  return (await db('decision').whereIn('id', ids)).map(toDecision);
}
