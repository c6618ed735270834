import { DocumentNode, GraphQLError, GraphQLSchema, parse, validate } from 'graphql';
import type { QueryLimiter } from '../server/limits/query-limits';
import { ErrorCode } from '../common/errors';

/** Longer documents are parsed each time: no client can pin large texts in the cache. */
const MAX_CACHED_LENGTH = 16 * 1024;

const EMPTY = { kind: 'Document', definitions: [] } as unknown as DocumentNode;

export interface PreparedDocument {
  /** Small and stable: part of the key that groups subscribers who run the same operation. */
  id: number;
  document: DocumentNode;
  errors: readonly GraphQLError[];
}

/**
 * Parsed and validated subscription documents by their text. Thousands of clients subscribe
 * with the same few documents; parsing and validating each one again was the slowest part of
 * connecting them (NOTES.md: 10,000 clients took 8–18 s). Bounded: the oldest entry goes first.
 */
export class DocumentCache {
  private readonly entries = new Map<string, PreparedDocument>();
  private nextId = 1;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly capacity = 1000,
    /** The query limits a document must keep (the variables-dependent cost is checked per subscription). */
    private readonly limiter?: QueryLimiter,
  ) {}

  get(query: string): PreparedDocument {
    const known = this.entries.get(query);
    if (known) return known;
    const cacheable = query.length <= MAX_CACHED_LENGTH;
    let prepared: PreparedDocument;
    const tooLong = this.limiter?.checkText(query);
    if (tooLong) return { id: 0, document: EMPTY, errors: [tooLong] };
    try {
      const document = parse(query);
      const errors = validate(this.schema, document).map((error) => coded(error, ErrorCode.GRAPHQL_VALIDATION_FAILED));
      const refusal = errors.length === 0 ? this.limiter?.checkDocument(document) : null;
      prepared = { id: this.nextId++, document, errors: refusal ? [refusal] : errors };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      prepared = { id: 0, document: EMPTY, errors: [coded(error, ErrorCode.GRAPHQL_PARSE_FAILED)] };
    }
    if (!cacheable) return prepared;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(query, prepared);
    return prepared;
  }
}

/**
 * graphql-js's own errors carry no code: coded as Apollo codes them over HTTP, so the client can
 * tell its document is wrong, and formatError does not take them for a bug.
 */
function coded(error: GraphQLError, code: ErrorCode): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
