import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { Decision } from '../../src/decisions/decision.entity';
import { DecisionCondition } from '../../src/decisions/decision-condition.entity';
import { AdmissionCondition, DecisionOutcome, RejectionReason } from '../../src/decisions/decision.enums';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { ReviewSession } from '../../src/reviews/review-session.entity';
import { Recommendation } from '../../src/reviews/vote.entity';
import { buildApplicant, buildVote, buildWorld, World } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/**
 * A known data set, and the exact figures each report must give for each kind of reader.
 * Votes (rubric weights 1, 2, 3; overall = weighted mean):
 *   A1 (voting closed): chair 5,5,5 → 5 · member1 3,3,3 → 3 · member2 4,4,4 → 4
 *   A2 (voting closed): chair 2,2,2 → 2 · member1 2,2,2 → 2
 *   A3 (voting open):   member1 1,2,3 → 14/6
 *   and member2 abstained on A2: no scores, in no mean, spread or agreement; a vote in the counts.
 * The session is blind and nothing is revealed; member3 is conflicted with A1.
 */
let server: TestServer;
let world: World;
let A: World['onAgenda'];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  A = world.onAgenda;
  const em = world.em;
  const criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const [chair, m1, m2, m3] = [world.chair, ...world.members];
  const session = world.session;
  buildVote(em, { session, applicant: A[0], member: chair }, criteria, [5, 5, 5]);
  buildVote(em, { session, applicant: A[0], member: m1 }, criteria, [3, 3, 3]);
  buildVote(em, { session, applicant: A[0], member: m2 }, criteria, [4, 4, 4], Recommendation.WAITLIST);
  buildVote(em, { session, applicant: A[1], member: chair }, criteria, [2, 2, 2], Recommendation.REJECT);
  buildVote(em, { session, applicant: A[1], member: m1 }, criteria, [2, 2, 2], Recommendation.REJECT);
  buildVote(em, { session, applicant: A[2], member: m1 }, criteria, [1, 2, 3]);
  buildVote(em, { session, applicant: A[1], member: m2 }, [], [], Recommendation.ABSTAIN);
  for (const applicant of [A[0], A[1]]) {
    const item = await em.findOneOrFail(AgendaItem, { session, applicant });
    item.votingStatus = VotingStatus.CLOSED;
  }
  em.create(ConflictOfInterest, { user: m3, applicant: A[0], source: ConflictSource.DECLARED, reason: 'Relative' });
  (await em.findOneOrFail(ReviewSession, session.id)).openedAt = new Date('2021-05-26T09:00:00Z');
  const admitted = em.create(Decision, { applicant: A[0], session, outcome: DecisionOutcome.ADMIT, scholarshipPercent: 50, createdAt: new Date('2021-05-26T09:30:00Z') });
  em.create(DecisionCondition, { decision: admitted, kind: AdmissionCondition.ENGLISH_EXAM, required: true, description: 'No certificate' });
  em.create(Decision, {
    applicant: A[1], session, outcome: DecisionOutcome.REJECT, rejectionReason: RejectionReason.MINIMUM_GRADE_NOT_MET, reason: 'Minimum CGPA not met',
    createdAt: new Date('2021-05-28T10:30:00Z'),
  });
  buildApplicant(em, { program: world.otherProgram, intake: world.intake }, { ects: 179 });
  await em.flush();
});
afterAll(() => server.stop());

const as = (user: { id: string }) => (query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, server.tokenFor(user.id));

const SCORING = `query($by: ScoringGroup, $metric: AgreementMetric) { scoringReport(by: $by, metric: $metric) {
  groupLabel votes alpha criteria { criterionKey count mean median stdDev alpha } overallDistribution { score count } } }`;

test('scoring: per-criterion mean, median, sample deviation and the overall distribution, for an officer', async () => {
  const { data, errors } = await as(world.officer)(SCORING, { by: 'PROGRAM' });
  expect(errors).toBeUndefined();
  expect(data.scoringReport).toHaveLength(1);
  const [row] = data.scoringReport;
  expect(row.votes).toBe(6);
  const academic = row.criteria[0];
  // academic_record: 5, 3, 4, 2, 2, 1
  expect(academic).toMatchObject({ criterionKey: 'academic_record', count: 6, median: 2.5 });
  expect(academic.mean).toBeCloseTo(17 / 6, 10);
  expect(academic.stdDev).toBeCloseTo(Math.sqrt(65 / 30), 10);
  // overall: 5, 3, 4, 2, 2, 2.33 → rounded 5, 3, 4, 2, 2, 2
  expect(row.overallDistribution).toEqual([{ score: 2, count: 3 }, { score: 3, count: 1 }, { score: 4, count: 1 }, { score: 5, count: 1 }]);
  expect(typeof row.alpha).toBe('number');
});

