import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLSchema } from 'graphql';
import { signToken } from '../../src/auth/tokens';
import type { Settings } from '../../src/config';
import { openOrm, Orm } from '../../src/db/orm';
import { createLogger, Logger } from '../../src/logger';
import type { Metrics } from '../../src/observability/metrics';
import { TrustedDocuments } from '../../src/server/trusted-documents';
import { repoRoot } from '../../src/db/postgres-server';
import { createSchema } from '../../src/schema';
import { startServer } from '../../src/server';
import { createTestDatabase } from './database';

export const TEST_SECRET = 'test-secret-not-for-production-0123456789';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  /** This test file's own database. */
  databaseUrl: string;
  orm: Orm;
  /** Statements sent to PostgreSQL so far by this server (all connections). */
  sqlStatements(): number;
  tokenFor(userId: string): string;
  metrics: Metrics;
  /** POSTs a GraphQL operation with plain fetch, as a client would; typed when given a generated document. */
  gql<T = any, V = Record<string, unknown>>(query: string | TypedDocumentNode<T, V>, variables?: V, token?: string | null): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

let schema: Promise<GraphQLSchema> | undefined;

/** A real server on a random port, over this test file's own database. */
export interface TestServerOptions {
  liveDelivery?: 'shared' | 'per-subscriber';
  /** Silent unless given (observability tests collect the lines). */
  logger?: Logger;
  metricsToken?: string;
  /** The known clients' manifests, any document allowed, unless given. */
  trustedDocuments?: TrustedDocuments;
  /** Another server's database: a second process on the same data (default: a fresh database). */
  databaseUrl?: string;
  /** The rules' settings (config.ts), the defaults unless given. */
  settings?: Settings;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const orm = await openOrm(databaseUrl, { poolMax: 5 });
  let statements = 0;
  orm.em.getKnex().on('query', () => {
    statements++;
  });
  schema ??= createSchema();
  const server = await startServer({
    orm,
    schema: await schema,
    secret: TEST_SECRET,
    port: 0,
    host: '127.0.0.1',
    logger: options.logger ?? createLogger('silent'),
    liveDelivery: options.liveDelivery,
    settings: options.settings,
    metricsToken: options.metricsToken,
    trustedDocuments: options.trustedDocuments ?? TrustedDocuments.load(repoRoot(), 'off'),
  });
  const url = `http://127.0.0.1:${server.port}/graphql`;

  return {
    url,
    databaseUrl,
    orm,
    sqlStatements: () => statements,
    metrics: server.metrics,
    tokenFor: (userId) => signToken(TEST_SECRET, userId),
    async gql(query, variables, token) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { ...body, status: response.status };
    },
    async stop() {
      await server.stop();
      await orm.close();
    },
  };
}

/** The first error's code and field, for asserting refusals. */
export function refusal(response: GraphQLResponse): { code?: string; field?: string } {
  const error = response.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field };
}
