import { ChildProcess, execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SignInMethod } from '../../src/auth/auth-session.entity';
import { accessTokenFor, openSession } from '../../src/auth/sessions';
import { openOrm } from '../../src/db/orm';
import { repoRoot, resolveTestAdminUrl, withDatabase } from '../../src/db/postgres-server';

/** What every scenario shares: the machine line, statistics, scratch databases and server processes. */

export const root = repoRoot();

export function machineLine(): string {
  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const dirty = execSync('git status --porcelain -- src bench', { cwd: root }).toString().trim() ? ' (with uncommitted changes)' : '';
  return `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, commit ${commit}${dirty}.`;
}

export function argNumber(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? fallback : Number(process.argv[index + 1]);
  if (!(value > 0)) throw new Error(`--${name} needs a positive number`);
  return value;
}

export function argList(name: string, fallback: number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const values = String(process.argv[index + 1]).split(',').map(Number);
  if (!values.every((v) => v > 0)) throw new Error(`--${name} needs comma-separated positive numbers`);
  return values;
}

export const hasFlag = (name: string) => process.argv.includes(`--${name}`);

/** A TCP port nothing listens on right now (the system picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))];
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export interface ScratchDatabase {
  url: string;
  /** False when `reuse` found the database from an earlier `keep` run. */
  fresh: boolean;
  drop(): Promise<void>;
}

/**
 * A fresh database on the test PostgreSQL (DATABASE_URL, else the local server, else an embedded
 * one). `keep` leaves it behind; `reuse` takes a kept one as it is, to skip generating data again.
 */
