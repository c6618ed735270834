import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { buildApplicant, buildProgram, buildWorld, World } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

let server: TestServer;
let world: World;
let criteria: RubricCriterion[];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  criteria = await server.orm.em.fork().find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
});
afterAll(() => server.stop());

const CAST = `mutation($input: CastVoteInput!) { castVote(input: $input) { id version recommendation confidence overallScore scores { score criterion { key } } } }`;

function voteInput(overrides: Record<string, unknown> = {}, scores = [3, 4, 5]) {
  return {
    sessionId: world.gid('ReviewSession', world.session.id),
    applicantId: world.gid('Applicant', world.onAgenda[1].id),
    scores: criteria.map((c, i) => ({ criterionId: world.gid('RubricCriterion', c.id), score: scores[i] })),
    recommendation: 'ADMIT',
    confidence: 3,
    ...overrides,
  };
}

test('a vote carries one score per criterion and a weighted overall score', async () => {
  const response = await server.gql(CAST, { input: voteInput() }, server.tokenFor(world.members[0].id));
  expect(response.errors).toBeUndefined();
  // weights 1, 2, 3: (3*1 + 4*2 + 5*3) / 6
  expect(response.data.castVote).toMatchObject({ version: 1, overallScore: 26 / 6, scores: [{ score: 3, criterion: { key: 'academic_record' } }, { score: 4, criterion: { key: 'references' } }, { score: 5, criterion: { key: 'motivation' } }] });
});

test('a change names the version it was made from; a stale one is refused and nothing is overwritten', async () => {
  const token = server.tokenFor(world.members[1].id);
  const first = await server.gql(CAST, { input: voteInput() }, token);
  expect(first.data.castVote.version).toBe(1);
  const changed = await server.gql(CAST, { input: voteInput({ expectedVersion: 1, recommendation: 'WAITLIST' }, [1, 1, 1]) }, token);
  expect(changed.data.castVote).toMatchObject({ version: 2, recommendation: 'WAITLIST', overallScore: 1 });

  const staleTab = await server.gql(CAST, { input: voteInput({ expectedVersion: 1, recommendation: 'REJECT' }) }, token);
  expect(refusal(staleTab)).toEqual({ code: 'STALE_VERSION', field: 'expectedVersion' });
  expect(staleTab.errors?.[0].extensions?.currentVersion).toBe(2);
  const noVersion = await server.gql(CAST, { input: voteInput() }, token);
  expect(refusal(noVersion).code).toBe('STALE_VERSION');

  const stored = await server.gql('query($id: ID!) { node(id: $id) { ... on Vote { version recommendation } } }', { id: changed.data.castVote.id }, token);
  expect(stored.data.node).toEqual({ version: 2, recommendation: 'WAITLIST' });
});

test('refuses scores outside 1–5, missing or foreign criteria, and bad confidence or scholarship', async () => {
  const token = server.tokenFor(world.members[2].id);
  const cases: [Record<string, unknown>, number[], string][] = [
    [{}, [0, 3, 3], 'scores[0].score'],
    [{}, [3, 6, 3], 'scores[1].score'],
    [{ confidence: 4 }, [3, 3, 3], 'confidence'],
    [{ proposedScholarship: 101 }, [3, 3, 3], 'proposedScholarship'],
  ];
  for (const [overrides, scores, field] of cases) {
    expect(refusal(await server.gql(CAST, { input: voteInput(overrides, scores) }, token))).toEqual({ code: 'BAD_USER_INPUT', field });
  }
  const missing = voteInput();
  missing.scores = missing.scores.slice(0, 2);
  expect(refusal(await server.gql(CAST, { input: missing }, token))).toEqual({ code: 'BAD_USER_INPUT', field: 'scores' });
  const twice = voteInput();
  twice.scores[1] = twice.scores[0];
  expect(refusal(await server.gql(CAST, { input: twice }, token))).toEqual({ code: 'BAD_USER_INPUT', field: 'scores[1].criterionId' });
  const notOnAgenda = await server.gql(CAST, { input: voteInput({ applicantId: world.gid('Applicant', world.notOnAgenda.id) }) }, token);
  expect(refusal(notOnAgenda)).toEqual({ code: 'BAD_USER_INPUT', field: 'applicantId' });
  const unknownSession = await server.gql(CAST, { input: voteInput({ sessionId: world.gid('ReviewSession', '00000000-0000-4000-8000-000000000000') }) }, token);
  expect(refusal(unknownSession)).toEqual({ code: 'NOT_FOUND', field: 'sessionId' });
});

