import { bench } from '../support/bench-run';

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
