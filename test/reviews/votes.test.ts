import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { buildApplicant, buildProgram, buildWorld, World } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/** Casting and changing votes, and abstaining. Every test builds its own committee and agenda. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

interface Scene {
  world: World;
  criteria: RubricCriterion[];
  token: (user: { id: string }) => Promise<string>;
  input: (overrides?: Record<string, unknown>, scores?: number[], applicant?: number) => Record<string, unknown>;
}

async function scene(): Promise<Scene> {
  const world = await buildWorld(server.orm);
  const criteria = await server.orm.em.fork().find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  return {
    world,
    criteria,
    token: (user) => server.tokenFor(user.id),
    input: (overrides = {}, scores = [3, 4, 5], applicant = 1) => ({
      sessionId: world.gid('ReviewSession', world.session.id),
      applicantId: world.gid('Applicant', world.onAgenda[applicant].id),
      scores: criteria.map((c, i) => ({ criterionId: world.gid('RubricCriterion', c.id), score: scores[i] })),
      recommendation: 'ADMIT',
      confidence: 3,
      ...overrides,
    }),
  };
}

const CAST = `mutation($input: CastVoteInput!) { castVote(input: $input) { id version recommendation confidence overallScore scores { score criterion { key } } } }`;
const TALLY = `query($id: ID!) { reviewSession(id: $id) { agenda { applicant { id } tally {
  voteCount scoredVoteCount overall { mean stdDev min max } criteria { criterion { key } count mean min max } recommendations { recommendation count } } } } }`;

async function tallyOf(s: Scene, applicant: number) {
  const response = await server.gql(TALLY, { id: s.world.gid('ReviewSession', s.world.session.id) }, s.token(s.world.officer));
  return response.data.reviewSession.agenda.find((i: any) => i.applicant.id === s.world.gid('Applicant', s.world.onAgenda[applicant].id)).tally;
}

test('a vote carries one score per criterion and a weighted overall score', async () => {
  const s = await scene();
  const response = await server.gql(CAST, { input: s.input() }, s.token(s.world.members[0]));
  expect(response.errors).toBeUndefined();
  // weights 1, 2, 3: (3*1 + 4*2 + 5*3) / 6
  expect(response.data.castVote).toMatchObject({ version: 1, overallScore: 26 / 6, scores: [{ score: 3, criterion: { key: 'academic_record' } }, { score: 4, criterion: { key: 'references' } }, { score: 5, criterion: { key: 'motivation' } }] });
});

test('a change names the version it was made from; a stale one is refused and nothing is overwritten', async () => {
  const s = await scene();
  const token = s.token(s.world.members[1]);
  const first = await server.gql(CAST, { input: s.input() }, token);
  expect(first.data.castVote.version).toBe(1);
  const changed = await server.gql(CAST, { input: s.input({ expectedVersion: 1, recommendation: 'WAITLIST' }, [1, 1, 1]) }, token);
  expect(changed.data.castVote).toMatchObject({ version: 2, recommendation: 'WAITLIST', overallScore: 1 });

  const staleTab = await server.gql(CAST, { input: s.input({ expectedVersion: 1, recommendation: 'REJECT' }) }, token);
  expect(refusal(staleTab)).toEqual({ code: 'STALE_VERSION', field: 'expectedVersion' });
  expect(staleTab.errors?.[0].extensions?.currentVersion).toBe(2);
  const noVersion = await server.gql(CAST, { input: s.input() }, token);
  expect(refusal(noVersion).code).toBe('STALE_VERSION');
  const noVote = await server.gql(CAST, { input: s.input({ expectedVersion: 1 }, [3, 4, 5], 2) }, token);
  expect(refusal(noVote)).toEqual({ code: 'STALE_VERSION', field: 'expectedVersion' });
  expect(noVote.errors?.[0].extensions?.currentVersion).toBe(0);

  const stored = await server.gql('query($id: ID!) { node(id: $id) { ... on Vote { version recommendation } } }', { id: changed.data.castVote.id }, token);
  expect(stored.data.node).toEqual({ version: 2, recommendation: 'WAITLIST' });
});

test('refuses scores outside 1–5, missing or foreign criteria, and bad confidence or scholarship', async () => {
  const s = await scene();
  const token = s.token(s.world.members[2]);
  const cases: [Record<string, unknown>, number[], string][] = [
    [{}, [0, 3, 3], 'scores[0].score'],
    [{}, [3, 6, 3], 'scores[1].score'],
    [{ confidence: 4 }, [3, 3, 3], 'confidence'],
    [{ proposedScholarship: 101 }, [3, 3, 3], 'proposedScholarship'],
  ];
  for (const [overrides, scores, field] of cases) {
    expect(refusal(await server.gql(CAST, { input: s.input(overrides, scores) }, token))).toEqual({ code: 'BAD_USER_INPUT', field });
  }
  const missing = s.input();
  missing.scores = (missing.scores as unknown[]).slice(0, 2);
  expect(refusal(await server.gql(CAST, { input: missing }, token))).toEqual({ code: 'BAD_USER_INPUT', field: 'scores' });
  const twice = s.input();
  (twice.scores as unknown[])[1] = (twice.scores as unknown[])[0];
  expect(refusal(await server.gql(CAST, { input: twice }, token))).toEqual({ code: 'BAD_USER_INPUT', field: 'scores[1].criterionId' });
  const foreign = s.input();
  (foreign.scores as any[])[2] = { criterionId: s.world.gid('RubricCriterion', '00000000-0000-4000-8000-000000000009'), score: 3 };
  expect(refusal(await server.gql(CAST, { input: foreign }, token))).toEqual({ code: 'BAD_USER_INPUT', field: 'scores[2].criterionId' });
  const notOnAgenda = await server.gql(CAST, { input: s.input({ applicantId: s.world.gid('Applicant', s.world.notOnAgenda.id) }) }, token);
  expect(refusal(notOnAgenda)).toEqual({ code: 'BAD_USER_INPUT', field: 'applicantId' });
  const unknownSession = await server.gql(CAST, { input: s.input({ sessionId: s.world.gid('ReviewSession', '00000000-0000-4000-8000-000000000000') }) }, token);
  expect(refusal(unknownSession)).toEqual({ code: 'NOT_FOUND', field: 'sessionId' });
  const unknownApplicant = await server.gql(CAST, { input: s.input({ applicantId: s.world.gid('Applicant', '00000000-0000-4000-8000-000000000000') }) }, token);
  expect(refusal(unknownApplicant)).toEqual({ code: 'NOT_FOUND', field: 'applicantId' });
  expect(await server.orm.em.fork().count('Vote', { member: s.world.members[2].id })).toBe(0);
});

test('no vote without a rubric to score, and who may not vote hears that before what is wrong with the input', async () => {
  const s = await scene();
  const em = server.orm.em.fork();
  const unscored = buildApplicant(em, { program: buildProgram(em, {}, []), intake: s.world.intake });
  em.create(AgendaItem, { session: s.world.session.id, applicant: unscored, position: 99, votingStatus: VotingStatus.OPEN });
  await em.flush();
  const noRubric = await server.gql(CAST, { input: s.input({ applicantId: s.world.gid('Applicant', unscored.id), scores: [] }) }, s.token(s.world.chair));
  expect(refusal(noRubric)).toEqual({ code: 'INVALID_STATE', field: 'applicantId' });
  expect((await em.getConnection().execute('select count(*)::int as n from vote where applicant_id = ?', [unscored.id]))[0].n).toBe(0);

  const outsiderWithBadInput = await server.gql(CAST, { input: s.input({ confidence: 9 }) }, s.token(s.world.outsider));
  expect(refusal(outsiderWithBadInput).code).toBe('FORBIDDEN');
});

test('only members of the committee vote; officers and outsiders are refused', async () => {
  const s = await scene();
  expect(refusal(await server.gql(CAST, { input: s.input() }, s.token(s.world.outsider))).code).toBe('FORBIDDEN');
  expect(refusal(await server.gql(CAST, { input: s.input() }, s.token(s.world.officer))).code).toBe('FORBIDDEN');
});

test('the database itself refuses an out-of-range score and a second vote by the same member', async () => {
  const s = await scene();
  expect((await server.gql(CAST, { input: s.input() }, s.token(s.world.members[0]))).errors).toBeUndefined();
  const knex = server.orm.em.getKnex();
  const vote = await knex('vote').where({ member_id: s.world.members[0].id }).first();
  await expect(knex('vote_score').where({ vote_id: vote.id, criterion_id: s.criteria[0].id }).update({ score: 6 })).rejects.toThrow(/vote_score_range_check/);
  await expect(knex('vote').insert({ ...vote, id: '00000000-0000-4000-8000-000000000001' })).rejects.toThrow(/vote_session_id_applicant_id_member_id_unique/);
  await expect(knex('vote').where({ id: vote.id }).update({ confidence: 0 })).rejects.toThrow(/vote_confidence_check/);
  await expect(knex('decision').insert({ id: '00000000-0000-4000-8000-000000000002', applicant_id: s.world.onAgenda[0].id, outcome: 'REJECT' })).rejects.toThrow(/decision_reject_reason_check/);
});

test('the tally is computed by PostgreSQL and matches the votes', async () => {
  const s = await scene();
  await server.gql(CAST, { input: s.input() }, s.token(s.world.members[0]));
  await server.gql(CAST, { input: s.input({ recommendation: 'WAITLIST' }, [1, 1, 1]) }, s.token(s.world.members[1]));
  const tally = await tallyOf(s, 1);
  // member 0: (3,4,5) → 26/6, ADMIT; member 1: (1,1,1) → 1, WAITLIST
  expect(tally.voteCount).toBe(2);
  expect(tally.overall.mean).toBeCloseTo((26 / 6 + 1) / 2, 10);
  expect(tally.overall.stdDev).toBeCloseTo((26 / 6 - 1) / 2, 10);
  expect(tally.criteria[0]).toEqual({ criterion: { key: 'academic_record' }, count: 2, mean: 2, min: 1, max: 3 });
  expect(tally.recommendations.filter((r: any) => r.count > 0)).toEqual([
    { recommendation: 'ADMIT', count: 1 },
    { recommendation: 'WAITLIST', count: 1 },
  ]);
  expect(await tallyOf(s, 2)).toMatchObject({ voteCount: 0, scoredVoteCount: 0, overall: { mean: null, stdDev: null }, criteria: [] });
});

describe('abstentions', () => {
  test('need no scores, refuse any, and count among the recommendations but never in a mean or spread', async () => {
    const s = await scene();
    // Two members score 4 everywhere; before, an abstainer had to enter 1s and pulled the mean of 4 down to 3.
    for (const member of [s.world.members[0], s.world.members[1]]) {
      expect((await server.gql(CAST, { input: s.input({}, [4, 4, 4]) }, s.token(member))).errors).toBeUndefined();
    }
    const withScores = await server.gql(CAST, { input: s.input({ recommendation: 'ABSTAIN' }, [1, 1, 1]) }, s.token(s.world.members[2]));
    expect(refusal(withScores)).toEqual({ code: 'BAD_USER_INPUT', field: 'scores' });
    const abstained = await server.gql(CAST, { input: s.input({ recommendation: 'ABSTAIN', scores: [] }) }, s.token(s.world.members[2]));
    expect(abstained.errors).toBeUndefined();
    expect(abstained.data.castVote).toMatchObject({ version: 1, recommendation: 'ABSTAIN', overallScore: null, scores: [] });
    const leftOut = { ...s.input({ recommendation: 'ABSTAIN' }) };
    delete leftOut.scores;
    expect((await server.gql(CAST, { input: leftOut }, s.token(s.world.chair))).data.castVote).toMatchObject({ recommendation: 'ABSTAIN', scores: [] });

    const tally = await tallyOf(s, 1);
    expect(tally).toMatchObject({ voteCount: 4, scoredVoteCount: 2, overall: { mean: 4, stdDev: 0, min: 4, max: 4 } });
    expect(tally.criteria.map((c: any) => c.count)).toEqual([2, 2, 2]);
    expect(tally.recommendations.filter((r: any) => r.count > 0)).toEqual([
      { recommendation: 'ADMIT', count: 2 },
      { recommendation: 'ABSTAIN', count: 2 },
    ]);
  });

  test('a scored vote changed to an abstention loses its scores, and back again', async () => {
    const s = await scene();
    const token = s.token(s.world.members[0]);
    expect((await server.gql(CAST, { input: s.input({}, [2, 2, 2]) }, token)).data.castVote.version).toBe(1);
    const abstain = await server.gql(CAST, { input: s.input({ recommendation: 'ABSTAIN', scores: [], expectedVersion: 1 }) }, token);
    expect(abstain.data.castVote).toMatchObject({ version: 2, scores: [], overallScore: null });
    expect(await tallyOf(s, 1)).toMatchObject({ voteCount: 1, scoredVoteCount: 0, overall: { mean: null }, criteria: [] });
    const back = await server.gql(CAST, { input: s.input({ expectedVersion: 2 }, [5, 5, 5]) }, token);
    expect(back.data.castVote).toMatchObject({ version: 3, overallScore: 5 });
    const history = await server.gql(
      'query($id: ID!) { node(id: $id) { ... on Vote { history { version recommendation scores { score } } } } }',
      { id: back.data.castVote.id },
      token,
    );
    expect(history.data.node.history.map((h: any) => [h.version, h.recommendation, h.scores.length])).toEqual([
      [1, 'ADMIT', 3],
      [2, 'ABSTAIN', 0],
      [3, 'ADMIT', 3],
    ]);
  });

  test('an abstention needs no rubric', async () => {
    const s = await scene();
    const em = server.orm.em.fork();
    const unscored = buildApplicant(em, { program: buildProgram(em, {}, []), intake: s.world.intake });
    em.create(AgendaItem, { session: s.world.session.id, applicant: unscored, position: 99, votingStatus: VotingStatus.OPEN });
    await em.flush();
    const abstained = await server.gql(CAST, { input: s.input({ applicantId: s.world.gid('Applicant', unscored.id), recommendation: 'ABSTAIN', scores: [] }) }, s.token(s.world.chair));
    expect(abstained.errors).toBeUndefined();
  });
});
