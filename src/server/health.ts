import type { MigrationObject } from '@mikro-orm/core';
import express from 'express';
import { Client } from 'pg';
import type { Logger } from '../logger';

/** A probe that waits longer than this for the database says "not ready" rather than hanging the orchestrator. */
const PROBE_TIMEOUT_MS = 2000;

export interface Readiness {
  ready: boolean;
  /** Why not, in a line an operator can act on. */
  reason?: string;
  pendingMigrations?: string[];
}

/**
 * Whether this process can serve requests: the database answers, on a connection of the probe's
 * own (a pool that is exhausted or still full of dead connections must not hide that the
 * database is back, nor a healthy database hide a pool problem the requests will report
 * themselves as SERVICE_UNAVAILABLE), and every migration this build knows is applied.
 */
export async function readiness(databaseUrl: string, migrations: readonly MigrationObject[]): Promise<Readiness> {
  // connect and query have their own timeouts, but not what surrounds them (TLS, authentication,
  // closing a socket the server no longer answers on): the probe as a whole is bounded too.
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: `the database did not answer within ${PROBE_TIMEOUT_MS} ms` }), PROBE_TIMEOUT_MS + 250);
  });
  try {
    return await Promise.race([probe(databaseUrl, migrations), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(databaseUrl: string, migrations: readonly MigrationObject[]): Promise<Readiness> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  // A server dropping the socket after connect() emits 'error'; unhandled, that would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(`select name from mikro_orm_migrations`).catch((error: { code?: string }) => {
      // 42P01: no migrations table, nothing migrated yet.
      if (error.code === '42P01') return { rows: [] };
      throw error;
    });
    const applied = new Set(rows.map((row) => row.name.replace(/\.[jt]s$/, '')));
    const pending = migrations.map((migration) => migration.name).filter((name) => !applied.has(name));
    if (pending.length > 0) return { ready: false, reason: `${pending.length} database migrations are not applied`, pendingMigrations: pending };
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: `the database is unreachable: ${(error as Error).message}` };
  } finally {
    // Not awaited: ending waits for the server's goodbye, which a hung server never sends; its
    // socket is destroyed after a while instead, so probes of a hung database leak nothing.
    const destroy = setTimeout(() => (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy(), PROBE_TIMEOUT_MS);
    destroy.unref();
    void client
      .end()
      .catch(() => undefined)
      .finally(() => clearTimeout(destroy));
  }
}

/**
 * `/livez`: the process answers (restart it if not). `/readyz`: it can serve (send it traffic
 * if so), 503 with the reason otherwise. `/health` is the older name of `/readyz`.
 */
export function healthRoutes(databaseUrl: string, migrations: readonly MigrationObject[], logger: Logger): express.Router {
  const router = express.Router();
  let wasReady = true;
  router.get('/livez', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true });
  });
  const ready = async (_req: express.Request, res: express.Response) => {
    const state = await readiness(databaseUrl, migrations);
    // Logged on change only: probes come every few seconds.
    if (state.ready !== wasReady) {
      if (state.ready) logger.info('Ready again: the database answers');
      else logger.error(`Not ready: ${state.reason}`);
    }
    wasReady = state.ready;
    res.setHeader('Cache-Control', 'no-store');
    res.status(state.ready ? 200 : 503).json({ ok: state.ready, ...state });
  };
  router.get('/readyz', ready);
  router.get('/health', ready);
  return router;
}
