import { bench, hasPgbench } from '../support/bench-run';

test('the votes benchmark commits every vote it sends, stores each as sent, and runs pgbench beside it', async () => {
  const stdout = await bench('votes.js', ['--votes', '10', '--members', '3']);
  expect(stdout).toMatch(/^votes committed: 30 of 30 sent, \d+\/s \(p50 [\d.]+ ms, p99 [\d.]+ ms, 0 refused\)$/m);
  // Warm-up and measured run: 2 × 30 votes, on 20 applicants by 3 members, each stored at the version its member was given.
  expect(stdout).toMatch(/^checked: 60 committed votes stored as 60 revisions, 30 votes at the versions their members were given$/m);
  if (hasPgbench) expect(stdout).toMatch(/^pgbench single-row upsert: 30 transactions, \d+ tps/m);
  else expect(stdout).toMatch(/^pgbench comparison skipped: /m);
}, 120_000);