test('reporters see only finished reviews; a member who has not voted in a blind session derives nothing hidden', async () => {
  const reporter = (await as(world.reporter)(SCORING)).data.scoringReport[0];
  expect(reporter.votes).toBe(5);
  expect(reporter.criteria[0].mean).toBeCloseTo(16 / 5, 10);

  // member2 scored A1 and abstained on A2 (an abstention is a vote: blind mode opens A2 to them
  // too), never A3: their aggregates use the scored votes on A1 and A2 and nothing of A3.
  const member2 = (await as(world.members[1])(SCORING)).data.scoringReport[0];
  expect(member2.votes).toBe(5);
  // academic_record: A1 5, 3, 4; A2 2, 2 — member2's abstention adds nothing.
  expect(member2.criteria[0]).toMatchObject({ count: 5, median: 3 });
  expect(member2.criteria[0].mean).toBeCloseTo(16 / 5, 10);

  // member3 has voted on nothing and is conflicted with A1: no aggregate to read at all.
  expect((await as(world.members[2])(SCORING)).data.scoringReport).toEqual([]);
  const calibration = (await as(world.members[2])(`{ calibrationReport { reviewers { label } applicants { applicantId } } }`)).data.calibrationReport;
  expect(calibration).toEqual({ reviewers: [], applicants: [] });
  // A member of another committee reads nothing of this one.
  expect((await as(world.outsider)(SCORING)).data.scoringReport).toEqual([]);
  expect((await as(world.outsider)(`{ funnelReport { registered } }`)).data.funnelReport).toEqual([]);
});

