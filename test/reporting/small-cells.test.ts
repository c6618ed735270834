import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { mayShowCell, ReportScope, shownSql } from '../../src/reporting/report-scope';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { Recommendation, Vote } from '../../src/reviews/vote.entity';
import { buildApplicant, buildVote, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Small-cell suppression: a reporter never sees a cell, reviewer row or applicant row resting on
 * fewer than k votes (REPORT_MIN_VOTES, default 3); such a row says `suppressed` and its figures
 * are null. Officers see everything. Votes (overall scores, weights 1, 2, 3):
 *   A1 (closed): chair 4 · member1 4 · member2 2 · member3 3     A2 (closed): member1 5
 *   A3 (closed): chair ABSTAIN · member1 3 · member2 3 · member3 3
 * so member1 has 3 scored votes, the chair 1, members 2 and 3 two each.
 */
let server: TestServer;
let world: World;
let A: World['onAgenda'];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  const em = world.em;
  const criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const [chair, m1, m2, m3] = [world.chair, ...world.members];
  A = [...world.onAgenda];
  const vote = (applicant: number, member: { id: string }, score: number, recommendation = Recommendation.ADMIT) =>
    buildVote(em, { session: world.session, applicant: A[applicant], member }, criteria, [score, score, score], recommendation);
  vote(0, chair, 4);
  vote(0, m1, 4);
  vote(0, m2, 2);
  vote(0, m3, 3);
  vote(1, m1, 5);
  em.create(Vote, { session: world.session.id, applicant: A[2].id, member: chair.id, recommendation: Recommendation.ABSTAIN, confidence: 1 });
  vote(2, m1, 3);
  vote(2, m2, 3);
  vote(2, m3, 3);
  for (const applicant of A) (await em.findOneOrFail(AgendaItem, { session: world.session.id, applicant: applicant.id })).votingStatus = VotingStatus.CLOSED;
  await em.flush();
});
afterAll(() => server.stop());

const CALIBRATION = `{ calibrationReport {
  reviewers { label suppressed votes meanScore severity stdDev }
  applicants { applicantId suppressed votes rawMean rawRank normalizedMean normalizedRank disagreement } } }`;
const as = (user: { id: string }, query: string, variables: Record<string, unknown> = {}, on = server) => on.gql(query, variables, on.tokenFor(user.id));

test('calibration for a reporter: reviewer and applicant rows under 3 votes are suppressed, and ranks are among the shown rows only', async () => {
  const { data, errors } = await as(world.reporter, CALIBRATION);
  expect(errors).toBeUndefined();
  const { reviewers, applicants } = data.calibrationReport;
  // Shown rows first, so a hidden row's place in the order says nothing.
  expect(reviewers.map((r: any) => [r.suppressed, r.votes])).toEqual([[false, 3], [true, null], [true, null], [true, null]]);
  expect(reviewers.slice(1).every((r: any) => r.meanScore === null && r.severity === null && r.stdDev === null && /^Reviewer \d$/.test(r.label))).toBe(true);
  const byId = Object.fromEntries(applicants.map((a: any) => [a.applicantId, a]));
  expect(byId[world.gid('Applicant', A[1].id)]).toEqual({
    applicantId: world.gid('Applicant', A[1].id), suppressed: true, votes: null, rawMean: null, rawRank: null, normalizedMean: null, normalizedRank: null, disagreement: null,
  });
  // A3's abstention is no vote here: three scored votes, mean 3.
  expect(byId[world.gid('Applicant', A[2].id)]).toMatchObject({ suppressed: false, votes: 3, rawMean: 3, rawRank: 2 });
  expect(byId[world.gid('Applicant', A[0].id)]).toMatchObject({ suppressed: false, votes: 4, rawMean: 3.25, rawRank: 1 });
  expect(applicants[applicants.length - 1].suppressed).toBe(true);
});

test('the same report for an officer shows every row', async () => {
  const { data } = await as(world.officer, CALIBRATION);
  expect(data.calibrationReport.reviewers.every((r: any) => !r.suppressed && r.votes > 0)).toBe(true);
  const a2 = data.calibrationReport.applicants.find((a: any) => a.applicantId === world.gid('Applicant', A[1].id));
  expect(a2).toMatchObject({ suppressed: false, votes: 1, rawMean: 5 });
});

