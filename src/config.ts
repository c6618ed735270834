import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { QueryLimits } from './server/limits/query-limits';

/**
 * Every environment variable the server reads, in one validated schema: a typo or an
 * out-of-range value fails at start-up with one line per variable (see ConfigError), never
 * mid-request and never with a stack trace. The README's configuration table lists exactly
 * these variables (a test checks it).
 */

/** Unset and empty mean the same: the default. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const port = (fallback: number) => integer(0, 65535).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['1', 'true', 'yes', '0', 'false', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['1', 'true', 'yes'].includes(value));
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z.enum(values).default(fallback);
const optionalText = () => z.string().optional();

interface Variable<T> {
  schema: z.ZodType<T>;
  /** Completes "NAME must be …" in the error line. */
  expected: string;
  /** The README's "default" column. */
  fallback: string;
  doc: string;
}

function variable<T>(schema: z.ZodType<T>, expected: string, fallback: string, doc: string): Variable<T> {
  return { schema, expected, fallback, doc };
}

const httpUrl = () => z.url({ protocol: /^https?$/ });

/** Sign-in: see README "Signing in". */
const AUTH_VARIABLES = {
  PUBLIC_URL: variable(
    httpUrl().optional(),
    'an http:// or https:// URL',
    '`http://HOST:PORT`',
    'the address browsers reach this server at: the OpenID Connect redirect comes back to it, and with `https://` cookies are `Secure` (unset: the host listened on, `localhost` for all interfaces)',
  ),
  ACCESS_TOKEN_MINUTES: variable(integer(1, 1440).default(15), 'an integer from 1 to 1440', '`15`', 'lifetime of an access token; clients renew it with their session'),
  SESSION_HOURS: variable(integer(1, 8760).default(12), 'an integer from 1 to 8760', '`12`', 'lifetime of a sign-in session (then sign in again); its live sockets close with 4401 when it ends'),
  PASSWORD_SIGN_IN: variable(flag(true), 'true or false (also 1/0, yes/no)', '`true`', 'the built-in sign-in with email and password (scrypt hashes in PostgreSQL)'),
  DEMO_SIGN_IN: variable(
    oneOf(['auto', 'true', 'false'] as const, 'auto'),
    'auto, true or false',
    '`auto`',
    'sign in as any user without a password, picked from `/auth/methods`, and the demo data\'s users get the password `conclave-demo`: for demos only; `auto` turns it on only with the embedded database',
  ),
  OIDC_ISSUER: variable(httpUrl().optional(), 'an http:// or https:// URL', 'none', 'OpenID Connect issuer (discovery at `/.well-known/openid-configuration`); unset turns OpenID Connect off; `https://`, or `http://` on this machine'),
  OIDC_CLIENT_ID: variable(optionalText(), 'a client id', 'none', "Conclave's client id at the issuer (needed with `OIDC_ISSUER`)"),
  OIDC_CLIENT_SECRET: variable(optionalText(), 'a client secret', 'none', 'its secret; unset, Conclave is a public client (PKCE only)'),
  OIDC_AUDIENCE: variable(
    optionalText(),
    'audiences separated by commas',
    '`OIDC_CLIENT_ID`',
    "the `aud` values accepted in the issuer's bearer tokens, separated by commas",
  ),
  OIDC_SCOPES: variable(z.string().default('openid email profile'), 'scopes separated by spaces', '`openid email profile`', 'scopes asked for in the browser sign-in'),
} satisfies Record<string, Variable<unknown>>;

/** Data protection: see README "Data protection". */
const PRIVACY_VARIABLES = {
  RETENTION_MONTHS: variable(
    integer(1, 1200).default(24),
    'an integer from 1 to 1200',
    '`24`',
    "how long applicants' personal data is kept after their intake starts, for intakes that set no retention of their own",
  ),
  RETENTION_SWEEP_HOURS: variable(
    integer(0, 168).default(24),
    'an integer from 0 to 168',
    '`24`',
    'how often the server anonymises applicants past retention, 0 to 168 (0: only when an officer runs `eraseExpiredApplicants`)',
  ),
} satisfies Record<string, Variable<unknown>>;

