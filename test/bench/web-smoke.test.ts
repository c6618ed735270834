import { bench } from '../support/bench-run';

test('the web first-screen benchmark walks a member from the first screen to a live meeting and back', async () => {
  const stdout = await bench('web-first-screen.js', ['--rounds', '1']);
  for (const step of ['firstScreen', 'signIn', 'join', 'returning', 'firstContentfulPaint']) {
    expect(stdout).toMatch(new RegExp(`^${step}: median \\d+ ms over 1 rounds$`, 'm'));
  }
  const bytes = Number(/^initial JavaScript: (\d+) bytes gzipped in 1 file\(s\)$/m.exec(stdout)?.[1]);
  expect(bytes).toBeGreaterThan(50_000);
}, 120_000);
