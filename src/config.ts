import path from 'node:path';

/** Environment, read and validated once so a typo fails at start-up, not mid-request. */
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
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /**
   * How live events reach subscribers: `shared` executes and serialises once per viewer and
   * operation and writes the same bytes to all their sockets; `per-subscriber` is graphql-ws's
   * stock path (execute per socket), kept for the fan-out benchmark's comparison.
   */
  liveDelivery: 'shared' | 'per-subscriber';
}

function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function logLevel(): Config['logLevel'] {
  const raw = process.env.LOG_LEVEL ?? 'info';
  if (raw === 'silent' || raw === 'error' || raw === 'info' || raw === 'debug') return raw;
  throw new Error(`LOG_LEVEL must be silent, error, info or debug, got "${raw}"`);
}

export function loadConfig(root: string): Config {
  return {
    port: integer('PORT', 4000),
    host: process.env.HOST || '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || undefined,
    jwtSecret: process.env.JWT_SECRET || undefined,
    dataDir: path.resolve(root, process.env.CONCLAVE_DATA_DIR || '.data'),
    embeddedPort: integer('EMBEDDED_PG_PORT', 54329),
    seedDemoData: flag('SEED_DEMO_DATA', true),
    logLevel: logLevel(),
    liveDelivery: liveDelivery(),
  };
}

function liveDelivery(): Config['liveDelivery'] {
  const raw = process.env.LIVE_DELIVERY || 'shared';
  if (raw === 'shared' || raw === 'per-subscriber') return raw;
  throw new Error(`LIVE_DELIVERY must be shared or per-subscriber, got "${raw}"`);
}
