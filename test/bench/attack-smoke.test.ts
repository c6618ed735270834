import { bench } from '../support/bench-run';

test('the attack benchmark runs the agenda load alone and beside an attacker whose documents the limits accept, and answers every request', async () => {
  const stdout = await bench('attack.js', ['--applicants', '300', '--requests', '40']);
  expect(stdout).toMatch(/^attacker's documents accepted: an applicant page of 100, \d+ sessions by id$/m);
  expect(stdout).toMatch(/^legitimate alone: 40 answered, 0 errors, /m);
  expect(stdout).toMatch(/^legitimate with attacker: 40 answered, 0 errors, /m);
  expect(stdout).toMatch(/^attacker: 40 answered, 0 errors, /m);
  expect(stdout).toMatch(/^legitimate p99 with the attacker \/ without: [\d.]+×$/m);
}, 180_000);