/** Shutdown and slow live clients: see README "Stopping the server" and "Live review sessions". */
const FAULT_VARIABLES = {
  SHUTDOWN_DRAIN_MS: variable(
    integer(0, 600_000).default(10_000),
    'an integer from 0 to 600000',
    '`10000`',
    'on SIGTERM/SIGINT, how long open connections may stay: requests on them are still answered (with `Connection: close`); then idle ones are closed, and a request still running gets as long again to be answered',
  ),
  LIVE_MAX_BUFFERED_BYTES: variable(
    integer(65_536, 2 ** 30).default(8 * 2 ** 20),
    'an integer from 65536 to 1073741824',
    '`8388608`',
    'unsent live data a WebSocket may have queued before it is closed with 1013 (try again later)',
  ),
  LIVE_STALLED_CLOSE_MS: variable(
    integer(100, 600_000).default(5_000),
    'an integer from 100 to 600000',
    '`5000`',
    'how long a socket closed for being too far behind may take to finish closing before it is destroyed and its memory freed',
  ),
} satisfies Record<string, Variable<unknown>>;

/** Abuse limits and exposure: see README "Rate limits and caps" and "Production defaults". */
const ABUSE_VARIABLES = {
  RATE_LIMIT_MUTATIONS: variable(
    integer(0, 100000).default(60),
    'an integer from 0 to 100000',
    '`60`',
    'mutations one user may send per `RATE_LIMIT_MUTATIONS_SECONDS`, over HTTP and WebSocket, counted in PostgreSQL across every process (0: no limit)',
  ),
  RATE_LIMIT_MUTATIONS_SECONDS: variable(integer(1, 86400).default(60), 'an integer from 1 to 86400', '`60`', 'the window of `RATE_LIMIT_MUTATIONS`'),
  RATE_LIMIT_AUTH_FAILURES: variable(
    integer(0, 100000).default(30),
    'an integer from 0 to 100000',
    '`30`',
    'failed authentications (bad or expired bearer tokens on HTTP and WebSocket, wrong passwords, dead refresh tokens) one IP address may make per `RATE_LIMIT_AUTH_FAILURES_SECONDS` before its attempts are refused (0: no limit)',
  ),
  RATE_LIMIT_AUTH_FAILURES_SECONDS: variable(integer(1, 86400).default(300), 'an integer from 1 to 86400', '`300`', 'the window of `RATE_LIMIT_AUTH_FAILURES`'),
  RATE_LIMIT_QUERY_COST: variable(
    integer(0, 1_000_000_000).default(250_000),
    'an integer from 0 to 1000000000',
    '`250000`',
    'the summed query cost (README "Limits") of the operations one user may run per `RATE_LIMIT_QUERY_COST_SECONDS` in one server process, over HTTP and WebSocket (0: no limit)',
  ),
  RATE_LIMIT_QUERY_COST_SECONDS: variable(integer(1, 86400).default(10), 'an integer from 1 to 86400', '`10`', 'the window of `RATE_LIMIT_QUERY_COST`'),
  RATE_LIMIT_QUERY_COST_AT_ONCE: variable(
    integer(0, 1_000_000_000).default(50_000),
    'an integer from 0 to 1000000000',
    '`50000`',
    "the summed query cost of one user's queries and mutations running at the same time in one server process; one more that would pass it is refused, while one operation alone always runs (0: no limit)",
  ),
  TRUST_PROXY: variable(
    z.string().optional(),
    'an Express `trust proxy` value',
    'none',
    "which proxies' `X-Forwarded-For` names the client IP for the per-IP limit (Express `trust proxy`: `loopback`, a hop count, addresses); unset, the socket's peer address",
  ),
  WS_MAX_SOCKETS_PER_USER: variable(integer(1, 100000).default(20), 'an integer from 1 to 100000', '`20`', 'open WebSocket connections one user may hold in one server process; the next is closed with 4429'),
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: variable(
    integer(1, 100000).default(50),
    'an integer from 1 to 100000',
    '`50`',
    'operations one WebSocket connection may run at once; the next is refused with `LIMIT_EXCEEDED`',
  ),
  WS_CONNECTION_INIT_TIMEOUT_MS: variable(
    integer(100, 600000).default(5000),
    'an integer from 100 to 600000',
    '`5000`',
    'a WebSocket that sends no `connection_init` within this time is closed with 4408',
  ),
  WS_MAX_MESSAGE_BYTES: variable(
    integer(1024, 104857600).default(1048576),
    'an integer from 1024 to 104857600',
    '`1048576`',
    'largest WebSocket message accepted (a larger one closes the socket with 1009)',
  ),
  GRAPHQL_INTROSPECTION: variable(
    oneOf(['auto', 'true', 'false'] as const, 'auto'),
    'auto, true or false',
    '`auto`',
    'schema introspection over HTTP and WebSocket; `auto`: off when `NODE_ENV=production` with a `DATABASE_URL`, on otherwise (the embedded demo database, development, tests)',
  ),
  GRAPHQL_SANDBOX: variable(
    oneOf(['auto', 'true', 'false'] as const, 'auto'),
    'auto, true or false',
    '`auto`',
    'Apollo Sandbox at `GET /graphql` in a browser; `auto` as for `GRAPHQL_INTROSPECTION`',
  ),
  CORS_ORIGINS: variable(
    z.string().optional(),
    'origins separated by commas',
    'none',
    'browser origins (`https://admissions.uni.example`) allowed to call `/graphql` and `/auth` from another site, separated by commas; unset, none (a web client served from this server needs none)',
  ),
} satisfies Record<string, Variable<unknown>>;

