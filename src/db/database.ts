import path from 'node:path';
import type { Config } from '../config';
import { ensureDatabase, startEmbeddedPostgres } from './postgres-server';

export interface Database {
  url: string;
  /** Where the URL came from, for the start-up banner. */
  source: 'DATABASE_URL' | 'embedded';
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL whose data lives under the data
 * directory (git-ignored), so a fresh clone needs no database server.
 */
export async function connectDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, source: 'DATABASE_URL', stop: async () => {} };
  // Every server process holds its pool and two LISTEN/NOTIFY connections; PostgreSQL's default of 100 is too few for many workers.
  const maxConnections = Math.max(100, config.workers * (config.poolMax + 2) + 20);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embeddedPort, maxConnections });
  const url = await ensureDatabase(embedded.adminUrl, 'conclave');
  return { url, source: 'embedded', stop: embedded.stop };
}