test('no vote without a rubric to score, and who may not vote hears that before what is wrong with the input', async () => {
  const em = server.orm.em.fork();
  const unscored = buildApplicant(em, { program: buildProgram(em, {}, []), intake: world.intake });
  em.create(AgendaItem, { session: world.session.id, applicant: unscored, position: 99, votingStatus: VotingStatus.OPEN });
  await em.flush();
  const noRubric = await server.gql(CAST, { input: voteInput({ applicantId: world.gid('Applicant', unscored.id), scores: [] }) }, server.tokenFor(world.chair.id));
  expect(refusal(noRubric)).toEqual({ code: 'INVALID_STATE', field: 'applicantId' });
  expect((await em.getConnection().execute('select count(*)::int as n from vote where applicant_id = ?', [unscored.id]))[0].n).toBe(0);

  const outsiderWithBadInput = await server.gql(CAST, { input: voteInput({ confidence: 9 }) }, server.tokenFor(world.outsider.id));
  expect(refusal(outsiderWithBadInput).code).toBe('FORBIDDEN');
});

test('only members of the committee vote; officers and outsiders are refused', async () => {
  expect(refusal(await server.gql(CAST, { input: voteInput() }, server.tokenFor(world.outsider.id))).code).toBe('FORBIDDEN');
  expect(refusal(await server.gql(CAST, { input: voteInput() }, server.tokenFor(world.officer.id))).code).toBe('FORBIDDEN');
});

test('the database itself refuses an out-of-range score and a second vote by the same member', async () => {
  const knex = server.orm.em.getKnex();
  const vote = await knex('vote').where({ member_id: world.members[0].id }).first();
  await expect(knex('vote_score').where({ vote_id: vote.id, criterion_id: criteria[0].id }).update({ score: 6 })).rejects.toThrow(/vote_score_range_check/);
  await expect(
    knex('vote').insert({ ...vote, id: '00000000-0000-4000-8000-000000000001' }),
  ).rejects.toThrow(/vote_session_id_applicant_id_member_id_unique/);
  await expect(knex('vote').where({ id: vote.id }).update({ confidence: 0 })).rejects.toThrow(/vote_confidence_check/);
  await expect(knex('decision').insert({ id: '00000000-0000-4000-8000-000000000002', applicant_id: world.onAgenda[0].id, outcome: 'REJECT' })).rejects.toThrow(/decision_reject_reason_check/);
});

test('the tally is computed by PostgreSQL and matches the votes', async () => {
  const response = await server.gql(
    `query($id: ID!) { reviewSession(id: $id) { agenda { applicant { id } tally { voteCount overall { mean stdDev min max } criteria { criterion { key } count mean min max } recommendations { recommendation count } } } } }`,
    { id: world.gid('ReviewSession', world.session.id) },
    server.tokenFor(world.officer.id),
  );
  const item = response.data.reviewSession.agenda.find((i: any) => i.applicant.id === world.gid('Applicant', world.onAgenda[1].id));
  // member 0: (3,4,5) → 26/6, ADMIT; member 1: (1,1,1) → 1, WAITLIST
  expect(item.tally.voteCount).toBe(2);
  expect(item.tally.overall.mean).toBeCloseTo((26 / 6 + 1) / 2, 10);
  expect(item.tally.overall.stdDev).toBeCloseTo((26 / 6 - 1) / 2, 10);
  expect(item.tally.criteria[0]).toEqual({ criterion: { key: 'academic_record' }, count: 2, mean: 2, min: 1, max: 3 });
  expect(item.tally.recommendations.filter((r: any) => r.count > 0)).toEqual([
    { recommendation: 'ADMIT', count: 1 },
    { recommendation: 'WAITLIST', count: 1 },
  ]);
  const empty = response.data.reviewSession.agenda.find((i: any) => i.applicant.id === world.gid('Applicant', world.onAgenda[2].id));
  expect(empty.tally).toMatchObject({ voteCount: 0, overall: { mean: null, stdDev: null }, criteria: [] });
});
