import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { repoRoot } from '../../src/db/postgres-server';
import { withDatabase } from '../../src/db/postgres-server';
import { MeDocument } from '../../src/generated/graphql';
import { print } from 'graphql';
import { ChildServer, MAIN, startChildServer } from '../support/child-server';

/**
 * The README's start path, as a newcomer runs it: the built server on an empty database applies
 * the migrations, loads the demo data, prints where it listens, and hands out tokens through
 * `npm run token`. `npm test` compiles dist/ before jest runs (see package.json).
 */
const root = repoRoot();
const tokenCli = path.join(root, 'dist/src/auth/token-cli.js');
const run = promisify(execFile);

let env: NodeJS.ProcessEnv;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run the tests with `npm test`, which compiles first.');
  const admin = new Client({ connectionString: process.env.CONCLAVE_TEST_ADMIN_URL });
  const name = `${process.env.CONCLAVE_TEST_TEMPLATE}_start`;
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-start-'));
  // DEMO_SIGN_IN as `npm start` has it on the embedded database (here DATABASE_URL turns `auto` off).
  env = { ...process.env, DATABASE_URL: withDatabase(process.env.CONCLAVE_TEST_ADMIN_URL!, name), CONCLAVE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: '', DEMO_SIGN_IN: 'true' };
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = () => startChildServer(env);
const stop = (server: ChildServer) => server.stop();

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
    // The demo users sign in with the password the banner prints.
    // (The log is JSON lines when not on a terminal: the quotes come escaped.)
    const password = /the demo users' password is \\?"([^"\\]+)\\?"/.exec(first.output())?.[1];
    expect(password).toBe('conclave-demo');
    const signedIn = await fetch(first.url.replace(/\/graphql$/, '/auth/sign-in/password'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chair@conclave.example', password }),
    });
    expect(signedIn.status).toBe(200);
    expect((await query(first.url, ((await signedIn.json()) as any).accessToken)).data.me).toMatchObject({ email: 'chair@conclave.example' });

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
    expect(await stop(first)).toBe(0);

    const second = await start();
    try {
      expect(second.output()).not.toMatch(/Loaded the demo data set/);
      expect(await query(second.url, token, '{ applicants { totalCount } }')).toEqual(count);
    } finally {
      await stop(second);
    }
  } finally {
    first.child.kill('SIGKILL');
  }
}, 120_000);
