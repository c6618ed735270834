import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { canConnect, ensureDatabase, startEmbeddedPostgres, withDatabase } from '../../src/db/postgres-server';

jest.setTimeout(120_000);

type Server = Awaited<ReturnType<typeof startEmbeddedPostgres>>;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let parent: string;
  let dataDir: string;
  let port: number;
  const running: Server[] = [];
  let squatter: ChildProcess | undefined;

  async function start(): Promise<Server> {
    const server = await startEmbeddedPostgres({ dataDir, port });
    running.push(server);
    return server;
  }

  beforeAll(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'embedded-pg-test-'));
    // mkdtemp makes 0700 dirs; as root, postgres runs as another OS user that must get through.
    await chmod(parent, 0o755);
    dataDir = path.join(parent, 'data');
    port = await freePort();
  });

  afterAll(async () => {
    squatter?.kill();
    for (const server of running.reverse()) await server.stop().catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
  });

  it('initialises a fresh data dir and serves it', async () => {
    const server = await start();

    expect(server.startedHere).toBe(true);
    expect(server.adminUrl).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    const [settings] = await query<{ data_directory: string; server_encoding: string }>(
      server.adminUrl,
      "select current_setting('data_directory') as data_directory, current_setting('server_encoding') as server_encoding",
    );
    expect(settings).toEqual({ data_directory: dataDir, server_encoding: 'UTF8' });
  });

  it('creates a database once, even when asked twice at the same time', async () => {
    const adminUrl = running[0].adminUrl;
    const urls = await Promise.all([ensureDatabase(adminUrl, 'kept'), ensureDatabase(adminUrl, 'kept')]);

    expect(urls).toEqual([withDatabase(adminUrl, 'kept'), withDatabase(adminUrl, 'kept')]);
    await query(urls[0], 'create table applicant (name text not null)');
    await query(urls[0], "insert into applicant values ('Ada'), ('Émile')");
  });

  it('reuses a server already running on the same data dir and port', async () => {
    const again = await start();

    expect(again.startedHere).toBe(false);
    expect(again.adminUrl).toBe(running[0].adminUrl);
    await again.stop();
    expect(await canConnect(running[0].adminUrl)).toBe(true);
  });

  it('stops, and keeps the data for the next start', async () => {
    const adminUrl = running[0].adminUrl;
    await running[0].stop();
    expect(await canConnect(adminUrl)).toBe(false);

    const restarted = await start();

    expect(restarted.startedHere).toBe(true);
    const rows = await query<{ name: string }>(withDatabase(adminUrl, 'kept'), 'select upper(name) as name from applicant order by 1');
    expect(rows.map((row) => row.name)).toEqual(['ADA', 'ÉMILE']);
    await restarted.stop();
  });

  it('starts despite a postmaster.pid left by a killed server whose pid now belongs to another process', async () => {
    // Same OS user as the cluster, so postgres itself would take the pid file for a live postmaster.
    const { uid, gid } = await stat(dataDir);
    squatter = spawn('sleep', ['300'], { uid, gid, stdio: 'ignore' });
    await writeFile(path.join(dataDir, 'postmaster.pid'), `${squatter.pid}\n${dataDir}\n${Math.floor(Date.now() / 1000)}\n${port}\n`);

    const server = await start();

    expect(server.startedHere).toBe(true);
    expect(await canConnect(server.adminUrl)).toBe(true);
    await server.stop();
  });
});
