import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from './common/errors';
import { mapDatabaseError } from './common/database-errors';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AuthUser } from './auth/access';
import { bearerToken } from './auth/tokens';
import { Context, contextFactory } from './context';
import type { Orm } from './db/orm';
import { PostgresWakeChannel } from './events/postgres-wake-channel';
import { SessionEventBus } from './events/session-event-bus';
import { InProcessWakeChannel } from './events/wake-channel';
import { LiveFanout } from './reviews/live/live-fanout';
import { DocumentCache } from './subscriptions/document-cache';
import type { Logger } from './logger';
import { DEFAULT_SETTINGS, type Settings } from './config';

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
}

/** graphql-ws clients send the token in connection_init: `{ authorization: 'Bearer …' }` (or `{ token }`). */
function tokenHeader(params: Record<string, unknown> | undefined): string | null {
  const value = params?.authorization ?? params?.Authorization ?? (params?.token ? `Bearer ${params.token}` : null);
  return typeof value === 'string' && bearerToken(value) ? value : null;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Expected refusals reach the client as they are; anything else is masked and logged with an id. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = mapDatabaseError(unwrapResolverError(error));
    if (original instanceof GraphQLError) {
      const code = original.extensions?.code ?? formatted.extensions?.code;
      if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        return { ...formatted, message: original.message, extensions: { ...original.extensions, code } };
      }
    }
    const errorId = Math.random().toString(36).slice(2, 10);
    logger.error(`[${errorId}] ${formatted.path?.join('.') ?? ''}`, original);
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
  const db = options.orm.em.getKnex();
  const channel =
    options.wake === 'in-process'
      ? new InProcessWakeChannel()
      : new PostgresWakeChannel(options.orm.config.get('clientUrl')!, options.logger);
  const bus = new SessionEventBus(db, channel, options.logger);
  await bus.start();
  const fanout = new LiveFanout(db, options.logger);
  const createContext = contextFactory(options.orm, options.secret, bus, fanout, options.settings ?? DEFAULT_SETTINGS);
  const format = formatError(options.logger);
  const formatResult = (result: ExecutionResult): FormattedExecutionResult =>
    result.errors ? { ...result, errors: result.errors.map((error) => format(error.toJSON(), error)) } : (result as FormattedExecutionResult);
  const documents = new DocumentCache(options.schema);

  // Subscriptions share the HTTP server's port and path. The token is checked once at connect
  // (a bad one closes the socket with 4403) and every subscription builds its own context.
  // No compression (the shared fan-out writes frames itself), and messages as large as an HTTP body at most.
  // noServer: with `server`, ws re-emits the HTTP server's own errors (a port in use) as a
  // WebSocket server error; the listen below reports those itself.
  const wsServer = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 2 ** 20 });
  httpServer.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  });
  const wsCleanup = useServer<Record<string, unknown>, { user?: AuthUser }>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const user = await createContext.userFor(tokenHeader(ctx.connectionParams));
        if (!user) return false;
        ctx.extra.user = user;
        return true;
      },
      // Shared delivery: documents are parsed and validated once for all subscribers, and the
      // context says where this subscription's frames go (live-fanout.ts writes them).
      onSubscribe:
        options.liveDelivery === 'per-subscriber'
          ? undefined
          : (ctx, id, payload) => {
              const prepared = documents.get(payload.query);
              if (prepared.errors.length > 0) return prepared.errors;
              const args = { schema: options.schema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables };
              const contextValue = createContext.forUser(ctx.extra.user ?? null);
              contextValue.delivery = {
                socket: ctx.extra.socket,
                id,
                args,
                operationKey: `${prepared.id}\n${payload.operationName ?? ''}\n${JSON.stringify(payload.variables ?? {})}`,
                format: formatResult,
              };
              return { ...args, contextValue };
            },
      context: (ctx) => createContext.forUser(ctx.extra.user ?? null),
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => format(error.toJSON(), error)),
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError: formatError(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // main.ts owns SIGTERM/SIGINT: it stops this server, then the database. Apollo's own handler
    // would stop first and re-raise the signal, and the process would hang half shut down.
    stopOnTerminationSignals: false,
    plugins: [
      // On stop: in-flight requests finish (a mutation commits with its event or not at all),
      // then sockets close with 1001 Going Away, which clients treat as "reconnect elsewhere".
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      // No HTTP caching of answers (they depend on the viewer and change live): without this
      // Apollo wraps every field's resolver to compute cache hints nobody reads.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    // Answers carry applicants' personal data and change live: no cache may keep them.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(req.headers.authorization) }),
  );
  // A body that is not JSON (or too large) never reaches Apollo: answer in GraphQL's shape, not
  // with Express's HTML error page and its stack trace.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) options.logger.error('Unhandled HTTP error', error);
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

  return {
    url: `http://localhost:${port}/graphql`,
    port,
    async stop() {
      await apollo.stop();
      await bus.stop();
    },
  };
}
