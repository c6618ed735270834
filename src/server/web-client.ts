import express from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths that belong to the server, never to the web client's SPA fallback. */
const SERVER_PATHS = /^\/(graphql|auth|metrics|health|livez|readyz)(\/|$)/;

/**
 * The browser client (web/, built by Vite into web/dist) at `/`: its files, and index.html for any
 * other GET a browser makes (the client routes with the URL's hash, so this is only a reload or
 * a bookmark). Nothing is served when the client was not built (`npm run web:build`).
 */
export function webClient(root: string): express.RequestHandler[] {
  const dist = path.join(root, 'web', 'dist');
  // (Express refuses an empty list of handlers: one that passes everything on.)
  if (!existsSync(path.join(dist, 'index.html'))) return [(_req, _res, next) => next()];
  const index = path.join(dist, 'index.html');
  return [
    // Hashed asset names never change content: cache them for a year; index.html always revalidates.
    express.static(dist, { index: false, immutable: true, maxAge: '1y' }),
    (req, res, next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    },
  ];
}
