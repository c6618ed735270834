import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem } from '../../src/reviews/agenda-item.entity';
import { buildCompleteApplicant, buildVote, buildWorld } from '../support/factories';
import { seededRandom as random } from '../support/seeded-random';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The scoring report takes each criterion's count, mean, median and spread from the value counts
 * it already holds per unit (scores are whole 1–5). On random data they must equal what
 * PostgreSQL's own aggregates give over the raw scores: count, avg, percentile_cont(0.5) and
 * stddev_samp, per program and criterion.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

test.each([1, 2, 3])('on random votes (seed %d), each criterion’s count, mean, median and spread are PostgreSQL’s over the raw scores', async (seed) => {
  const next = random(seed);
  const world = await buildWorld(server.orm);
  const em = server.orm.em.fork();
  const criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  // 20 applicants, each scored by a random subset of the committee (some by one member only), skewed values.
  for (let i = 0; i < 20; i++) {
    const applicant = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
    em.create(AgendaItem, { session: world.session.id, applicant, position: 100 + i });
    for (const member of [world.chair, ...world.members]) {
      if (next() < 0.35) continue;
      buildVote(em, { session: world.session, applicant, member }, criteria, criteria.map(() => 1 + Math.floor(Math.pow(next(), 0.6) * 5)));
    }
  }
  await em.flush();

  const report = await server.gql(
    `query($f: ReportFilter) { scoringReport(by: PROGRAM, filter: $f) { groupId criteria { criterionKey count mean median stdDev } } }`,
    { f: { programId: world.gid('Program', world.program.id) } },
    server.tokenFor(world.officer.id),
  );
  expect(report.errors).toBeUndefined();
  const expected = (
    await em.getKnex().raw(
      `select rc.key, count(*)::int as n, avg(vs.score)::float8 as mean, percentile_cont(0.5) within group (order by vs.score) as median, stddev_samp(vs.score)::float8 as sd
         from vote_score vs join vote v on v.id = vs.vote_id join applicant a on a.id = v.applicant_id join rubric_criterion rc on rc.id = vs.criterion_id
        where a.program_id = ? group by rc.key, rc.position order by rc.position`,
      [world.program.id],
    )
  ).rows;
  const [row] = report.data.scoringReport;
  expect(row.criteria.map((c: any) => c.criterionKey)).toEqual(expected.map((e: any) => e.key));
  row.criteria.forEach((c: any, i: number) => {
    const e = expected[i];
    expect(c.count).toBe(e.n);
    expect(c.median).toBe(e.median);
    expect(c.mean).toBeCloseTo(e.mean, 12);
    expect(c.stdDev).toBeCloseTo(e.sd, 12);
  });
  expect(expected[0].n).toBeGreaterThan(30);
});
