import { alphaCtes } from '../../src/reporting/agreement.sql';
import { AgreementMetric } from '../../src/reporting/report.types';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Krippendorff's alpha against the worked example of Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability": 4 coders, 12 units, values 1–5, with missing data.
 * Published: nominal 0.743, ordinal 0.815, interval 0.849.
 */
const DATA: Record<string, (number | null)[]> = {
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function alpha(metric: AgreementMetric, ratings: [string, string, number][]): Promise<number | null> {
  const values = ratings.map(() => '(?, ?, ?::int)').join(', ');
  const { rows } = await server.orm.em.getKnex().raw(
    `with ratings(part, unit, value) as (values ${values}), ${alphaCtes('ratings', metric)} select part, alpha from alpha`,
    ratings.flat(),
  );
  return rows.length ? Number(rows[0].alpha) : null;
}

const example: [string, string, number][] = Object.values(DATA).flatMap((values) =>
  values.flatMap((value, unit) => (value === null ? [] : [['example', `u${unit}`, value] as [string, string, number]])),
);

test.each([
  [AgreementMetric.NOMINAL, 0.743],
  [AgreementMetric.ORDINAL, 0.815],
  [AgreementMetric.INTERVAL, 0.849],
])('%s alpha of the published example is %d', async (metric, expected) => {
  expect(await alpha(metric, example)).toBeCloseTo(expected, 3);
});

test('perfect agreement is 1; alpha is undefined (null) without pairable values or without variation', async () => {
  expect(await alpha(AgreementMetric.ORDINAL, [['p', 'u1', 1], ['p', 'u1', 1], ['p', 'u2', 5], ['p', 'u2', 5]])).toBe(1);
  expect(await alpha(AgreementMetric.ORDINAL, [['p', 'u1', 3]])).toBeNull();
  const { rows } = await server.orm.em.getKnex().raw(
    `with ratings(part, unit, value) as (values ('p', 'u1', 3), ('p', 'u1', 3)), ${alphaCtes('ratings', AgreementMetric.ORDINAL)} select alpha from alpha`,
  );
  expect(rows).toEqual([{ alpha: null }]);
});

test('abstentions enter no agreement, mean or spread: the scoring report is the same with and without them', async () => {
  const { buildVote, buildWorld } = await import('../support/factories');
  const { RubricCriterion } = await import('../../src/programs/rubric-criterion.entity');
  const { Recommendation } = await import('../../src/reviews/vote.entity');
  const world = await buildWorld(server.orm);
  const em = world.em;
  const criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const scored: [number, number, number[]][] = [
    [0, 0, [4, 4, 5]], [0, 1, [3, 4, 4]], [0, 2, [4, 5, 5]],
    [1, 0, [2, 2, 3]], [1, 1, [2, 3, 3]], [1, 2, [1, 2, 2]],
  ];
  const voters = [world.chair, world.members[0], world.members[1]];
  for (const [applicant, voter, scores] of scored) buildVote(em, { session: world.session, applicant: world.onAgenda[applicant], member: voters[voter] }, criteria, scores);
  await em.flush();
  const SCORING = `query($p: ID!) { scoringReport(by: PROGRAM, filter: { programId: $p }) { votes alpha criteria { count mean stdDev alpha } overallDistribution { score count } } }`;
  const report = async () => (await server.gql(SCORING, { p: world.gid('Program', world.program.id) }, server.tokenFor(world.officer.id))).data.scoringReport;
  const before = await report();
  expect(before[0].votes).toBe(6);
  expect(typeof before[0].alpha).toBe('number');
  // Member 3 abstains on both applicants.
  for (const applicant of [0, 1]) buildVote(em, { session: world.session, applicant: world.onAgenda[applicant], member: world.members[2] }, [], [], Recommendation.ABSTAIN);
  await em.flush();
  expect(await report()).toEqual(before);
});
