import { badInput, notFound } from './errors';

/**
 * Relay global object IDs: base64url("<Type>:<uuid>"). Opaque to clients, and they tell
 * `node(id:)` which table to read. NodeType: the types that implement Node (node(id:) has a
 * fetcher for each); GlobalIdType adds the ones that carry a global ID without being Nodes.
 */
export type NodeType =
  | 'Program'
  | 'RubricCriterion'
  | 'Intake'
  | 'ReviewWeek'
  | 'Applicant'
  | 'Document'
  | 'Reference'
  | 'Portfolio'
  | 'PortfolioItem'
  | 'Committee'
  | 'CommitteeMember'
  | 'User'
  | 'ReviewSession'
  | 'AgendaItem'
  | 'Vote'
  | 'Comment'
  | 'Decision'
  | 'DecisionCondition';

/** A sign-in session is addressed by its ID (to revoke it), but is not refetched through node(id:). */
export type GlobalIdType = NodeType | 'SignInSession';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: GlobalIdType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function parseGlobalId(globalId: string, field = 'id'): { type: GlobalIdType; id: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon) as GlobalIdType;
  const id = decoded.slice(colon + 1);
  if (colon < 1 || !UUID.test(id)) throw badInput(field, `"${globalId}" is not a valid ID.`);
  return { type, id };
}

/** Decodes an ID that must name an object of `type`; any other type is not found, not a crash. */
export function fromGlobalId(type: GlobalIdType, globalId: string, field = 'id'): string {
  const parsed = parseGlobalId(globalId, field);
  if (parsed.type !== type) throw notFound(type, globalId, field);
  return parsed.id;
}
