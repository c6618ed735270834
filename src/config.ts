import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

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
    'HS256 secret; unset, one is generated and kept in the data dir',
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
    settings: { reportMinVotes: vars.REPORT_MIN_VOTES },
  };
}
