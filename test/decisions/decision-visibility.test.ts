import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { buildCompleteApplicant, buildWorld } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/** A member conflicted with an applicant sees nothing of the committee's decision on them until it is published. */
let server: TestServer;
const token = (user: { id: string }) => server.tokenFor(user.id);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

test('fields, filters, counts, node and reports alike; everything once it is published', async () => {
  const world = await buildWorld(server.orm);
  const em = server.orm.em.fork();
  const applicant = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
  em.create(AgendaItem, { session: world.session.id, applicant, position: 9, votingStatus: VotingStatus.CLOSED });
  const conflicted = world.members[2];
  // Conflicted after the vote, say: they still sit on the session and see the applicant's file.
  em.create(ConflictOfInterest, { user: conflicted.id, applicant, source: ConflictSource.DECLARED, reason: 'Relative' });
  await em.flush();
  await em.getConnection().execute(`update review_session set opened_at = now() - interval '1 hour' where id = ?`, [world.session.id]);
  const id = world.gid('Applicant', applicant.id);
  const recorded = await server.gql(
    `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
    { input: { sessionId: world.gid('ReviewSession', world.session.id), applicantId: id, outcome: 'ADMIT' } },
    token(world.chair),
  );
  expect(recorded.errors).toBeUndefined();
  const decisionId = recorded.data.recordDecision.id;

  const FILE = `query($id: ID!) { applicant(id: $id) { status decision { outcome } } }`;
  const COUNT = `query($p: ID!, $f: ApplicantFilter) { applicants(filter: $f) { totalCount } p: applicants(filter: { programId: $p }) { totalCount } }`;
  const count = async (user: { id: string }, filter: Record<string, unknown>) => {
    const response = await server.gql(COUNT, { p: world.gid('Program', world.program.id), f: { programId: world.gid('Program', world.program.id), ...filter } }, token(user));
    expect(response.errors).toBeUndefined();
    return response.data.applicants.totalCount;
  };
  const REPORTS = `{ committeeWorkReport { sessions { title meanMinutesToDecision } } funnelReport(groupBy: []) { decided } }`;
  const seen = async (user: { id: string }) => {
    const reports = (await server.gql(REPORTS, {}, token(user))).data;
    const session = reports.committeeWorkReport.sessions.find((s: any) => s.title === 'Week 1 review');
    return {
      file: (await server.gql(FILE, { id }, token(user))).data.applicant,
      admitted: await count(user, { decision: 'ADMIT' }),
      decided: await count(user, { status: 'DECIDED' }),
      reviewed: await count(user, { status: 'REVIEWED' }),
      // Not even the time a decision took, nor one more decided applicant in the funnel.
      minutesToDecision: session.meanMinutesToDecision === null ? null : 'shown',
      funnelDecided: reports.funnelReport[0]?.decided ?? 0,
    };
  };

  // A member without a conflict, and the officer, see the recorded decision.
  const visible = { file: { status: 'DECIDED', decision: { outcome: 'ADMIT' } }, admitted: 1, decided: 1, reviewed: 0, minutesToDecision: 'shown' };
  expect(await seen(world.members[0])).toEqual({ ...visible, funnelDecided: 1 });
  // The conflicted member: no decision field, no filter or count moves, the status stays where voting left it.
  expect(await seen(conflicted)).toEqual({ file: { status: 'REVIEWED', decision: null }, admitted: 0, decided: 0, reviewed: 1, minutesToDecision: null, funnelDecided: 0 });
  expect(refusal(await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: decisionId }, token(conflicted))).code).toBe('FORBIDDEN');
  expect(refusal(await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: decisionId }, token(world.members[0])))).toEqual({});

  await server.gql(`mutation($a: ID!) { publishDecision(applicantId: $a) { id } }`, { a: id }, token(world.officer));
  // Published: the decision is the applicant's to know, and the member's (their funnel never counts an applicant they are conflicted with).
  expect(await seen(conflicted)).toEqual({ ...visible, funnelDecided: 0 });
  expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: decisionId }, token(conflicted))).data.node).toEqual({ id: decisionId });
});
