import { DocumentNode, GraphQLError, GraphQLSchema, parse, validate } from 'graphql';

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
      prepared = { id: this.nextId++, document, errors: validate(this.schema, document) };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      prepared = { id: 0, document: { kind: 'Document', definitions: [] } as unknown as DocumentNode, errors: [error] };
    }
    if (!cacheable) return prepared;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(query, prepared);
    return prepared;
  }
}
