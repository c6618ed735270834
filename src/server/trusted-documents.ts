import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { UserRole } from '../auth/user.entity';
import { ErrorCode } from '../common/errors';

/**
 * Trusted documents: the operations of the clients this repository ships, compiled by GraphQL
 * Code Generator's client preset into manifests of sha256 hash → document (`persistedDocuments`
 * in codegen.yml). A client sends the hash instead of the text, the Apollo way
 * (`extensions.persistedQuery.sha256Hash`) or as a `documentId` ("sha256:<hash>"), over HTTP and
 * over WebSocket. With TRUSTED_DOCUMENTS=require, nothing else runs, except for officers, whose
 * tools (Apollo Sandbox, scripts) write their own queries.
 */

/** The manifest of every known client (codegen.yml writes them); a new client adds its own here. */
export const CLIENT_MANIFESTS = ['client/generated/persisted-documents.json', 'src/reporting/client/generated/persisted-documents.json', 'web/src/generated/persisted-documents.json'];

export type TrustedDocumentsMode = 'off' | 'require';

/** What a request says about its document, over HTTP or in a graphql-ws subscribe message. */
export interface DocumentParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | null;
}

/** The policy: who may run a document that is not one of the known clients'. */
export function mayRunAdHocDocuments(viewer: { role: string } | null | undefined, mode: TrustedDocumentsMode): boolean {
  return mode === 'off' || viewer?.role === UserRole.OFFICER;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');


/** APQ cache entries this process registered itself, with TRUSTED_DOCUMENTS=off (Apollo's default behaviour). */
const MAX_REGISTERED = 1000;

function refusal(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

export class TrustedDocuments {
  private readonly registered = new Map<string, string>();

  constructor(
    private readonly documents: ReadonlyMap<string, string>,
    readonly mode: TrustedDocumentsMode,
  ) {}

  /** The known clients' manifests under the repository root (missing ones are skipped: a client not built). */
  static load(root: string, mode: TrustedDocumentsMode, files: readonly string[] = CLIENT_MANIFESTS): TrustedDocuments {
    const documents = new Map<string, string>();
    for (const file of files) {
      const full = path.join(root, file);
      if (!existsSync(full)) continue;
      for (const [hash, text] of Object.entries(JSON.parse(readFileSync(full, 'utf8')) as Record<string, string>)) documents.set(hash, text);
    }
    return new TrustedDocuments(documents, mode);
  }

  get size(): number {
    return this.documents.size;
  }

  /** The persisted id a request names, if any: `documentId` ("sha256:<hex>" or "<hex>") or the APQ extension. */
  idOf(params: DocumentParams): string | undefined {
    const fromDocumentId = typeof params.documentId === 'string' ? params.documentId.replace(/^sha256:/, '') : undefined;
    const fromExtension = params.extensions?.persistedQuery?.sha256Hash;
    const id = fromDocumentId ?? (typeof fromExtension === 'string' ? fromExtension : undefined);
    return id?.toLowerCase();
  }

  /** Whether the request runs one of the known clients' documents: by id, or by sending one's exact text. */
  isTrusted(params: DocumentParams): boolean {
    const id = this.idOf(params);
    if (id !== undefined) return this.documents.has(id) && (typeof params.query !== 'string' || params.query === '' || sha256(params.query) === id);
    return typeof params.query === 'string' && this.documents.has(sha256(params.query));
  }

  /**
   * HTTP, when the context is made (before Apollo parses anything): refuses a document the viewer
   * may not run here.
   */
  admit(params: DocumentParams, viewer: { role: string } | null): void {
    if (mayRunAdHocDocuments(viewer, this.mode) || this.isTrusted(params)) return;
    // An id alone runs nothing ad hoc: Apollo finds it in the manifests or answers PERSISTED_QUERY_NOT_FOUND.
    if (this.idOf(params) !== undefined && (params.query === undefined || params.query === '')) return;
    throw refusal(
      ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
      'This server runs only the operations of its known clients: send a persisted document id (extensions.persistedQuery.sha256Hash).',
    );
  }

  /**
   * graphql-ws: the text to run for a subscribe message — the manifest's for a persisted id (a
   * text sent beside it is never run) — or the refusal.
   */
  queryFor(params: DocumentParams, viewer: { role: string } | null): string | GraphQLError[] {
    const id = this.idOf(params);
    if (id !== undefined) {
      const text = this.documents.get(id);
      return text ?? [refusal(ErrorCode.PERSISTED_QUERY_NOT_FOUND, `No known client has the persisted document ${id}.`)];
    }
    try {
      this.admit(params, viewer);
    } catch (error) {
      return [error as GraphQLError];
    }
    return typeof params.query === 'string' ? params.query : '';
  }

  /**
   * The store behind Apollo's persisted queries: the manifests, then (TRUSTED_DOCUMENTS=off only)
   * what clients registered with automatic persisted queries, bounded.
   */
  apqCache() {
    const key = (k: string) => k.replace(/^apq:/, '');
    return {
      get: async (k: string) => this.documents.get(key(k)) ?? this.registered.get(key(k)),
      set: async (k: string, value: string) => {
        if (this.mode === 'require' || this.documents.has(key(k))) return;
        if (this.registered.size >= MAX_REGISTERED) this.registered.delete(this.registered.keys().next().value!);
        this.registered.set(key(k), value);
      },
      delete: async (k: string) => this.registered.delete(key(k)),
    };
  }

  /**
   * Express middleware before Apollo: a `documentId` (the GraphQL-over-HTTP persisted documents
   * convention) becomes the APQ extension Apollo reads, in a POST body and in a GET's URL.
   */
  readonly acceptDocumentIds = (req: IncomingMessage & { body?: any }, _res: unknown, next: () => void): void => {
    if (req.method === 'POST' && req.body && typeof req.body === 'object' && req.body.documentId !== undefined) {
      const id = this.idOf(req.body);
      delete req.body.documentId;
      if (id !== undefined) req.body.extensions = { ...req.body.extensions, persistedQuery: { version: 1, sha256Hash: id } };
    } else if (req.method === 'GET' && req.url?.includes('documentId=')) {
      const url = new URL(req.url, 'http://localhost');
      const id = this.idOf({ documentId: url.searchParams.get('documentId') ?? undefined });
      url.searchParams.delete('documentId');
      if (id !== undefined) url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }));
      req.url = `${url.pathname}${url.search}`;
    }
    next();
  };

  /** The document parameters of an HTTP request, as Apollo will read them (body, or a GET's URL). */
  static paramsOf(req: IncomingMessage & { body?: any }): DocumentParams {
    if (req.method !== 'GET') return req.body && typeof req.body === 'object' ? req.body : {};
    const search = new URL(req.url ?? '/', 'http://localhost').searchParams;
    let extensions: DocumentParams['extensions'];
    try {
      extensions = JSON.parse(search.get('extensions') ?? 'null');
    } catch {
      extensions = undefined; // Apollo answers a malformed one itself
    }
    return { query: search.get('query') ?? undefined, extensions };
  }
}

