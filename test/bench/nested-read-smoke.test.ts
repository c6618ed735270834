import { bench } from '../support/bench-run';

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
