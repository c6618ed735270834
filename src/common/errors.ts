import { GraphQLError } from 'graphql';

/** The one list of error codes a client can act on; every refusal carries one of them. */
export enum ErrorCode {
  /** The HTTP request itself is malformed (not JSON, too large). */
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** The request is valid but clashes with stored data (a duplicate, a conflict of interest...). */
  CONFLICT = 'CONFLICT',
  /** The operation is not allowed in the current state (voting closed, session not open...). */
  INVALID_STATE = 'INVALID_STATE',
  /** The change was made from an older version than the stored one. */
  STALE_VERSION = 'STALE_VERSION',
  /** The viewer has a conflict of interest with the applicant (declared or detected): the same code wherever it is met. */
  CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST',
  /**
   * The applicant's file does not allow it (improper documents, missing references or portfolio,
   * no relevant background, the visa rule): `extensions.problems` lists what is missing.
   */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  /** A persisted document id (sha256 hash) that is not in any known client's manifest. */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /** Only the known clients' documents may run here (TRUSTED_DOCUMENTS=require), and this one is not among them. */
  PERSISTED_QUERY_NOT_IN_LIST = 'PERSISTED_QUERY_NOT_IN_LIST',
  /** Too many requests of a kind in a window (mutations per user, failed sign-ins per address): `extensions.retryAfter` seconds, HTTP 429 with `Retry-After`. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Over a fixed cap that waiting does not lift (operations at once on one WebSocket): `extensions.limit` and `extensions.max`. */
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  /**
   * The operation asks for more than the server's limits allow (QUERY_MAX_* settings), refused before
   * anything runs: `extensions.limit` names it (`tokens`, `depth`, `aliases`, `directives`, `cost`,
   * `nodes`), with the document's `measured` value and the `maximum`.
   */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A database statement ran longer than STATEMENT_TIMEOUT_MS and was cancelled: ask for less, or retry later. */
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  /** The document does not parse, or does not validate against the schema: Apollo's codes, the same over WebSocket. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /**
   * The database cannot be reached (stopped, restarting, every connection busy): nothing was
   * changed unless the answer says so; try again shortly. HTTP 503; /readyz says the same.
   */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** A bug: logged with the `errorId` the answer carries. Never a refusal of the request. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** An expected refusal: shown to the client as is, with its code and the field at fault. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: { field?: string; [key: string]: unknown } = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'A valid bearer token is required (Authorization: Bearer <token>).');

export const forbidden = (message = 'You are not allowed to do this.') => new AppError(ErrorCode.FORBIDDEN, message);

export const badInput = (field: string, message: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, { field });

/** `http` tells Apollo the status to answer with; formatError keeps it from the client. */
export const serviceUnavailable = () =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again in a few seconds.', { http: { status: 503 } });

export const notFound = (what: string, id: string, field = 'id') =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`, { field });

export const conflict = (message: string, field?: string) => new AppError(ErrorCode.CONFLICT, message, field ? { field } : {});

export const invalidState = (message: string, field?: string) =>
  new AppError(ErrorCode.INVALID_STATE, message, field ? { field } : {});

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
