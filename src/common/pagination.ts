import type { Knex } from '@mikro-orm/postgresql';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
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
 * Relay connection types for one node type. A cursor holds the ordering's key values of its row
 * (keyset pagination), so it keeps its place when rows are inserted or deleted before it, and
 * stays valid after its own row is gone.
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

/** The Relay arguments every connection takes; a connection's own ArgsType extends this one. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `The first n rows after \`after\` (at most ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor: rows after it.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last n rows before \`before\` (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor: rows before it.' })
  before?: string | null;
}

/** The SQL types a key may have; cursor values are cast back to them. */
export type KeyType = 'text' | 'uuid' | 'timestamptz' | 'integer' | 'numeric' | 'bigint' | 'date';

/**
 * The order of a connection's rows: SQL expressions over the connection's query, most significant
 * first, all in one direction, NOT NULL, and unique together (end with the id).
 */
export interface Ordering {
  /**
   * Cursors carry it: a cursor made under another ordering is refused instead of misread. It names
   * the list as well as the key (`intakes.starts_on:desc`), so a cursor of one list is refused by
   * another whose key has the same shape.
   */
  name: string;
  keys: readonly { sql: string; type: KeyType }[];
  direction: 'asc' | 'desc';
}

/** `list`: the connection's field (`intakes`); `key`: what it orders by (`starts_on`). */
export function ordering(list: string, key: string, direction: 'asc' | 'desc', keys: Ordering['keys']): Ordering {
  return { name: `${list}.${key}:${direction}`, keys, direction };
}

export interface PageRequest {
  ordering: Ordering;
  /** Rows to return (0 is allowed: totals and page info only). */
  limit: number;
  /** `last`: the rows nearest to `before` (or the end), rather than to `after` (or the start). */
  backward: boolean;
  after: string[] | null;
  before: string[] | null;
}

function decodeCursor(field: 'after' | 'before', cursor: string, order: Ordering): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const values = Array.isArray(parsed) ? parsed : [];
  if (values[0] !== order.name || values.length !== order.keys.length + 1 || !values.every((v) => typeof v === 'string')) {
    throw badInput(field, `"${cursor}" is not a cursor of this connection in this order.`);
  }
  return values.slice(1);
}

function encodeCursor(order: Ordering, values: string[]): string {
  return Buffer.from(JSON.stringify([order.name, ...values])).toString('base64url');
}

function pageSize(field: 'first' | 'last', value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) throw badInput(field, `${field} must be between 0 and ${MAX_PAGE_SIZE}.`);
  return value;
}

/** Checks and decodes a connection's arguments. `first` and `last` together are refused: say which end you want. */
export function pageRequest(args: ConnectionArgs, order: Ordering): PageRequest {
  if (args.first != null && args.last != null) throw badInput('last', 'Pass either first or last, not both.');
  const backward = args.last != null;
  return {
    ordering: order,
    limit: backward ? pageSize('last', args.last!) : pageSize('first', args.first ?? DEFAULT_PAGE_SIZE),
    backward,
    after: args.after ? decodeCursor('after', args.after, order) : null,
    before: args.before ? decodeCursor('before', args.before, order) : null,
  };
}

export interface KeysetPage<Row> {
  rows: Row[];
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** `(k1, k2) > (?::t1, ?::t2)` — with every key in one direction, a row comparison is the keyset condition. */
function beyond(keys: string[], order: Ordering, values: string[], side: 'after' | 'before'): { sql: string; bindings: string[] } {
  const greater = (side === 'after') === (order.direction === 'asc');
  const literals = order.keys.map((key) => `?::${key.type}`);
  return { sql: `(${keys.join(', ')}) ${greater ? '>' : '<'} (${literals.join(', ')})`, bindings: values };
}

/**
 * One page of a connection in one statement. `filtered` is the connection's query with its
 * filters and columns (any joins and WHERE clauses, no ORDER BY or LIMIT). To it are added each
 * row's key values as text (the cursors), the cursor bounds, the order and the limit, and two
 * counts computed once for the statement: the total, and the rows on the page's side of its
 * cursor (which says whether there is more beyond the page, and behind it). The page's own rows
 * stay a plain ordered, limited query, so PostgreSQL computes expensive columns for them only.
 * Only a page with no rows costs a second statement, to read the counts.
 */
export async function keysetPage<Row>(db: Knex, filtered: Knex.QueryBuilder, request: PageRequest): Promise<KeysetPage<Row>> {
  const order = request.ordering;
  const keys = order.keys.map((key) => key.sql);
  const count = (condition?: { sql: string; bindings: string[] }) => {
    const rows = filtered.clone().clearSelect().select(db.raw('1'));
    if (condition) rows.whereRaw(condition.sql, condition.bindings);
    return db.count('*').from(rows.as('counted'));
  };
  // Rows after `after` (forward) or before `before` (backward), whatever the other bound.
  const sideCursor = request.backward ? request.before : request.after;
  const side = sideCursor ? beyond(keys, order, sideCursor, request.backward ? 'before' : 'after') : undefined;
  const counts = [db.raw('(?) as total_count', [count()]), ...(side ? [db.raw('(?) as side_count', [count(side)])] : [])];

  const page = filtered
    .clone()
    .select(keys.map((sql, index) => db.raw(`(${sql})::text as cursor_${index}`)))
    .select(counts);
  for (const [bound, values] of [['after', request.after], ['before', request.before]] as const) {
    if (!values) continue;
    const condition = beyond(keys, order, values, bound);
    page.whereRaw(condition.sql, condition.bindings);
  }
  const direction = (order.direction === 'asc') !== request.backward ? 'asc' : 'desc';
  page.orderByRaw(keys.map((key) => `${key} ${direction}`).join(', '));
  // A page of 0 still reads one row: it carries the counts.
  const rows: any[] = await page.limit(Math.max(request.limit, 1));

  const totals: { total_count: unknown; side_count: unknown } = rows[0] ?? (await db.select(counts).first());
  const total = Number(totals.total_count);
  const sideCount = side ? Number(totals.side_count) : total;
  const taken = rows.slice(0, request.limit);
  if (request.backward) taken.reverse();
  const beyondPage = sideCount > taken.length;
  const behindCursor = total - sideCount > 0;
  return {
    rows: taken as Row[],
    cursors: taken.map((row) => encodeCursor(order, order.keys.map((_key, index) => row[`cursor_${index}`]))),
    totalCount: total,
    hasNextPage: request.backward ? behindCursor : beyondPage,
    hasPreviousPage: request.backward ? beyondPage : behindCursor,
  };
}

export function toPage<Row, T>(page: KeysetPage<Row>, toNode: (row: Row) => T): Page<T> {
  const nodes = page.rows.map(toNode);
  const edges = nodes.map((node, index) => ({ cursor: page.cursors[index], node }));
  return {
    edges,
    nodes,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** An empty page, for a viewer who may see no rows at all. */
export function emptyPage<T>(): Page<T> {
  return { edges: [], nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}
