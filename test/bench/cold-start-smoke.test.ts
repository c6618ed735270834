import { bench } from '../support/bench-run';

test('the cold-start benchmark times a start on an empty and on a kept embedded database', async () => {
  const stdout = await bench('cold-start.js', ['--rounds', '1']);
  expect(stdout).toMatch(/^empty data dir → first answer: \d+ ms; second start: \d+ ms$/m);
}, 120_000);