/** Query limits: see README "Limits" (graphql-armor's defaults, loosened only where the real documents need it). */
const LIMIT_VARIABLES = {
  QUERY_MAX_TOKENS: variable(integer(1, 1_000_000).default(1000), 'an integer from 1 to 1000000', '`1000`', 'tokens of one document, counted before it is parsed'),
  QUERY_MAX_DEPTH: variable(integer(1, 100).default(6), 'an integer from 1 to 100', '`6`', 'nesting of fields in one operation'),
  QUERY_MAX_ALIASES: variable(integer(0, 10_000).default(15), 'an integer from 0 to 10000', '`15`', 'aliases in one operation'),
  QUERY_MAX_DIRECTIVES: variable(integer(0, 10_000).default(50), 'an integer from 0 to 10000', '`50`', 'directives in one operation'),
  QUERY_MAX_COST: variable(
    integer(1, 100_000_000).default(50_000),
    'an integer from 1 to 100000000',
    '`50000`',
    'fields one operation may resolve, each multiplied by the sizes of the lists above it (`first`/`last`, or the list\'s cap)',
  ),
  QUERY_MAX_NODES: variable(integer(1, 100_000_000).default(500_000), 'an integer from 1 to 100000000', '`500000`', 'objects one answer may hold, counted the same way (GitHub\'s node limit)'),
  GRAPHQL_SUGGESTIONS: variable(
    oneOf(['auto', 'true', 'false'] as const, 'auto'),
    'auto, true or false',
    '`auto`',
    '"Did you mean …?" in validation errors; `auto`: off when `NODE_ENV=production`',
  ),
  STATEMENT_TIMEOUT_MS: variable(
    integer(0, 3_600_000).default(10_000),
    'an integer from 0 to 3600000',
    '`10000`',
    'PostgreSQL `statement_timeout` of the server\'s connections: a longer statement is cancelled and answered `QUERY_TIMEOUT` (0: none)',
  ),
} satisfies Record<string, Variable<unknown>>;

