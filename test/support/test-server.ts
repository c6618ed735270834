import 'reflect-metadata';
import type { BackpressureOptions } from '../../src/subscriptions/backpressure';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLSchema } from 'graphql';
import { SignInMethod } from '../../src/auth/auth-session.entity';
import { accessTokenFor, openSession } from '../../src/auth/sessions';
import type { AuthConfig } from '../../src/config';
import { defaultAbuseConfig, type AbuseConfig, type Settings } from '../../src/config';
import { openOrm, Orm } from '../../src/db/orm';
import { createLogger, Logger } from '../../src/logger';
import type { Metrics } from '../../src/observability/metrics';
import { TrustedDocuments } from '../../src/server/trusted-documents';
import { repoRoot } from '../../src/db/postgres-server';
import { createSchema } from '../../src/schema';
import { startServer } from '../../src/server';
import { DEFAULT_LIMITS, type QueryLimits } from '../../src/server/limits/query-limits';
import { createTestDatabase } from './database';

export const TEST_SECRET = 'test-secret-not-for-production-0123456789';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** A token, or the promise `tokenFor` returns. */
export type TokenLike = string | Promise<string> | null | undefined;

export interface TestServer {
  url: string;
  /** This test file's own database. */
  databaseUrl: string;
  orm: Orm;
  /** Statements sent to PostgreSQL so far by this server (all connections). */
  sqlStatements(): number;
  /**
   * An access token of a session of this user (opened as `npm run token` does), one session per
   * user and server: tests that end sessions sign in for themselves (test/auth/sign-in.test.ts).
   */
  tokenFor(userId: string): Promise<string>;
  metrics: Metrics;
  /** POSTs a GraphQL operation with plain fetch, as a client would; typed when given a generated document. */
  gql<T = any, V = Record<string, unknown>>(query: string | TypedDocumentNode<T, V>, variables?: V, token?: TokenLike): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

let schema: Promise<GraphQLSchema> | undefined;

/** A real server on a random port, over this test file's own database. */
export interface TestServerOptions {
  liveDelivery?: 'shared' | 'per-subscriber';
  auth?: Partial<AuthConfig>;
  signInCheckMs?: number;
  /** Silent unless given (observability tests collect the lines). */
  logger?: Logger;
  metricsToken?: string;
  /** The known clients' manifests, any document allowed, unless given. */
  trustedDocuments?: TrustedDocuments;
  /** Another server's database: a second process on the same data (default: a fresh database). */
  databaseUrl?: string;
  /** The rules' settings (config.ts), the defaults unless given. */
  settings?: Settings;
  /** LIVE_MAX_BUFFERED_BYTES / LIVE_STALLED_CLOSE_MS, the defaults unless given. */
  backpressure?: Partial<BackpressureOptions>;
  /**
   * Rate limits, caps and exposure (config.ts AbuseConfig): unset parts are the product's defaults,
   * except the two rate limits, which are generous here (tests create hundreds of mutations in
   * seconds from one user and address); test/abuse sets small ones.
   */
  abuse?: Partial<AbuseConfig>;
  /** Query limits over the defaults (server/limits/query-limits.ts). */
  limits?: Partial<QueryLimits>;
  /** STATEMENT_TIMEOUT_MS of this server's pool (default: none). */
  statementTimeoutMs?: number;
}

const GENEROUS_RATE_LIMITS = { mutations: { points: 100_000, seconds: 60 }, authFailures: { points: 100_000, seconds: 60 }, queryCost: { points: 1_000_000_000, seconds: 60 }, queryCostAtOnce: 0 };

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const orm = await openOrm(databaseUrl, { poolMax: 5, statementTimeoutMs: options.statementTimeoutMs });
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
    metricsToken: options.metricsToken,
    trustedDocuments: options.trustedDocuments ?? TrustedDocuments.load(repoRoot(), 'off'),
    auth: options.auth,
    signInCheckMs: options.signInCheckMs,
    settings: options.settings,
    backpressure: options.backpressure,
    abuse: { ...defaultAbuseConfig(), ...GENEROUS_RATE_LIMITS, ...options.abuse },
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  const tokens = new Map<string, Promise<string>>();

  return {
    url,
    databaseUrl,
    orm,
    sqlStatements: () => statements,
    metrics: server.metrics,
    tokenFor(userId) {
      let token = tokens.get(userId);
      if (!token) {
        token = openSession(orm.em.getKnex(), { userId, method: SignInMethod.CLI, hours: 12, userAgent: 'test' }).then(
          async (session) => (await accessTokenFor(TEST_SECRET, { userId, sessionId: session.sessionId }, 60)).token,
        );
        tokens.set(userId, token);
      }
      return token;
    },
    async gql(query, variables, tokenLike) {
      const token = await tokenLike;
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
