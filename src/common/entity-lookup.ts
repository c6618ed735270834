import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from './errors';
import { fromGlobalId, NodeType } from './global-id';

/** Loads the entity a global ID names, for a write; an unknown or foreign ID is NOT_FOUND on that field. */
export async function findByGlobalId<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  type: NodeType,
  globalId: string,
  field: string,
): Promise<T> {
  const id = fromGlobalId(type, globalId, field);
  const found = await em.findOne(entity, { id } as FilterQuery<T>);
  if (!found) throw notFound(type, globalId, field);
  return found;
}
