import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/db/postgres-server';

/** The benchmarks at a tiny scale, so the scripts cannot rot between the runs that matter. */
const run = promisify(execFile);

test('the reporting benchmark generates its data and times every aggregate', async () => {
  const { stdout } = await run(process.execPath, [path.join(repoRoot(), 'dist/bench/reporting.js'), '--scale', '0.005', '--no-write'], {
    env: { ...process.env, DATABASE_URL: process.env.CONCLAVE_TEST_ADMIN_URL },
  });
  for (const label of ['funnel by intake × program', 'scoring per program (with alpha)', 'calibration, one intake', 'scores CSV, one intake']) {
    expect(stdout).toMatch(new RegExp(`${label.replace(/[()×]/g, '.')}\\s+[\\d.]+ ms`));
  }
}, 120_000);

test('the votes benchmark drives a server process and pgbench', async () => {
  const { stdout } = await run(process.execPath, [path.join(repoRoot(), 'dist/bench/votes.js'), '--seconds', '1', '--members', '3', '--no-write'], {
    env: { ...process.env, DATABASE_URL: process.env.CONCLAVE_TEST_ADMIN_URL },
  });
  expect(stdout).toMatch(/votes committed: \d+\/s \(p50 [\d.]+ ms, p99 [\d.]+ ms, 0 refused\)/);
  expect(stdout).toMatch(/pgbench single-row upsert: \d+ tps|pgbench comparison skipped/);
}, 120_000);

test('the nested-read benchmark serves the same page from Conclave and PostGraphile and loads both', async () => {
  const { stdout } = await run(process.execPath, [path.join(repoRoot(), 'dist/bench/nested-read.js'), '--applicants', '300', '--seconds', '1', '--rounds', '1', '--no-write'], {
    env: { ...process.env, DATABASE_URL: process.env.CONCLAVE_TEST_ADMIN_URL },
  });
  expect(stdout).toMatch(/same page from both: .*"items":50/);
  expect(stdout).toMatch(/\| Conclave \| 32 \| [\d.]+ \| \d+ \| \d+ \| [\d.]+ \| 0 \|/);
  expect(stdout).toMatch(/\| PostGraphile 5 \| 32 \| [\d.]+ \| \d+ \| \d+ \| 1\.0 \| 0 \|/);
  expect(stdout).toMatch(/Conclave \/ PostGraphile throughput: [\d.]+× at concurrency 1, [\d.]+× at concurrency 32/);
}, 180_000);

test('the fan-out benchmark delivers every vote to every subscriber, shared and per subscriber', async () => {
  const { stdout } = await run(process.execPath, [path.join(repoRoot(), 'dist/bench/fanout.js'), '--subscribers', '40', '--steady', '2', '--bursts', '1', '--no-write'], {
    env: { ...process.env, DATABASE_URL: process.env.CONCLAVE_TEST_ADMIN_URL },
  });
  expect(stdout).toMatch(/\| 40 \| 1 \| shared \| .* \| all \|/);
  expect(stdout).toMatch(/\| 40 \| 1 \| per-subscriber \| .* \| all \|/);
}, 180_000);

test('the cold-start benchmark times a start on an empty and on a kept embedded database', async () => {
  const { stdout } = await run(process.execPath, [path.join(repoRoot(), 'dist/bench/cold-start.js'), '--rounds', '1', '--no-write']);
  expect(stdout).toMatch(/empty data dir → first answer: \d+ ms; second start: \d+ ms/);
}, 120_000);
