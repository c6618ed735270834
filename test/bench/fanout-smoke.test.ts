import { bench } from '../support/bench-run';

test('the fan-out benchmark delivers every vote to every subscriber, shared and per subscriber', async () => {
  const stdout = await bench('fanout.js', ['--subscribers', '40', '--steady', '2', '--bursts', '1', '--interval', '100']);
  expect(stdout).toMatch(/^\| 40 \| 1 \| shared \| .* \| all \| [\d.]+ \|$/m);
  expect(stdout).toMatch(/^\| 40 \| 1 \| per-subscriber \| .* \| all \| [\d.]+ \|$/m);
}, 180_000);
