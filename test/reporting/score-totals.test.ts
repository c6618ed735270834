import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgreementMetric, ScoringGroup } from '../../src/reporting/report.types';
import { ReportScope } from '../../src/reporting/report-scope';
import { calibration, scoring, ScoreSource } from '../../src/reporting/scoring.queries';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { Recommendation, Vote } from '../../src/reviews/vote.entity';
import { ReviewSession, SessionStatus } from '../../src/reviews/review-session.entity';
import { buildCompleteApplicant, buildVote, buildWorld, World } from '../support/factories';
import { seededRandom as random } from '../support/seeded-random';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Reports read running totals the database keeps per item (score_unit, item_score_summary,
 * vote.overall) instead of every score. Whatever writes the scores — bulk inserts, the vote
 * statement changing, abstaining and re-scoring, members voting on one item at once, a vote
 * deleted, a rubric weight edited — the totals must give exactly the figures a recomputation from
 * the scores gives, for every kind of reader.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const LEVELS = ['poor', 'weak', 'fair', 'good', 'outstanding'];

interface Scene {
  world: World;
  criteria: RubricCriterion[];
  sessions: { id: string }[];
  applicants: { id: string }[];
}

/** Two sessions of the world's committee (the second blind), 16 applicants, random votes and abstentions, half the items closed. */
async function randomScene(seed: number): Promise<Scene> {
  const next = random(seed);
  const world = await buildWorld(server.orm);
  const em = server.orm.em.fork();
  const criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const blind = em.create(ReviewSession, {
    committee: world.committee.id,
    week: world.weeks[1].id,
    title: 'Week 2 review',
    startsAt: new Date('2021-06-02T09:00:00Z'),
    endsAt: new Date('2021-06-02T17:00:00Z'),
    status: SessionStatus.OPEN,
    blind: true,
  });
  const sessions = [world.session, blind];
  const applicants = [];
  for (let i = 0; i < 16; i++) {
    const applicant = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
    applicants.push(applicant);
    const session = sessions[i % 2];
    em.create(AgendaItem, { session: session.id, applicant, position: 100 + i, votingStatus: i % 4 < 2 ? VotingStatus.CLOSED : VotingStatus.OPEN });
    for (const member of [world.chair, ...world.members]) {
      const roll = next();
      if (roll < 0.25) continue;
      if (roll < 0.35) buildVote(em, { session, applicant, member }, [], [], Recommendation.ABSTAIN);
      else buildVote(em, { session, applicant, member }, criteria, criteria.map(() => 1 + Math.floor(Math.pow(next(), 0.7) * 5)));
    }
  }
  await em.flush();
  return { world, criteria, sessions, applicants };
}

function castVote(scene: Scene, member: { id: string }, session: { id: string }, applicant: { id: string }, scores: number[] | null, expectedVersion: number) {
  const { world } = scene;
  return server.gql(
    'mutation($input: CastVoteInput!) { castVote(input: $input) { version overallScore } }',
    {
      input: {
        sessionId: world.gid('ReviewSession', session.id),
        applicantId: world.gid('Applicant', applicant.id),
        scores: scores ? scene.criteria.map((c, i) => ({ criterionId: world.gid('RubricCriterion', c.id), score: scores[i] })) : [],
        recommendation: scores ? 'ADMIT' : 'ABSTAIN',
        confidence: 2,
        expectedVersion,
      },
    },
    server.tokenFor(member.id),
  );
}

async function versionOf(member: { id: string }, session: { id: string }, applicant: { id: string }): Promise<number> {
  const row = await server.orm.em.getKnex()('vote').where({ member_id: member.id, session_id: session.id, applicant_id: applicant.id }).first('version');
  return row?.version ?? 0;
}

/** The readers whose reports must agree: officer (whole program and one session), reporter (closed items), the chair and a member (blind rules). */
function scopes(scene: Scene): ReportScope[] {
  const { world } = scene;
  const base = { conflicted: [], minVotes: 1 };
  return [
    { ...base, kind: 'officer', userId: world.officer.id, filter: { programId: world.program.id } },
    { ...base, kind: 'officer', userId: world.officer.id, filter: { intakeId: world.intake.id, weekId: world.weeks[1].id } },
    { ...base, kind: 'reporter', userId: world.reporter.id, filter: { programId: world.program.id } },
    { ...base, kind: 'member', userId: world.chair.id, filter: { programId: world.program.id } },
    { ...base, kind: 'member', userId: world.members[0].id, filter: { programId: world.program.id } },
  ];
}

/** Numbers to 9 decimals: the two sources divide in different orders (a sum over a count against avg). */
const rounded = (value: unknown): unknown =>
  typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : Array.isArray(value) ? value.map(rounded) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) : value;

async function reportsFrom(scope: ReportScope, source: ScoreSource) {
  const db = server.orm.em.getKnex();
  return rounded({
    byProgram: await scoring(db, scope, ScoringGroup.PROGRAM, AgreementMetric.ORDINAL, source),
    bySession: await scoring(db, scope, ScoringGroup.SESSION, AgreementMetric.INTERVAL, source),
    calibration: await calibration(db, scope, source),
  });
}

