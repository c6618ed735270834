import { badInput, notFound } from './errors';

/**
 * Relay global object IDs: base64url("<Type>:<uuid>"). Opaque to clients, and they tell
 * `node(id:)` which table to read.
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function parseGlobalId(globalId: string, field = 'id'): { type: NodeType; id: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon) as NodeType;
  const id = decoded.slice(colon + 1);
  if (colon < 1 || !UUID.test(id)) throw badInput(field, `"${globalId}" is not a valid ID.`);
  return { type, id };
}

/** Decodes an ID that must name an object of `type`; any other type is not found, not a crash. */
export function fromGlobalId(type: NodeType, globalId: string, field = 'id'): string {
  const parsed = parseGlobalId(globalId, field);
  if (parsed.type !== type) throw notFound(type, globalId, field);
  return parsed.id;
}
