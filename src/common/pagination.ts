import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Relay connection types for one node type. Cursors encode a position in the requested
 * ordering; they stay valid for that ordering and filter.
 */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements Page<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return { Edge, Connection };
}

export interface PageRequest {
  offset: number;
  limit: number;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 0 and ${MAX_PAGE_SIZE}.`);
  }
  if (!after) return { offset: 0, limit };
  const match = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw badInput('after', `"${after}" is not a cursor returned by this connection.`);
  return { offset: Number(match[1]) + 1, limit };
}

/**
 * The total of a page read with `count(*) over ()`. A page past the end has no row to carry it,
 * so only then is it counted again (`recount`, the same query from the start).
 */
export async function windowTotal(rows: { total_count?: unknown }[], offset: number, recount: () => Promise<number>): Promise<number> {
  if (rows.length > 0) return Number(rows[0].total_count);
  return offset === 0 ? 0 : recount();
}

export function toPage<T>(nodes: T[], totalCount: number, request: PageRequest): Page<T> {
  const edges = nodes.map((node, index) => ({ cursor: encodeCursor(request.offset + index), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: request.offset + nodes.length < totalCount,
      hasPreviousPage: request.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
