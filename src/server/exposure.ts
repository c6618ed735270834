import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import cors from 'cors';
import type express from 'express';
import { DocumentNode, GraphQLError, GraphQLSchema, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import helmet from 'helmet';
import { ApolloServerErrorCode } from '@apollo/server/errors';

/**
 * What the server shows of itself (README "Production defaults"): introspection and Apollo
 * Sandbox only where a setting (or the demo) turns them on, cross-origin calls only from listed
 * origins, and helmet's standard headers on every answer.
 */
export interface ExposureConfig {
  introspection: boolean;
  sandbox: boolean;
  corsOrigins: string[];
}

/** Apollo Sandbox at `GET /graphql`, or no landing page at all (Apollo's production default would still link to it). */
export function landingPage(config: ExposureConfig): ApolloServerPlugin {
  return config.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled();
}

/**
 * helmet's defaults (a same-origin CSP: scripts, styles, images and connections from this origin,
 * no framing, HSTS, nosniff, no referrer…). Where Sandbox is on, `/graphql` goes without the CSP
 * header: Sandbox's page sets its own, with a nonce and Apollo's CDN, in a meta tag, and a header
 * policy would be enforced on top of it and block the CDN.
 */
export function securityHeaders(config: ExposureConfig): express.RequestHandler {
  const strict = helmet();
  const sandboxPage = helmet({ contentSecurityPolicy: false });
  return (req, res, next) => (config.sandbox && (req.path === '/graphql' || req.path.startsWith('/graphql/')) ? sandboxPage : strict)(req, res, next);
}

/** Only the listed origins get CORS headers (with credentials, for `/auth`'s cookie); none by default. */
export function corsPolicy(config: ExposureConfig): express.RequestHandler {
  const allowed = new Set(config.corsOrigins);
  return cors({ origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)), credentials: true, maxAge: 600 });
}

/** Introspection over WebSocket follows the HTTP setting (graphql-ws has no switch of its own), refused with Apollo's code for it over HTTP. */
export function introspectionRefusal(config: ExposureConfig, schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] | null {
  if (config.introspection) return null;
  const errors = validate(schema, document, [NoSchemaIntrospectionCustomRule]);
  return errors.length > 0 ? errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED } })) : null;
}
