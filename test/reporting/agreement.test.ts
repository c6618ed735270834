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