/** name → how it is read. Keep the README's configuration table in step (a test compares them). */
export const VARIABLES = {
  PORT: variable(port(4000), 'an integer from 0 to 65535', '`4000`', 'HTTP port (0 picks a free one)'),
  HOST: variable(z.string().default('0.0.0.0'), 'a host name or address', '`0.0.0.0`', 'interface to listen on'),
  DATABASE_URL: variable(
    z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    'a postgres:// or postgresql:// URL',
    'embedded',
    'PostgreSQL URL; unset runs an embedded PostgreSQL',
  ),
  EMBEDDED_PG_PORT: variable(integer(1, 65535).default(54329), 'an integer from 1 to 65535', '`54329`', 'port of the embedded PostgreSQL'),
  CONCLAVE_DATA_DIR: variable(z.string().default('.data'), 'a directory', '`.data`', 'embedded data and the generated JWT secret'),
  JWT_SECRET: variable(
    z.string().min(32).optional(),
    'at least 32 characters',
    'generated',
    'HS256 secret of access tokens and the sign-in flow\'s cookie (at least 32 characters); unset, one is generated and kept in the data dir',
  ),
  SEED_DEMO_DATA: variable(flag(true), 'true or false (also 1/0, yes/no)', '`true`', 'load the demo data set into an empty database'),
  LOG_LEVEL: variable(
    oneOf(['silent', 'error', 'info', 'debug'] as const, 'info'),
    'silent, error, info or debug',
    '`info`',
    '`silent`, `error`, `info` or `debug` (`debug` also logs each live fan-out\'s timings)',
  ),
  LOG_FORMAT: variable(
    oneOf(['auto', 'json', 'pretty'] as const, 'auto'),
    'auto, json or pretty',
    '`auto`',
    '`json`: one JSON object per line (pino); `pretty`: coloured lines for a person; `auto`: pretty on a terminal, JSON otherwise',
  ),
  METRICS_TOKEN: variable(
    z.string().min(16).optional(),
    'at least 16 characters',
    'none',
    'bearer token that `/metrics` requires; unset, `/metrics` answers only direct requests from this machine (loopback, no proxy headers)',
  ),
  WORKERS: variable(
    integer(1, 256).default(availableParallelism()),
    'an integer from 1 to 256',
    'the core count',
    'server processes on the one port (`node:cluster`); `1` runs a single process',
  ),
  DATABASE_POOL_MAX: variable(
    integer(1, 1000).default(10),
    'an integer from 1 to 1000',
    '`10`',
    'database connections per server process (each also holds two for LISTEN/NOTIFY)',
  ),
  TRUSTED_DOCUMENTS: variable(
    oneOf(['off', 'require'] as const, 'off'),
    'off or require',
    '`off`',
    '`require`: only the known clients\' operations (persisted ids from `schema/trusted-documents.json`) are run, except for officers; `off`: any document',
  ),
  LIVE_DELIVERY: variable(
    oneOf(['shared', 'per-subscriber'] as const, 'shared'),
    'shared or per-subscriber',
    '`shared`',
    '`shared`: each live event is executed and serialised once per viewer and operation, and the same bytes go to all their sockets; `per-subscriber`: graphql-ws\'s own path (executes per socket), kept for the benchmark\'s comparison',
  ),
  NODE_ENV: variable(
    oneOf(['production', 'development', 'test'] as const, 'production'),
    'production, development or test',
    '`production`',
    'set by `main.ts` when unset; `development` brings back graphql-js\'s duplicate-install checks (4–7% of CPU)',
  ),
  EMBEDDED_PG_TEST_PORT: variable(
    integer(1, 65535).default(54331),
    'an integer from 1 to 65535',
    '`54331`',
    'port of the embedded PostgreSQL the tests start when no other answers',
  ),
  REPORT_MIN_VOTES: variable(
    integer(1, 100).default(3),
    'an integer from 1 to 100',
    '`3`',
    'k of small-cell suppression: a reporter never sees a report cell, reviewer row or applicant row resting on fewer votes (it says `suppressed` instead)',
  ),
  CONCLAVE_URL: variable(optionalText(), 'a URL', '`http://localhost:4000/graphql`', 'the server `npm run report` talks to'),
  CONCLAVE_TOKEN: variable(optionalText(), 'a token', 'none', 'the bearer token `npm run report` sends'),
  ...AUTH_VARIABLES,
  ...PRIVACY_VARIABLES,
  ...FAULT_VARIABLES,
  ...ABUSE_VARIABLES,
  ...LIMIT_VARIABLES,
} satisfies Record<string, Variable<unknown>>;

type Values = { [K in keyof typeof VARIABLES]: (typeof VARIABLES)[K] extends Variable<infer T> ? T : never };

/** The variables, typed: each one's own value after defaults. */
export type Environment = Values;

/** Start-up configuration of the server, derived from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Unset means: run an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  /** Unset means: generate one and keep it beside the embedded data. */
  jwtSecret: string | undefined;
  dataDir: string;
  embeddedPort: number;
  seedDemoData: boolean;
  logLevel: Values['LOG_LEVEL'];
  logFormat: Values['LOG_FORMAT'];
  /** Unset means: `/metrics` answers loopback requests only. */
  metricsToken: string | undefined;
  /** Server processes; 1 is the single-process server, more a `node:cluster` primary with workers. */
  workers: number;
  poolMax: number;
  trustedDocuments: Values['TRUSTED_DOCUMENTS'];
  /**
   * How live events reach subscribers: `shared` executes and serialises once per viewer and
   * operation and writes the same bytes to all their sockets; `per-subscriber` is graphql-ws's
   * stock path (execute per socket), kept for the fan-out benchmark's comparison.
   */
  liveDelivery: Values['LIVE_DELIVERY'];
  /** What the rules read from the environment. */
  settings: Settings;
  auth: AuthConfig;
  retention: { defaultMonths: number; sweepHours: number };
  faults: FaultConfig;
  abuse: AbuseConfig;
  /** What one operation may ask for (server/limits/). */
  limits: QueryLimits;
  /** PostgreSQL statement_timeout of the pool's connections, ms (0: none). */
  statementTimeoutMs: number;
}

