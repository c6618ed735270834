import { bench } from '../support/bench-run';

test('the attack benchmark runs the agenda load alone and beside an attacker whose documents the limits accept, answers every legitimate request and refuses the attacker only by its cost budget', async () => {
  const stdout = await bench('attack.js', ['--applicants', '300', '--requests', '40']);
  expect(stdout).toMatch(/^attacker's documents accepted: an applicant page of 100, \d+ sessions by id$/m);
  expect(stdout).toMatch(/^legitimate alone: 40 answered, 0 errors, /m);
  expect(stdout).toMatch(/^legitimate with attacker: 40 answered, 0 errors, /m);
  // One user's budget pays for some of the attacker's 40 documents; the rest are refused, nothing fails otherwise.
  const [, answered, refused] = /^attacker: (\d+) answered, (\d+) refused \(429\), 0 other errors, /m.exec(stdout) ?? [];
  expect(Number(answered) + Number(refused)).toBe(40);
  expect(Number(answered)).toBeGreaterThan(0);
  expect(stdout).toMatch(/^legitimate p99 with the attacker \/ without: [\d.]+×$/m);
}, 180_000);