export async function scratchDatabase(name: string, options: { keep?: boolean; reuse?: boolean } = {}): Promise<ScratchDatabase> {
  const server = await resolveTestAdminUrl();
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
  const fresh = !(options.reuse && exists);
  if (fresh) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  return {
    url: withDatabase(server.adminUrl, name),
    fresh,
    async drop() {
      if (!options.keep && !options.reuse) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      await server.stop();
    },
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SQL statements the process has sent so far (counted in its `pg` driver). */
  sqlCount(): Promise<number>;
  /** Starts a new window for the longest event-loop stall. */
  loopReset(): Promise<void>;
  loopStats(): Promise<{ loopMaxMs: number; longestGcMs: number; rssBytes: number; heapBytes: number }>;
  /** User + system CPU the process has used, from /proc (no help from the process needed). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

interface ServerOptions {
  /** The node binary (PostGraphile needs Node 22). */
  node?: string;
  nodeArgs?: string[];
  script: string;
  env?: Record<string, string>;
  /** Matches the line that says the server listens; group 1 is its URL. */
  ready: RegExp;
}

/** Starts a server in its own process, with the SQL counter preloaded and an IPC channel to ask it. */
export function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const child = spawn(options.node ?? process.execPath, [...(options.nodeArgs ?? []), '-r', path.join(root, 'bench/support/probe.cjs'), options.script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    cwd: root,
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (out.length < 100_000) out += chunk;
      const ready = options.ready.exec(out);
      if (!ready) return;
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.stdout!.resume();
      child.stderr!.on('data', (data) => process.stderr.write(`[${path.basename(options.script)}] ${data}`));
      resolve({
        url: ready[1].replace('localhost', '127.0.0.1'),
        child,
        sqlCount: async () => (await ask(child, 'sql-count', 'sqlCount')).sqlCount,
        loopReset: async () => void (await ask(child, 'loop-reset', 'loopReset')),
        loopStats: () => ask(child, 'loop-stats', 'loopMaxMs'),
        cpuSeconds: () => processCpuSeconds(child.pid!),
        async stop() {
          // Loads are awaited to their last answer before this, and SIGTERM drains what is in flight.
          if (child.exitCode === null) child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
          if (child.exitCode === null) child.kill('SIGKILL');
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${options.script} exited ${code}: ${out}`)));
  });
}

/** Sends a request over IPC (to a probed server or a load process) and waits for the answer that carries `field`. */
export function ask(child: ChildProcess, request: string | object, field: string): Promise<any> {
  return new Promise((resolve) => {
    const onMessage = (message: any) => {
      if (message?.[field] === undefined) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

export function processCpuSeconds(pid: number): number {
  // /proc/<pid>/stat fields 14 and 15 (after the parenthesised name): utime and stime in clock ticks.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export const BENCH_SECRET = 'bench-secret-not-for-production-0123456789';

/** Session-backed access tokens for bench users, valid for a whole run (a day). */
export async function benchTokens(databaseUrl: string, userIds: string[]): Promise<string[]> {
  const orm = await openOrm(databaseUrl, { poolMax: 2 });
  try {
    const db = orm.em.getKnex();
    return await Promise.all(
      userIds.map(async (userId) => {
        const session = await openSession(db, { userId, method: SignInMethod.CLI, hours: 24, userAgent: 'bench' });
        return (await accessTokenFor(BENCH_SECRET, { userId, sessionId: session.sessionId }, 24 * 60)).token;
      }),
    );
  } finally {
    await orm.close();
  }
}

/** autocannon ships no types; the benches read a few fields of its result. */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const autocannon = require('autocannon') as (options: object) => Promise<any>;

/**
 * How much load a measurement sends: for `seconds` (the benchmark), or exactly `requests`
 * (the smoke tests: they count work done and check it, so a busy machine cannot fail them).
 */
export type Budget = { seconds: number } | { requests: number };

export function budgetFrom(seconds: number, requests: number | null): Budget {
  return requests ? { requests } : { seconds };
}

export interface LoadResult {
  /** Answers over the time the load took. */
  requestsPerSecond: number;
  /** Requests answered with 2xx. */
  answered: number;
  p50: number;
  p99: number;
  /** Requests not answered with 2xx (refusals included), timeouts and connection errors. */
  errors: number;
  /** Of the errors, the answers with 429 (a rate limit's refusal). */
  refused: number;
}

/** autocannon against one server, by time or by count; the rate is always answers over elapsed time. */
export async function httpLoad(options: { url: string; connections: number; headers: Record<string, string>; body?: string; requests?: object[] }, budget: Budget): Promise<LoadResult> {
  const result = await autocannon({
    method: 'POST',
    ...options,
    // autocannon refuses more connections than requests (a warm-up of 10 at concurrency 32).
    ...('seconds' in budget ? { duration: budget.seconds } : { amount: budget.requests, connections: Math.min(options.connections, budget.requests) }),
  });
  const errors = result.errors + result.non2xx + result.timeouts;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    answered: result['2xx'],
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    refused: result.statusCodeStats?.['429']?.count ?? 0,
  };
}

/** `--name N` when given, else null. */
export function argCount(name: string): number | null {
  return process.argv.includes(`--${name}`) ? argNumber(name, 1) : null;
}

/** The built Conclave server on a given database, without demo data. */
export function startConclave(databaseUrl: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  return startServerProcess({
    script: path.join(root, 'dist/src/main.js'),
    nodeArgs,
    // One process each (WORKERS=1): the probe answers over IPC for the process it is in. No rate
    // limits, and no per-user socket cap: a few users stand for thousands of people's sockets.
    env: { DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_SECRET, SEED_DEMO_DATA: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', WORKERS: '1', RATE_LIMIT_MUTATIONS: '0', RATE_LIMIT_AUTH_FAILURES: '0', RATE_LIMIT_QUERY_COST: '0', RATE_LIMIT_QUERY_COST_AT_ONCE: '0', WS_MAX_SOCKETS_PER_USER: '100000', ...env },
    ready: /ready in [\d.]+ s: (http:\/\/\S+\/graphql)/,
  });
}

/** POSTs one GraphQL operation and fails loudly on errors: a benchmark of wrong answers measures nothing. */
export async function graphql<T = any>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`${url} answered ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}