test('scoring: buckets under k are suppressed, and a lone hidden bucket takes the next smallest with it', async () => {
  const em = server.orm.em.fork();
  // A second session holding one vote only.
  const criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const single = buildApplicant(em, { program: world.program, intake: world.intake });
  em.create(AgendaItem, { session: world.session.id, applicant: single, position: 30, votingStatus: VotingStatus.CLOSED });
  buildVote(em, { session: world.session, applicant: single, member: world.members[1] }, criteria, [2, 2, 2]);
  await em.flush();

  const SCORING = `query($f: ReportFilter) { scoringReport(by: SESSION, filter: $f) { suppressed votes alpha criteria { suppressed count mean median stdDev alpha } overallDistribution { score count suppressed } } }`;
  const [row] = (await as(world.reporter, SCORING)).data.scoringReport;
  // 4 + 1 + 3 + 1 scored votes; overall scores 4, 4, 2, 3, 5, 3, 3, 3, 2.
  expect(row).toMatchObject({ suppressed: false, votes: 9 });
  expect(row.criteria[0]).toMatchObject({ suppressed: false, count: 9 });
  // Buckets: 2 → 2 votes, 3 → 4, 4 → 2, 5 → 1. Under 3: 2, 4 and 5 are hidden; 3 is shown.
  expect(row.overallDistribution).toEqual([
    { score: 2, count: null, suppressed: true },
    { score: 3, count: 4, suppressed: false },
    { score: 4, count: null, suppressed: true },
    { score: 5, count: null, suppressed: true },
  ]);
  const officerRow = (await as(world.officer, SCORING)).data.scoringReport[0];
  expect(officerRow.overallDistribution.map((b: any) => b.count)).toEqual([2, 4, 2, 1]);

  // One hidden bucket alone would be given away by the total: the next smallest goes with it.
  const k = await startTestServer({ settings: { reportMinVotes: 2 } });
  try {
    const copy = await buildWorld(k.orm);
    const copyCriteria = await k.orm.em.fork().find(RubricCriterion, { program: copy.program.id }, { orderBy: { position: 'asc' } });
    const cem = k.orm.em.fork();
    [[copy.chair, 4], [copy.members[0], 4], [copy.members[1], 3], [copy.members[2], 3], [copy.outsider, 5]].forEach(([member, score]) => {
      if (member === copy.outsider) cem.create(CommitteeMember, { committee: copy.committee.id, user: member as never, role: SeatRole.MEMBER });
      buildVote(cem, { session: copy.session, applicant: copy.onAgenda[0], member: member as { id: string } }, copyCriteria, [score as number, score as number, score as number]);
    });
    await cem.nativeUpdate(AgendaItem, { session: copy.session.id }, { votingStatus: VotingStatus.CLOSED });
    await cem.flush();
    const [kRow] = (await as(copy.reporter, SCORING, {}, k)).data.scoringReport;
    expect(kRow.overallDistribution).toEqual([
      { score: 3, count: null, suppressed: true },
      { score: 4, count: 2, suppressed: false },
      { score: 5, count: null, suppressed: true },
    ]);
  } finally {
    await k.stop();
  }
});

test('a report narrowed to a single vote shows nothing of it to a reporter', async () => {
  const em = server.orm.em.fork();
  const criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const { ReviewSession } = await import('../../src/reviews/review-session.entity');
  const session = em.create(ReviewSession, {
    committee: world.committee.id, week: world.weeks[1].id, title: 'One vote', startsAt: new Date('2021-06-25T09:00:00Z'), endsAt: new Date('2021-06-25T12:00:00Z'),
  });
  const applicant = buildApplicant(em, { program: world.program, intake: world.intake });
  em.create(AgendaItem, { session, applicant, position: 0, votingStatus: VotingStatus.CLOSED });
  buildVote(em, { session, applicant, member: world.members[1] }, criteria, [4, 4, 4]);
  await em.flush();
  const filter = { weekId: world.gid('ReviewWeek', world.weeks[1].id) };
  const { data } = await as(world.reporter, `query($f: ReportFilter) {
    calibrationReport(filter: $f) { reviewers { suppressed votes meanScore } applicants { suppressed votes rawMean } }
    scoringReport(filter: $f) { suppressed votes criteria { suppressed mean } overallDistribution { score } }
    committeeWorkReport(filter: $f) { members { suppressed votesCast } sessions { title participationRate participationSuppressed } } }`, { f: filter });
  expect(data.calibrationReport).toEqual({ reviewers: [{ suppressed: true, votes: null, meanScore: null }], applicants: [{ suppressed: true, votes: null, rawMean: null }] });
  expect(data.scoringReport).toEqual([{ suppressed: true, votes: null, criteria: [{ suppressed: true, mean: null }, { suppressed: true, mean: null }, { suppressed: true, mean: null }], overallDistribution: [] }]);
  expect(data.committeeWorkReport.members).toEqual([{ suppressed: true, votesCast: null }]);
  expect(data.committeeWorkReport.sessions).toEqual([{ title: 'One vote', participationRate: null, participationSuppressed: true }]);
  // The officer reads the one vote.
  const officer = (await as(world.officer, `query($f: ReportFilter) { calibrationReport(filter: $f) { reviewers { votes meanScore } } }`, { f: filter })).data;
  expect(officer.calibrationReport.reviewers).toEqual([{ votes: 1, meanScore: 4 }]);
});

test('shownSql and mayShowCell agree on every count', async () => {
  const scope = { kind: 'reporter', userId: '', conflicted: [], minVotes: 3, filter: {} } as ReportScope;
  const counts = [0, 1, 2, 3, 4, 10];
  const { rows } = await server.orm.em.getKnex().raw(`select n, ${shownSql(scope, 'n')} as shown from unnest(?::int[]) as n order by n`, [counts]);
  expect(rows.map((r: any) => r.shown)).toEqual(counts.map((n) => mayShowCell(scope, n)));
});