test('funnel: stages, outcomes, admit rate, conditions and scholarships; null rates without decisions', async () => {
  const { data, errors } = await as(world.officer)(`{ funnelReport(groupBy: [PROGRAM]) {
    programCode registered complete scheduled reviewed decided admitRate scholarshipsGranted meanScholarshipPercent
    decisions { outcome count } conditionalAdmissions { condition count } } }`);
  expect(errors).toBeUndefined();
  const byProgram = Object.fromEntries(data.funnelReport.map((r: any) => [r.programCode, r]));
  expect(byProgram[world.program.code]).toMatchObject({ registered: 4, complete: 0, scheduled: 3, reviewed: 2, decided: 2, admitRate: 0.5, scholarshipsGranted: 1, meanScholarshipPercent: 50 });
  expect(byProgram[world.program.code].decisions.filter((d: any) => d.count)).toEqual([{ outcome: 'ADMIT', count: 1 }, { outcome: 'REJECT', count: 1 }]);
  expect(byProgram[world.program.code].conditionalAdmissions.filter((c: any) => c.count)).toEqual([{ condition: 'ENGLISH_EXAM', count: 1 }]);
  expect(byProgram[world.otherProgram.code]).toMatchObject({ registered: 1, decided: 0, admitRate: null, meanScholarshipPercent: null });

  // A row's ids are the ones the filter takes: narrowing to the row shown gives that row alone.
  const grouped = await as(world.officer)(`{ funnelReport(groupBy: [INTAKE, PROGRAM]) { intakeId programId registered } }`);
  const row = grouped.data.funnelReport.find((r: any) => r.programId === world.gid('Program', world.program.id));
  expect(row.intakeId).toBe(world.gid('Intake', world.intake.id));
  const narrowed = await as(world.officer)(`query($f: ReportFilter) { funnelReport(filter: $f) { programId registered } }`, { f: { programId: row.programId, intakeId: row.intakeId } });
  expect(narrowed.data.funnelReport).toEqual([{ programId: row.programId, registered: row.registered }]);

  const empty = await as(world.officer)(`query($f: ReportFilter) { funnelReport(filter: $f) { registered } }`, { f: { from: '2030-01-01' } });
  expect(empty.data.funnelReport).toEqual([]);
  const centuries = await as(world.reporter)(`query($f: ReportFilter) { decisionsPerDay(filter: $f) { day } }`, { f: { from: '1900-01-01', to: '2200-12-31' } });
  expect(refusal(centuries)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  const backwards = await as(world.officer)(`query($f: ReportFilter) { funnelReport(filter: $f) { registered } }`, { f: { from: '2030-01-02', to: '2030-01-01' } });
  expect(refusal(backwards)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.from' });
});

test('applicant mix: counts and shares along a dimension', async () => {
  const { data } = await as(world.reporter)(`{ applicantMixReport(dimension: ROUTE) { value count share } }`);
  expect(data.applicantMixReport).toEqual([
    { value: 'REGULAR', count: 4, share: 0.8 },
    { value: 'TRANSFER', count: 1, share: 0.2 },
  ]);
  const visa = await as(world.officer)(`{ applicantMixReport(dimension: VISA) { value count share } }`);
  expect(visa.data.applicantMixReport).toEqual([{ value: 'NO_VISA', count: 5, share: 1 }]);
});

test('calibration: severity, z-scores, and applicants sorted by disagreement; anonymous for reporters', async () => {
  const { data, errors } = await as(world.officer)(`{ calibrationReport {
    reviewers { label votes meanScore severity }
    applicants { applicantId applicantName votes rawMean rawRank normalizedMean normalizedRank disagreement } } }`);
  expect(errors).toBeUndefined();
  const reviewers = data.calibrationReport.reviewers;
  expect(reviewers.map((r: any) => [r.label, r.votes, r.severity])).toEqual([
    ['Member 1', 3, -0.5],
    ['Member 2', 1, 0],
    ['Chair', 2, 0.5],
  ]);
  const applicants = data.calibrationReport.applicants;
  expect(applicants.map((a: any) => a.applicantId)).toEqual([A[0], A[1], A[2]].map((a) => world.gid('Applicant', a.id)));
  expect(applicants.map((a: any) => [a.rawRank, a.normalizedRank])).toEqual([[1, 1], [3, 3], [2, 2]]);
  expect(applicants[0].disagreement).toBeCloseTo(1, 10);
  expect(applicants[1].disagreement).toBe(0);
  expect(applicants[2].disagreement).toBeNull();
  // chair z(A1) = 1/√2; member1 z(A1) = (3 − 22/9) / sd(3, 2, 7/3); member2 has one vote, no spread.
  const m1sd = Math.sqrt(((3 - 22 / 9) ** 2 + (2 - 22 / 9) ** 2 + (7 / 3 - 22 / 9) ** 2) / 2);
  expect(applicants[0].normalizedMean).toBeCloseTo((Math.SQRT1_2 + (3 - 22 / 9) / m1sd) / 2, 10);

  const anonymous = (await as(world.reporter)(`{ calibrationReport { reviewers { reviewerId label } applicants { applicantName } } }`)).data.calibrationReport;
  expect(anonymous.reviewers.every((r: any) => r.reviewerId === null && /^Reviewer \d$/.test(r.label))).toBe(true);
  expect(anonymous.applicants.every((a: any) => a.applicantName === null)).toBe(true);
});

test('committee work and decisions per day', async () => {
  const { data, errors } = await as(world.officer)(`{
    committeeWorkReport { members { label votesCast } sessions { title participationRate meanMinutesToDecision medianMinutesToDecision } weeks { label sessionsHeld } }
    decisionsPerDay { day total decisions { outcome count } } }`);
  expect(errors).toBeUndefined();
  // An abstention is a vote cast: member 2 cast two.
  expect(data.committeeWorkReport.members).toEqual([
    { label: 'Member 1', votesCast: 3 },
    { label: 'Chair', votesCast: 2 },
    { label: 'Member 2', votesCast: 2 },
  ]);
  // 7 votes of 4 seats × 3 applicants; decisions 30 and 2 days + 90 minutes after opening.
  expect(data.committeeWorkReport.sessions).toEqual([
    { title: 'Week 1 review', participationRate: 7 / 12, meanMinutesToDecision: (30 + 2970) / 2, medianMinutesToDecision: (30 + 2970) / 2 },
  ]);
  expect(data.committeeWorkReport.weeks).toEqual([{ label: 'week 1', sessionsHeld: 1 }]);
  expect(data.decisionsPerDay.map((d: any) => [d.day, d.total])).toEqual([
    ['2021-05-26', 1],
    ['2021-05-27', 0],
    ['2021-05-28', 1],
  ]);
});

test('officers export raw scores as CSV; no one else does', async () => {
  const { data } = await as(world.officer)(`{ scoresCsv }`);
  const lines = data.scoresCsv.trim().split('\r\n');
  expect(lines[0]).toBe('session,applicant_id,applicant,program,member,criterion,score,recommendation,confidence,vote_version,cast_at');
  expect(lines).toHaveLength(1 + 6 * 3);
  expect(refusal(await as(world.reporter)(`{ scoresCsv }`)).code).toBe('FORBIDDEN');
  expect(refusal(await as(world.members[0])(`{ scoresCsv }`)).code).toBe('FORBIDDEN');
});
