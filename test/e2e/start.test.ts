import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { repoRoot } from '../../src/db/postgres-server';
import { withDatabase } from '../../src/db/postgres-server';
import { MeDocument } from '../generated/graphql';
import { print } from 'graphql';

/**
 * The README's start path, as a newcomer runs it: the built server on an empty database applies
 * the migrations, loads the demo data, prints where it listens, and hands out tokens through
 * `npm run token`. `npm test` compiles dist/ before jest runs (see package.json).
 */
const root = repoRoot();
const main = path.join(root, 'dist/src/main.js');
const tokenCli = path.join(root, 'dist/src/auth/token-cli.js');
const run = promisify(execFile);

let env: NodeJS.ProcessEnv;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(main)) throw new Error('dist/ is missing: run the tests with `npm test`, which compiles first.');
  const admin = new Client({ connectionString: process.env.CONCLAVE_TEST_ADMIN_URL });
  const name = `${process.env.CONCLAVE_TEST_TEMPLATE}_start`;
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-start-'));
  env = { ...process.env, DATABASE_URL: withDatabase(process.env.CONCLAVE_TEST_ADMIN_URL!, name), CONCLAVE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: '' };
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `node dist/src/main.js` and resolves with its URL once it prints that it is ready. */
function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [main], { env, cwd: root });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /is ready in [\d.]+ s: (http:\/\/localhost:\d+\/graphql)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function query(url: string, token: string | null, document = print(MeDocument)) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document }),
  });
  return response.json() as Promise<any>;
}

test('starts on an empty database with demo data, mints tokens, and keeps the data on a second start', async () => {
  const first = await start();
  try {
    expect(first.output()).toMatch(/Loaded the demo data set/);
    expect(first.output()).toMatch(/npm run token/);

    const list = await run(process.execPath, [tokenCli, '--list'], { env, cwd: root });
    expect(list.stdout).toMatch(/OFFICER\s+officer@conclave\.example/);
    expect(list.stdout).toMatch(/REPORTER\s+reporter@conclave\.example/);
    expect(list.stdout.match(/COMMITTEE_MEMBER/g)!.length).toBeGreaterThanOrEqual(5);

    const minted = await run(process.execPath, [tokenCli, 'officer@conclave.example'], { env, cwd: root });
    const token = minted.stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await query(first.url, token)).data.me).toMatchObject({ email: 'officer@conclave.example', role: 'OFFICER' });
    expect((await query(first.url, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const unknown = await run(process.execPath, [tokenCli, 'nobody@nowhere.example'], { env, cwd: root }).catch((e) => e);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No user with email/);

    const count = await query(first.url, token, '{ applicants { totalCount } }');
    expect(count.data.applicants.totalCount).toBeGreaterThanOrEqual(38);
    expect(await stop(first.child)).toBe(0);

    const second = await start();
    try {
      expect(second.output()).not.toMatch(/Loaded the demo data set/);
      expect(await query(second.url, token, '{ applicants { totalCount } }')).toEqual(count);
    } finally {
      await stop(second.child);
    }
  } finally {
    first.child.kill('SIGKILL');
  }
}, 120_000);
