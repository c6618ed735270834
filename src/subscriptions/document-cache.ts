import { DocumentNode, GraphQLError, GraphQLSchema, parse, validate } from 'graphql';
import { ErrorCode } from '../common/errors';

/** Longer documents are parsed each time: no client can pin large texts in the cache. */
const MAX_CACHED_LENGTH = 16 * 1024;

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
  ) {}

  get(query: string): PreparedDocument {
    const known = this.entries.get(query);
    if (known) return known;
    const cacheable = query.length <= MAX_CACHED_LENGTH;
    let prepared: PreparedDocument;
    try {
      const document = parse(query);
      prepared = { id: this.nextId++, document, errors: validate(this.schema, document).map((error) => coded(error, ErrorCode.GRAPHQL_VALIDATION_FAILED)) };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      prepared = { id: 0, document: { kind: 'Document', definitions: [] } as unknown as DocumentNode, errors: [coded(error, ErrorCode.GRAPHQL_PARSE_FAILED)] };
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