/** SHUTDOWN_DRAIN_MS, LIVE_MAX_BUFFERED_BYTES, LIVE_STALLED_CLOSE_MS. */
export interface FaultConfig {
  drainMs: number;
  maxBufferedBytes: number;
  stalledCloseMs: number;
}

/** Rate limits, socket caps and what the server exposes (server/rate-limits.ts, server/exposure.ts). */
export interface AbuseConfig {
  /** Per user; `points` 0 turns the limit off. */
  mutations: { points: number; seconds: number };
  /** Per IP address. */
  authFailures: { points: number; seconds: number };
  /** Per user and process: the summed cost of their operations. */
  queryCost: { points: number; seconds: number };
  /** Per user and process: the summed cost of their queries and mutations running at once (0: no limit). */
  queryCostAtOnce: number;
  /** Express `trust proxy` (`true`, a hop count, or addresses); undefined: the socket's peer is the client. */
  trustProxy: boolean | number | string | undefined;
  maxSocketsPerUser: number;
  maxSubscriptionsPerSocket: number;
  connectionInitTimeoutMs: number;
  maxMessageBytes: number;
  introspection: boolean;
  sandbox: boolean;
  corsOrigins: string[];
}

export interface AuthConfig {
  /** Unset: `http://<HOST, or localhost for all interfaces>:<the port listened on>`. */
  publicUrl: string | undefined;
  accessTokenMinutes: number;
  sessionHours: number;
  passwordSignIn: boolean;
  demoSignIn: boolean;
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  audiences: string[];
  scopes: string;
}

/** Settings of the rules, handed to every operation's context. */
export interface Settings {
  /** Small-cell suppression for reporters: the fewest votes a shown aggregate may rest on. */
  reportMinVotes: number;
}

/** The settings when nothing is set (from VARIABLES' defaults, so they cannot drift apart). */
export const DEFAULT_SETTINGS: Settings = { reportMinVotes: VARIABLES.REPORT_MIN_VOTES.schema.parse(undefined) };

/** Every invalid variable, one line each, for the operator (main prints them without a stack). */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks every variable at once, so an operator sees all the mistakes in one go. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(VARIABLES) as [string, Variable<unknown>][]) {
    const raw = env[name];
    const parsed = spec.schema.safeParse(unsetIfEmpty(raw));
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name} must be ${spec.expected}, got "${raw}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as Environment;
}

/** http://localhost, 127.0.0.0/8 or [::1]: a development or test server on this machine. */
export function isLoopbackUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function oidcConfig(vars: Environment): OidcConfig | null {
  if (!vars.OIDC_ISSUER) return null;
  if (!vars.OIDC_CLIENT_ID) throw new ConfigError(['OIDC_CLIENT_ID must be set when OIDC_ISSUER is']);
  if (!vars.OIDC_ISSUER.startsWith('https://') && !isLoopbackUrl(vars.OIDC_ISSUER)) {
    throw new ConfigError([`OIDC_ISSUER must be an https:// URL (http:// only on this machine), got "${vars.OIDC_ISSUER}"`]);
  }
  const audiences = (vars.OIDC_AUDIENCE ?? vars.OIDC_CLIENT_ID).split(',').map((a) => a.trim()).filter(Boolean);
  return { issuer: vars.OIDC_ISSUER, clientId: vars.OIDC_CLIENT_ID, clientSecret: vars.OIDC_CLIENT_SECRET, audiences, scopes: vars.OIDC_SCOPES };
}

