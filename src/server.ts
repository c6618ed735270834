import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { DocumentNode, ExecutionResult, FormattedExecutionResult, getOperationAST, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from './common/errors';
import { mapDatabaseError } from './common/database-errors';
import { inputProblem } from './common/input-limits';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { readAuditPlugin } from './audit/audit-plugin';
import { readEntry, recordAudit, rootFieldsOf } from './audit/audit-recorder';
import { AuthUser } from './auth/access';
import { authRoutes } from './auth/auth-routes';
import { scoresCsvRoute } from './reporting/scores-csv.route';
import { createAuthenticator } from './auth/authenticate';
import { LiveSessions } from './auth/live-sessions';
import { OidcIssuer } from './auth/oidc';
import { bearerToken } from './auth/tokens';
import type { AuthConfig } from './config';
import { Context, contextFactory } from './context';
import type { Orm } from './db/orm';
import { PostgresWakeChannel } from './events/postgres-wake-channel';
import { SessionEventBus } from './events/session-event-bus';
import { InProcessWakeChannel } from './events/wake-channel';
import { LiveFanout } from './reviews/live/live-fanout';
import { Backpressure, BackpressureOptions, DEFAULT_BACKPRESSURE } from './subscriptions/backpressure';
import { DocumentCache } from './subscriptions/document-cache';
import type { Logger } from './logger';
import { bindResponse, observeHttp, operationObservation } from './observability/http-observation';
import { Metrics, PoolLike } from './observability/metrics';
import { metricsEndpoint } from './observability/metrics-endpoint';
import { assignRequestId, requestIdOf, requestIdOfError } from './observability/request-id';
import { SocketObservation } from './observability/socket-observation';
import { metricsCollector } from './server/cluster-metrics';
import { legacyJsonStatus } from './server/http-conventions';
import { HttpDrain } from './server/http-drain';
import { healthRoutes } from './server/health';
import { inputChecks, serviceUnavailableStatus } from './server/honest-errors';
import { migrationsList } from '../migrations';
import { TrustedDocuments } from './server/trusted-documents';
import { webClient } from './server/web-client';
import { repoRoot } from './db/postgres-server';
import { DEFAULT_SETTINGS, defaultAbuseConfig, type AbuseConfig, type Settings } from './config';
import { corsPolicy, introspectionRefusal, landingPage, securityHeaders } from './server/exposure';
import { RateLimits, upgradeClientIp } from './server/rate-limits';
import { closeIfRateLimited, SocketLimits } from './server/socket-limits';
import { queryLimitsPlugin } from './server/limits/limits-plugin';
import { DEFAULT_LIMITS, QueryLimiter, withoutSuggestions, type QueryLimits } from './server/limits/query-limits';

export interface ServerOptions {
  orm: Orm;
  schema: GraphQLSchema;
  secret: string;
  port: number;
  host?: string;
  logger: Logger;
  /**
   * How server processes on the same database wake each other: PostgreSQL LISTEN/NOTIFY (the
   * default), or in-process only when this is the only server.
   */
  wake?: 'postgres' | 'in-process';
  /** See Config.liveDelivery; `shared` unless told otherwise. */
  liveDelivery?: 'shared' | 'per-subscriber';
  /** See Config.settings; the defaults unless told otherwise. */
  settings?: Settings;
  /** Unset: /metrics answers loopback requests only. */
  metricsToken?: string;
  /** The known clients' documents; none (and any document runs) unless given. */
  trustedDocuments?: TrustedDocuments;
  /** Sign-in (Config.auth); unset parts: passwords on, demo sign-in and OpenID Connect off, 15-minute tokens, 12-hour sessions. */
  auth?: Partial<AuthConfig>;
  /** RETENTION_MONTHS (default 24). */
  defaultRetentionMonths?: number;
  /** What one operation may ask for (Config.limits); graphql-armor's defaults, loosened as the README says, unless given. */
  limits?: QueryLimits;
  /** How often live sockets are checked against ended sign-ins in the database, should a wake-up be lost (default a minute). */
  signInCheckMs?: number;
  /** SHUTDOWN_DRAIN_MS (default 10 s): see server/http-drain.ts. */
  drainMs?: number;
  /** LIVE_MAX_BUFFERED_BYTES and LIVE_STALLED_CLOSE_MS: see subscriptions/backpressure.ts. */
  backpressure?: Partial<BackpressureOptions>;
  /** Rate limits, socket caps, introspection, Sandbox and CORS (Config.abuse); the product defaults, with introspection and Sandbox on, unless given. */
  abuse?: AbuseConfig;
}

const DEFAULT_AUTH: AuthConfig = { publicUrl: undefined, accessTokenMinutes: 15, sessionHours: 12, passwordSignIn: true, demoSignIn: false, oidc: null };

/** graphql-ws clients send the token in connection_init: `{ authorization: 'Bearer …' }` (or `{ token }`). */
function tokenHeader(params: Record<string, unknown> | undefined): string | null {
  const value = params?.authorization ?? params?.Authorization ?? (params?.token ? `Bearer ${params.token}` : null);
  return typeof value === 'string' && bearerToken(value) ? value : null;
}

const operationNameOf = (document: DocumentNode) => getOperationAST(document)?.name?.value ?? null;
const operationTypeOf = (document: DocumentNode, name?: string | null) => getOperationAST(document, name)?.operation ?? 'none';

export interface RunningServer {
  url: string;
  port: number;
  metrics: Metrics;
  stop(): Promise<void>;
}

/**
 * Expected refusals reach the client as they are; anything else is masked and logged with an id,
 * beside the request's id (tagged on the error by the request's plugin, or given).
 */
export function formatError(logger: Logger, metrics?: Metrics, suggestions = true) {
  return (formatted: GraphQLFormattedError, error: unknown, requestId = requestIdOfError(error)): GraphQLFormattedError => {
    const original = mapDatabaseError(unwrapResolverError(error));
    if (original instanceof GraphQLError) {
      // Apollo's own refusals of a request (a persisted id with another text) carry a 4xx status and no code.
      const status = (original.extensions?.http as { status?: number } | undefined)?.status;
      const code = original.extensions?.code ?? (status && status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : formatted.extensions?.code);
      if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        metrics?.countError(String(code));
        // `http` is for Apollo (the status to answer with), not for the client.
        const { http: _http, ...extensions } = original.extensions;
        return { ...formatted, message: suggestions ? original.message : withoutSuggestions(original.message), extensions: { ...extensions, code } };
      }
    }
    metrics?.countError(ErrorCode.INTERNAL_SERVER_ERROR);
    const errorId = randomBytes(5).toString('hex');
    logger.error(`Internal error ${errorId} at ${formatted.path?.join('.') || '(request)'}`, { errorId, requestId, err: original });
    return {
      message: `Internal server error (reference ${errorId}).`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
    };
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const drain = new HttpDrain(httpServer);
  const db = options.orm.em.getKnex();
  const abuse = options.abuse ?? defaultAbuseConfig();
  const rateLimits = new RateLimits(db, abuse);
  const socketLimits = new SocketLimits(abuse, rateLimits);
  const channel =
    options.wake === 'in-process'
      ? new InProcessWakeChannel()
      : new PostgresWakeChannel(options.orm.config.get('clientUrl')!, options.logger);
  const metrics = new Metrics();
  const backpressure = new Backpressure({ ...DEFAULT_BACKPRESSURE, ...options.backpressure }, metrics);
  metrics.watchPool(() => (db.client as { pool?: PoolLike }).pool);
  const bus = new SessionEventBus(db, channel, options.logger, metrics);
  await bus.start();
  const fanout = new LiveFanout(db, options.logger, metrics);
  const auth = { ...DEFAULT_AUTH, ...options.auth };
  const liveSessions = new LiveSessions(
    db,
    options.wake === 'in-process' ? new InProcessWakeChannel() : new PostgresWakeChannel(options.orm.config.get('clientUrl')!, options.logger, 2, 'conclave_sign_ins_ended'),
    options.logger,
    options.signInCheckMs,
  );
  await liveSessions.start();
  const oidc = auth.oidc ? new OidcIssuer(auth.oidc, options.secret, options.logger) : null;
  const authenticate = rateLimits.guardAuthentication(
    createAuthenticator({ db, secret: options.secret, oidc, passwordSignIn: auth.passwordSignIn, demoSignIn: auth.demoSignIn }),
    (credentials) => typeof credentials === 'object' && credentials?.kind === 'password',
  );
  const createContext = contextFactory(options.orm, authenticate, bus, fanout, {
    auth: { passwordSignIn: auth.passwordSignIn, ended: (which) => liveSessions.ended(which) },
    defaultRetentionMonths: options.defaultRetentionMonths ?? 24,
  }, options.settings ?? DEFAULT_SETTINGS);
  // Known once the server listens, unless configured (PUBLIC_URL).
  let publicUrl = auth.publicUrl;
  // One set of limits for both transports (server/limits/): HTTP by Apollo's plugin, WebSocket in onSubscribe.
  const limiter = new QueryLimiter(options.schema, options.limits ?? DEFAULT_LIMITS);
  const format = formatError(options.logger, metrics, limiter.limits.suggestions);
  const formatResult = (result: ExecutionResult, requestId?: string): FormattedExecutionResult =>
    result.errors ? { ...result, errors: result.errors.map((error) => format(error.toJSON(), error, requestId)) } : (result as FormattedExecutionResult);
  const documents = new DocumentCache(options.schema, undefined, limiter);
  const trusted = options.trustedDocuments ?? new TrustedDocuments(new Map(), 'off');

  // Subscriptions share the HTTP server's port and path. The token is checked once at connect
  // (a bad one closes the socket with 4403) and every subscription builds its own context.
  // No compression (the shared fan-out writes frames itself), and messages of WS_MAX_MESSAGE_BYTES at most.
  // noServer: with `server`, ws re-emits the HTTP server's own errors (a port in use) as a
  // WebSocket server error; the listen below reports those itself.
  const wsServer = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: abuse.maxMessageBytes });
  httpServer.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!drain.upgrading(socket)) return;
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  });
  const sockets = new SocketObservation(wsServer, options.logger, metrics, () => bus.sessionsFollowed());
  const wsCleanup = useServer<Record<string, unknown>, { user?: AuthUser }>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: abuse.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const client = { ip: upgradeClientIp(ctx.extra.request, app.get('trust proxy fn')) };
        const user = await createContext.userFor(tokenHeader(ctx.connectionParams), client).catch((error) => {
          if (closeIfRateLimited(ctx.extra.socket, error)) return null;
          throw error;
        });
        if (!user || !socketLimits.admit(ctx.extra.socket, user.id)) return false;
        ctx.extra.user = user;
        sockets.connected(ctx);
        // Closed with 4401 when this sign-in ends (expiry, sign-out, revocation).
        liveSessions.watch(ctx.extra.socket, user);
        return true;
      },
      onClose: (ctx) => sockets.closed(ctx),
      // Persisted ids are resolved to their documents, ad-hoc documents checked (trusted-documents.ts).
      // Shared delivery: documents are parsed and validated once for all subscribers, and the
      // context says where this subscription's frames go (live-fanout.ts writes them).
      onSubscribe: async (ctx, id, payload) => {
        sockets.subscribing(ctx, id);
        const query = trusted.queryFor(payload, ctx.extra.user ?? null);
        if (typeof query !== 'string') return query;
        const prepared = documents.get(query);
        if (prepared.errors.length > 0) return prepared.errors;
        const { refusal: tooCostly, cost } = limiter.checkCost(prepared.document, payload.operationName, payload.variables);
        if (tooCostly) return [tooCostly];
        const problem = inputProblem(options.schema, prepared.document, payload.operationName, payload.variables);
        if (problem) return [problem];
        // Introspection, caps and the mutation rate limit, before graphql-ws's own path too (server/socket-limits.ts).
        const refused = introspectionRefusal(abuse, options.schema, prepared.document) ?? (await socketLimits.refusal(ctx.extra.socket, id, ctx.subscriptions, ctx.extra.user?.id, prepared.document, payload.operationName, cost));
        if (refused) return refused;
        // graphql-ws's own path, as it comes, for a document sent as text (once it is within the limits).
        if (options.liveDelivery === 'per-subscriber' && query === payload.query) return undefined;
        const args = { schema: options.schema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables };
        if (options.liveDelivery === 'per-subscriber') return args;
        const requestId = sockets.requestId(ctx, id);
        const contextValue = createContext.forUser(ctx.extra.user ?? null, requestId);
        contextValue.delivery = {
          socket: ctx.extra.socket,
          id,
          args,
          operationKey: `${prepared.id}\n${payload.operationName ?? ''}\n${JSON.stringify(payload.variables ?? {})}`,
          format: (result) => formatResult(result, requestId),
          backpressure,
        };
        return { ...args, contextValue };
      },
      context: (ctx, id) => createContext.forUser(ctx.extra.user ?? null, sockets.requestId(ctx, id)),
      onOperation: (ctx, id, _payload, args) => sockets.subscribed(ctx, id, args.operationName ?? operationNameOf(args.document), operationTypeOf(args.document, args.operationName)),
      // graphql-ws's own delivery: each result's reads are recorded before it is sent.
      onNext: async (ctx, id, _payload, args, result) => {
        // A client too far behind is closed, then destroyed, as on the shared path; graphql-ws
        // sends nothing on a closing socket, so nothing was read either.
        if (!backpressure.admit(ctx.extra.socket)) return formatResult(result, sockets.requestId(ctx, id));
        const context = args.contextValue as Context;
        const entry = readEntry(context.audit, context.user, rootFieldsOf(getOperationAST(args.document, args.operationName)), context.requestId);
        if (entry) await recordAudit(context.db, [entry]);
        return formatResult(result, sockets.requestId(ctx, id));
      },
      onComplete: (ctx, id) => socketLimits.answered(ctx.extra.socket, id),
      onError: (ctx, id, _payload, errors) => {
        socketLimits.answered(ctx.extra.socket, id);
        const formatted = errors.map((error) => format(error.toJSON(), error, sockets.requestId(ctx, id)));
        sockets.failed(ctx, id, formatted.map((error) => String(error.extensions?.code)));
        return formatted;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError: format,
    // Clients send a known client's hash instead of its text (trusted-documents.ts).
    persistedQueries: { cache: trusted.apqCache() },
    includeStacktraceInErrorResponses: false,
    introspection: abuse.introspection,
    // main.ts owns SIGTERM/SIGINT: it stops this server, then the database. Apollo's own handler
    // would stop first and re-raise the signal, and the process would hang half shut down.
    stopOnTerminationSignals: false,
    plugins: [
      // On stop (after the HTTP drain, see stop() below): sockets close with 1001 Going Away,
      // which clients treat as "reconnect elsewhere".
      {
        async serverWillStart() {
          return {
            async drainServer() {
              // A client not reading never gets its close frame; ws would wait 30 s for it.
              const stragglers = setTimeout(() => wsServer.clients.forEach((socket) => socket.terminate()), backpressure.closeTimeoutMs);
              await wsCleanup.dispose();
              clearTimeout(stragglers);
            },
          };
        },
      },
      landingPage(abuse),
      // Limits and input checks refuse a document before any resolver runs (didResolveOperation).
      queryLimitsPlugin(limiter, rateLimits),
      inputChecks(options.schema),
      rateLimits.mutationPlugin(),
      // No HTTP caching of answers (they depend on the viewer and change live): without this
      // Apollo wraps every field's resolver to compute cache hints nobody reads.
      ApolloServerPluginCacheControlDisabled(),
      operationObservation(),
      legacyJsonStatus(),
      serviceUnavailableStatus(),
      readAuditPlugin(options.logger),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  if (abuse.trustProxy !== undefined) app.set('trust proxy', abuse.trustProxy);
  app.use(assignRequestId, securityHeaders(abuse));
  app.use(healthRoutes(options.orm.config.get('clientUrl')!, migrationsList, options.logger));
  app.get('/metrics', metricsEndpoint(metricsCollector(metrics), options.metricsToken, options.logger));
  app.use(
    '/auth',
    corsPolicy(abuse),
    authRoutes({
      authenticate: createContext.userFor,
      db,
      secret: options.secret,
      settings: auth,
      publicUrl: () => publicUrl!,
      oidc,
      liveSessions,
      logger: options.logger,
    }),
  );
  app.use(
    '/graphql',
    corsPolicy(abuse),
    observeHttp(metrics, options.logger),
    // Answers carry applicants' personal data and change live: no cache may keep them.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    express.json({ limit: '1mb' }),
    trusted.acceptDocumentIds,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // Before Apollo parses it (and before anyone is looked up): a 1 MB document is refused after its first tokens.
        const params = TrustedDocuments.paramsOf(req);
        const tooLong = typeof params.query === 'string' ? limiter.checkText(params.query) : null;
        if (tooLong) throw tooLong;
        // Signing the request in reads the database: a statement cancelled by statement_timeout is
        // QUERY_TIMEOUT, an unreachable database a 503 (SERVICE_UNAVAILABLE), never a bug.
        const context = await createContext(req.headers.authorization, requestIdOf(res), { ip: req.ip }).catch((error: unknown) => {
          throw mapDatabaseError(error);
        });
        trusted.admit(params, context.user);
        return bindResponse(context, res);
      },
    }),
  );
  // Exports too large for one GraphQL answer, streamed.
  app.use('/reports', corsPolicy(abuse), observeHttp(metrics, options.logger), scoresCsvRoute(createContext, options.logger));
  // The browser client at `/` (web/, built into web/dist), on the API's own origin.
  app.use(webClient(repoRoot()));
  // A body that is not JSON (or too large) never reaches Apollo: answer in GraphQL's shape, not
  // with Express's HTML error page and its stack trace.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    metrics.countError(status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST);
    if (status === 500) options.logger.error('Unhandled HTTP error', { requestId: requestIdOf(res), err: error });
    const message =
      error.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : error.type === 'entity.too.large'
          ? 'The request body is larger than 1 MB.'
          : status === 500
            ? 'Internal server error.'
            : 'Bad request.';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST } }] });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  // Unconfigured, browsers are taken to be on this machine, at the address listened on.
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  publicUrl ??= `http://${host}:${port}`;

  return {
    url: `http://localhost:${port}/graphql`,
    port,
    metrics,
    async stop() {
      // In-flight requests and those still arriving on open connections are answered (a mutation
      // commits with its event or not at all, and its client hears which); nothing is reset.
      await drain.drain(options.drainMs ?? 10_000);
      // Their events reach this process's live subscribers before the sockets close with 1001.
      await Promise.race([bus.flush().then(() => fanout.idle()), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      await apollo.stop();
      await bus.stop();
      await liveSessions.stop();
    },
  };
}
