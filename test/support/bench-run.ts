import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/db/postgres-server';

/**
 * Runs a benchmark at a tiny scale, so the scripts cannot rot between the runs that matter. Each
 * run is sized by counts (requests, votes, events), never by seconds, and its test checks the
 * work done and its results: a busy machine makes it slower, never red, and a broken benchmark
 * cannot pass. One file per benchmark (test/bench/*.test.ts), so jest runs them side by side.
 */
const run = promisify(execFile);

export const bench = (script: string, args: string[]): Promise<string> =>
  run(process.execPath, [path.join(repoRoot(), 'dist/bench', script), ...args, '--no-write'], {
    env: { ...process.env, DATABASE_URL: process.env.CONCLAVE_TEST_ADMIN_URL },
    maxBuffer: 16 * 2 ** 20,
  }).then(({ stdout }) => stdout);

export const hasPgbench = (() => {
  try {
    execFileSync('pgbench', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