export function loadConfig(root: string, env: NodeJS.ProcessEnv = process.env): Config {
  const vars = readEnvironment(env);
  return {
    port: vars.PORT,
    host: vars.HOST,
    databaseUrl: vars.DATABASE_URL,
    jwtSecret: vars.JWT_SECRET,
    dataDir: path.resolve(root, vars.CONCLAVE_DATA_DIR),
    embeddedPort: vars.EMBEDDED_PG_PORT,
    seedDemoData: vars.SEED_DEMO_DATA,
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT,
    metricsToken: vars.METRICS_TOKEN,
    workers: vars.WORKERS,
    poolMax: vars.DATABASE_POOL_MAX,
    trustedDocuments: vars.TRUSTED_DOCUMENTS,
    liveDelivery: vars.LIVE_DELIVERY,
    auth: {
      publicUrl: vars.PUBLIC_URL?.replace(/\/+$/, ''),
      accessTokenMinutes: vars.ACCESS_TOKEN_MINUTES,
      sessionHours: vars.SESSION_HOURS,
      passwordSignIn: vars.PASSWORD_SIGN_IN,
      // A real deployment names its database; the embedded one is a local demo.
      demoSignIn: vars.DEMO_SIGN_IN === 'auto' ? !vars.DATABASE_URL : vars.DEMO_SIGN_IN === 'true',
      oidc: oidcConfig(vars),
    },
    retention: { defaultMonths: vars.RETENTION_MONTHS, sweepHours: vars.RETENTION_SWEEP_HOURS },
    faults: { drainMs: vars.SHUTDOWN_DRAIN_MS, maxBufferedBytes: vars.LIVE_MAX_BUFFERED_BYTES, stalledCloseMs: vars.LIVE_STALLED_CLOSE_MS },
    settings: { reportMinVotes: vars.REPORT_MIN_VOTES },
    abuse: abuseConfig(vars),
    limits: {
      tokens: vars.QUERY_MAX_TOKENS,
      depth: vars.QUERY_MAX_DEPTH,
      aliases: vars.QUERY_MAX_ALIASES,
      directives: vars.QUERY_MAX_DIRECTIVES,
      cost: vars.QUERY_MAX_COST,
      nodes: vars.QUERY_MAX_NODES,
      // A production server does not map its schema for strangers; `auto` keeps them while developing.
      suggestions: vars.GRAPHQL_SUGGESTIONS === 'auto' ? vars.NODE_ENV !== 'production' : vars.GRAPHQL_SUGGESTIONS === 'true',
    },
    statementTimeoutMs: vars.STATEMENT_TIMEOUT_MS,
  };
}

/** A deployment (production with its own database) exposes no schema; the embedded demo, development and tests do. */
function abuseConfig(vars: Environment): AbuseConfig {
  if (vars.RATE_LIMIT_QUERY_COST > 0 && vars.RATE_LIMIT_QUERY_COST < vars.QUERY_MAX_COST) {
    // Else the costliest document the limits accept could never run.
    throw new ConfigError([`RATE_LIMIT_QUERY_COST must be 0 or at least QUERY_MAX_COST (${vars.QUERY_MAX_COST}), got ${vars.RATE_LIMIT_QUERY_COST}`]);
  }
  const exposedByDefault = vars.NODE_ENV !== 'production' || !vars.DATABASE_URL;
  const exposed = (value: 'auto' | 'true' | 'false') => (value === 'auto' ? exposedByDefault : value === 'true');
  return {
    mutations: { points: vars.RATE_LIMIT_MUTATIONS, seconds: vars.RATE_LIMIT_MUTATIONS_SECONDS },
    authFailures: { points: vars.RATE_LIMIT_AUTH_FAILURES, seconds: vars.RATE_LIMIT_AUTH_FAILURES_SECONDS },
    queryCost: { points: vars.RATE_LIMIT_QUERY_COST, seconds: vars.RATE_LIMIT_QUERY_COST_SECONDS },
    queryCostAtOnce: vars.RATE_LIMIT_QUERY_COST_AT_ONCE,
    trustProxy: vars.TRUST_PROXY === undefined ? undefined : vars.TRUST_PROXY === 'true' ? true : /^\d+$/.test(vars.TRUST_PROXY) ? Number(vars.TRUST_PROXY) : vars.TRUST_PROXY,
    maxSocketsPerUser: vars.WS_MAX_SOCKETS_PER_USER,
    maxSubscriptionsPerSocket: vars.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
    connectionInitTimeoutMs: vars.WS_CONNECTION_INIT_TIMEOUT_MS,
    maxMessageBytes: vars.WS_MAX_MESSAGE_BYTES,
    introspection: exposed(vars.GRAPHQL_INTROSPECTION),
    sandbox: exposed(vars.GRAPHQL_SANDBOX),
    corsOrigins: (vars.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean),
  };
}

/** The limits when nothing is set (from VARIABLES' defaults); introspection and Sandbox on, as outside production. */
export function defaultAbuseConfig(): AbuseConfig {
  return abuseConfig(readEnvironment({}));
}
