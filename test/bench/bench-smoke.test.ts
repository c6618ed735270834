import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/db/postgres-server';

/**
 * The benchmarks at a tiny scale, so the scripts cannot rot between the runs that matter. Each
 * run is sized by counts (requests, votes, events), never by seconds, and the test checks the
 * work done and its results: a busy machine makes it slower, never red, and a broken benchmark
 * cannot pass.
 */
const run = promisify(execFile);
const bench = (script: string, args: string[]) =>
  run(process.execPath, [path.join(repoRoot(), 'dist/bench', script), ...args, '--no-write'], {
    env: { ...process.env, DATABASE_URL: process.env.CONCLAVE_TEST_ADMIN_URL },
    maxBuffer: 16 * 2 ** 20,
  }).then(({ stdout }) => stdout);

const hasPgbench = (() => {
  try {
    execFileSync('pgbench', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

test('the reporting benchmark generates its data and every aggregate returns rows', async () => {
  const stdout = await bench('reporting.js', ['--scale', '0.005']);
  // Five criteria per vote, but the generated abstentions carry no scores.
  const [, abstentions, scores] = /^data: 500 applicants, 5000 votes \((\d+) abstentions, without scores\), (\d+) criterion scores$/m.exec(stdout) ?? [];
  expect(Number(abstentions)).toBeGreaterThan(0);
  expect(Number(scores)).toBe((5000 - Number(abstentions)) * 5);
  const labels = ['funnel by intake × program', 'funnel by week, one intake', 'applicant mix by grade band', 'scoring per program (with alpha)', 'scoring per session, one intake', 'scoring per program, as a member', 'calibration, one intake', 'committee work', 'decisions per day', 'scores CSV, one intake'];
  for (const label of labels) {
    const line = stdout.split('\n').find((l) => l.startsWith(label));
    expect(line).toMatch(/ [\d.]+ ms, [1-9]\d* rows$/);
  }
}, 120_000);

test('the votes benchmark commits every vote it sends, stores each as sent, and runs pgbench beside it', async () => {
  const stdout = await bench('votes.js', ['--votes', '10', '--members', '3']);
  expect(stdout).toMatch(/^votes committed: 30 of 30 sent, \d+\/s \(p50 [\d.]+ ms, p99 [\d.]+ ms, 0 refused\)$/m);
  // Warm-up and measured run: 2 × 30 votes, on 20 applicants by 3 members, each stored at the version its member was given.
  expect(stdout).toMatch(/^checked: 60 committed votes stored as 60 revisions, 30 votes at the versions their members were given$/m);
  if (hasPgbench) expect(stdout).toMatch(/^pgbench single-row upsert: 30 transactions, \d+ tps/m);
  else expect(stdout).toMatch(/^pgbench comparison skipped: /m);
}, 120_000);

test('the nested-read benchmark serves the same page from Conclave and PostGraphile and answers every request of each cell', async () => {
  const stdout = await bench('nested-read.js', ['--applicants', '300', '--requests', '40', '--rounds', '1']);
  // The script stops when the two servers disagree; here both pages carry the same 50 items.
  expect(stdout).toMatch(/same page from both: \{"conclave":\{"items":50,.*\}\}/);
  for (const server of ['Conclave', 'PostGraphile 5', 'Conclave, SQL answers cached', 'PostGraphile 5, SQL answers cached']) {
    for (const concurrency of [1, 32]) {
      expect(stdout).toMatch(new RegExp(`^\\| ${server} \\| ${concurrency} \\| [\\d.]+ \\| \\d+ \\| \\d+ \\| ([\\d.]+|—) \\| 40 \\| 0 \\|$`, 'm'));
    }
  }
  // Statements per request are measured, not assumed: PostGraphile compiles the page into one.
  expect(stdout).toMatch(/^\| PostGraphile 5 \| 32 \| [\d.]+ \| \d+ \| \d+ \| 1\.0 \| 40 \| 0 \|$/m);
  expect(stdout).toMatch(/Conclave \/ PostGraphile throughput: [\d.]+× at concurrency 1, [\d.]+× at concurrency 32/);
}, 180_000);

test('the fan-out benchmark delivers every vote to every subscriber, shared and per subscriber', async () => {
  const stdout = await bench('fanout.js', ['--subscribers', '40', '--steady', '2', '--bursts', '1', '--interval', '100']);
  expect(stdout).toMatch(/^\| 40 \| 1 \| shared \| .* \| all \| [\d.]+ \|$/m);
  expect(stdout).toMatch(/^\| 40 \| 1 \| per-subscriber \| .* \| all \| [\d.]+ \|$/m);
}, 180_000);

test('the cold-start benchmark times a start on an empty and on a kept embedded database', async () => {
  const stdout = await bench('cold-start.js', ['--rounds', '1']);
  expect(stdout).toMatch(/^empty data dir → first answer: \d+ ms; second start: \d+ ms$/m);
}, 120_000);
