import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canConnect } from '../../src/db/postgres-server';
import { ChildServer, startChildServer } from '../support/child-server';

/**
 * `npm start` without DATABASE_URL, as on a fresh machine: an embedded PostgreSQL under the data
 * directory, and on SIGTERM a clean exit that stops that PostgreSQL too (no orphaned server).
 */
test.each(['1', '2'])('starts on an embedded PostgreSQL, answers, and shuts it down on SIGTERM (WORKERS=%s)', async (workers) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-embedded-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must enter it
  const pgPort = 40000 + Math.floor(Math.random() * 20000);
  let server: ChildServer | undefined;
  try {
    server = await startChildServer({ WORKERS: workers, DATABASE_URL: '', CONCLAVE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), JWT_SECRET: '' });
    expect(server.output()).toMatch(new RegExp(`embedded PostgreSQL on port ${pgPort}`));
    // Migrated and seeded once, by the only process or by the cluster's primary before its workers.
    expect(server.output().match(/Applied migrations/g)).toHaveLength(1);
    expect(server.output().match(/Loaded the demo data set/g)).toHaveLength(1);
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    const adminUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`;
    expect(await canConnect(adminUrl)).toBe(true);

    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([server.stop(), new Promise((resolve) => (timer = setTimeout(() => resolve('still running after 30 s'), 30_000)))]);
    clearTimeout(timer);
    expect(exit).toBe(0);
    expect(await canConnect(adminUrl)).toBe(false);
  } finally {
    // A server that failed to stop must not keep the test run open.
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);
