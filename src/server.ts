import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from './common/errors';
import { mapDatabaseError } from './common/database-errors';
import { Context, contextFactory } from './context';
import type { Orm } from './db/orm';
import type { Logger } from './logger';

export interface ServerOptions {
  orm: Orm;
  schema: GraphQLSchema;
  secret: string;
  port: number;
  host?: string;
  logger: Logger;
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
  const createContext = contextFactory(options.orm, options.secret);

  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError: formatError(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageLocalDefault({ embed: true })],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(req.headers.authorization) }),
  );

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
    },
  };
}
