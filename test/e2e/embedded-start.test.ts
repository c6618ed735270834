import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canConnect } from '../../src/db/postgres-server';
import { ChildServer, startChildServer } from '../support/child-server';

/**
 * `npm start` without DATABASE_URL, as on a fresh machine: an embedded PostgreSQL under the data
 * directory, and on SIGTERM a clean exit that stops that PostgreSQL too (no orphaned server).
 */
test('starts on an embedded PostgreSQL, answers, and shuts it down on SIGTERM', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-embedded-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must enter it
  const pgPort = 40000 + Math.floor(Math.random() * 20000);
  let server: ChildServer | undefined;
  try {
    server = await startChildServer({ DATABASE_URL: '', CONCLAVE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), JWT_SECRET: '' });
    expect(server.output()).toMatch(new RegExp(`embedded PostgreSQL on port ${pgPort}`));
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    const adminUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`;
    expect(await canConnect(adminUrl)).toBe(true);

    const exit = await Promise.race([server.stop(), new Promise((resolve) => setTimeout(() => resolve('still running after 20 s'), 20_000))]);
    expect(exit).toBe(0);
    expect(await canConnect(adminUrl)).toBe(false);
  } finally {
    // A server that failed to stop must not keep the test run open.
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);