/** The totals as kept, against the same figures computed from the scores now (the world's rows only). */
async function expectTotalsKept(scene: Scene) {
  const db = server.orm.em.getKnex();
  const sessionIds = scene.sessions.map((s) => s.id);
  const units = async (sql: string) => (await db.raw(sql, [sessionIds])).rows;
  const kept = await units(
    `select session_id, applicant_id, criterion_id, m, n1, n2, n3, n4, n5 from score_unit where session_id = any(?::uuid[]) and m > 0 order by 1, 2, 3`,
  );
  const recomputed = await units(
    `select v.session_id, v.applicant_id, vs.criterion_id, count(*)::int as m, ${[1, 2, 3, 4, 5].map((n) => `count(*) filter (where vs.score = ${n})::int as n${n}`).join(', ')}
       from vote v join vote_score vs on vs.vote_id = v.id where v.session_id = any(?::uuid[]) group by 1, 2, 3 order by 1, 2, 3`,
  );
  expect(kept).toEqual(recomputed);
  expect(kept.length).toBeGreaterThan(20);
  const overall = await units(
    `select v.id, v.overall::float8 as kept,
            (select (sum(vs.score * rc.weight) / nullif(sum(rc.weight), 0))::float8 from vote_score vs join rubric_criterion rc on rc.id = vs.criterion_id where vs.vote_id = v.id) as recomputed
       from vote v where v.session_id = any(?::uuid[]) order by v.id`,
  );
  expect(overall.map((r: any) => r.kept)).toEqual(overall.map((r: any) => r.recomputed));
  const items = await units(
    `select session_id, applicant_id, votes, overall_sum::float8 as sum, rounded1, rounded2, rounded3, rounded4, rounded5
       from item_score_summary where session_id = any(?::uuid[]) and votes > 0 order by 1, 2`,
  );
  const itemsRecomputed = await units(
    `select session_id, applicant_id, count(*)::int as votes, sum(overall)::float8 as sum,
            ${[1, 2, 3, 4, 5].map((n) => `count(*) filter (where round(overall) = ${n})::int as rounded${n}`).join(', ')}
       from vote where session_id = any(?::uuid[]) and overall is not null group by 1, 2 order by 1, 2`,
  );
  expect(items).toEqual(itemsRecomputed);
}

async function expectReportsAgree(scene: Scene) {
  await expectTotalsKept(scene);
  for (const scope of scopes(scene)) {
    const fromTotals = await reportsFrom(scope, 'totals');
    expect(fromTotals).toEqual(await reportsFrom(scope, 'scores'));
  }
  const officer = (await reportsFrom(scopes(scene)[0], 'totals')) as any;
  expect(officer.byProgram[0].votes).toBeGreaterThan(20);
  expect(officer.calibration.reviewers.length).toBe(4);
}

test.each([1, 2])('on random votes (seed %d), reports from the running totals equal a recomputation from the scores, as votes change', async (seed) => {
  const scene = await randomScene(seed);
  const next = random(seed + 100);
  const { world } = scene;
  const voters = [world.chair, ...world.members];
  await expectReportsAgree(scene);

  // Through the vote statement, on the items still open: changed scores, abstaining (scores cleared), scoring again.
  const open = scene.applicants.map((applicant, index) => ({ applicant, session: scene.sessions[index % 2], index })).filter((item) => item.index % 4 >= 2);
  for (const [i, { applicant, session }] of open.entries()) {
    const member = voters[i % voters.length];
    const scores = i % 3 === 1 ? null : scene.criteria.map(() => 1 + Math.floor(next() * 5));
    const cast = await castVote(scene, member, session, applicant, scores, await versionOf(member, session, applicant));
    expect(cast.errors).toBeUndefined();
    if (i % 3 === 1) {
      const again = await castVote(scene, member, session, applicant, [5, 4, 3], await versionOf(member, session, applicant));
      expect(again.errors).toBeUndefined();
    }
  }
  await expectReportsAgree(scene);

  // A vote removed with its scores (as when its session is deleted), and a rubric weight edited.
  const em = server.orm.em.fork();
  const scored = await em.findOneOrFail(Vote, { session: scene.sessions[0].id, overall: { $ne: null } }, { orderBy: { id: 'asc' } });
  await em.getKnex()('vote').where({ id: scored.id }).delete();
  const rubric = await server.gql(
    `mutation($id: ID!, $criteria: [RubricCriterionInput!]!) { setRubric(programId: $id, criteria: $criteria) { id } }`,
    {
      id: world.gid('Program', world.program.id),
      criteria: scene.criteria.map((c, i) => ({ key: c.key, name: c.name, description: c.description, weight: i === 0 ? 3.5 : 1, levelDescriptions: LEVELS })),
    },
    server.tokenFor(world.officer.id),
  );
  expect(rubric.errors).toBeUndefined();
  await expectReportsAgree(scene);
});

test('members voting on one applicant at once: every vote lands in the totals, none twice', async () => {
  const scene = await randomScene(7);
  const voters = [scene.world.chair, ...scene.world.members];
  const applicant = scene.applicants[2];
  const session = scene.sessions[0];
  // Each member changes their vote five times in a row; the four members run side by side.
  await Promise.all(
    voters.map(async (member, m) => {
      for (let round = 0; round < 5; round++) {
        const cast = await castVote(scene, member, session, applicant, [1 + ((m + round) % 5), 1 + ((m * 2 + round) % 5), 5 - round], await versionOf(member, session, applicant));
        expect(cast.errors).toBeUndefined();
      }
    }),
  );
  await expectReportsAgree(scene);
  const unit = await server.orm.em.getKnex()('score_unit').where({ session_id: session.id, applicant_id: applicant.id, criterion_id: scene.criteria[2].id }).first();
  // Every member's last vote gave this criterion 1 (5 − 4).
  expect(unit).toMatchObject({ m: 4, n1: 4, n2: 0, n3: 0, n4: 0, n5: 0 });
});
