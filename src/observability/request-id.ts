import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Every HTTP request and WebSocket connection has an id: the caller's `X-Request-Id` when it is
 * a sane one (a proxy or a client may have logged it already), a fresh UUID otherwise. It is
 * returned in the response's `X-Request-Id` header (the WebSocket upgrade's too) and is on every
 * log line about the request, error references included, so an operator can go from a client's
 * report to the server's lines.
 */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Printable, no spaces or quotes, bounded: safe to put in a log line and a header as it is. */
const SANE = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE.test(value) ? value : randomUUID();
}

/** The id of an HTTP request, set by `assignRequestId`. */
export function requestIdOf(res: ServerResponse): string {
  return (res as ServerResponse & { requestId: string }).requestId;
}

/** Express middleware: decides the request's id and says it in the response header. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const id = requestIdFrom(req.headers['x-request-id']);
  (res as ServerResponse & { requestId: string }).requestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}

/** Errors met while serving a request, with the request's id: formatError reads it to log the error with it. */
const requestOfError = new WeakMap<object, string>();

export function tagErrors(errors: readonly object[], requestId: string): void {
  for (const error of errors) requestOfError.set(error, requestId);
}

export function requestIdOfError(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? requestOfError.get(error) : undefined;
}
