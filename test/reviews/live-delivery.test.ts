import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { ReviewSession, SessionStatus } from '../../src/reviews/review-session.entity';
import { buildApplicant, buildWorld, World } from '../support/factories';
import { connect, LiveConnection, SESSION_EVENTS } from '../support/live-client';
import { startTestServer, TestServer } from '../support/test-server';

/** Delivery guarantees: resume after a drop, comment visibility, the live tally, parallel tracks. */
let server: TestServer;
let world: World;
let criteria: RubricCriterion[];
let sessionId: string;
let applicantId: string;
const connections: LiveConnection[] = [];
const token = (user: { id: string }) => server.tokenFor(user.id);

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  sessionId = world.gid('ReviewSession', world.session.id);
  applicantId = world.gid('Applicant', world.onAgenda[0].id);
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.dispose().catch(() => {})));
  await server.stop();
});

function open(user: { id: string }) {
  const connection = connect(server.url, token(user));
  connections.push(connection);
  return connection;
}

async function castVote(user: { id: string }, applicant: string, score: number, expectedVersion?: number) {
  const response = await server.gql(
    `mutation($input: CastVoteInput!) { castVote(input: $input) { version } }`,
    {
      input: {
        sessionId,
        applicantId: applicant,
        scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score })),
        recommendation: 'ADMIT',
        confidence: 2,
        expectedVersion,
      },
    },
    token(user),
  );
  expect(response.errors).toBeUndefined();
  return response.data.castVote.version as number;
}

test('a client that drops and reconnects with its last event id misses nothing, in order', async () => {
  const officer = open(world.officer);
  const first = officer.subscribe(SESSION_EVENTS, { sessionId });
  await first.settle(300); // graphql-ws does not acknowledge a subscription: let the server register it
  await castVote(world.members[0], applicantId, 3);
  const seen = await first.waitFor(2);
  const lastSeen = seen[seen.length - 1].sessionEvents.eventId;
  await officer.dispose();

  // While the client is away: three more votes and a comment.
  await castVote(world.members[1], applicantId, 4);
  await castVote(world.members[0], applicantId, 5, 1);
  await castVote(world.chair, applicantId, 2);

  const again = open(world.officer).subscribe(SESSION_EVENTS, { sessionId, after: lastSeen });
  const missed = await again.waitFor(3);
  expect(missed.slice(0, 3).map((e) => [e.sessionEvents.type, e.sessionEvents.actor.name, e.sessionEvents.version])).toEqual([
    ['VOTE_CAST', 'Member 2', 1],
    ['VOTE_CHANGED', 'Member 1', 2],
    ['VOTE_CAST', 'Chair', 1],
  ]);
  // Then live events, after the replayed ones.
  await castVote(world.members[2], applicantId, 1);
  const all = await again.waitFor(6);
  const types = all.map((e) => e.sessionEvents.type);
  expect(types.filter((t) => t.startsWith('VOTE_'))).toEqual(['VOTE_CAST', 'VOTE_CHANGED', 'VOTE_CAST', 'VOTE_CAST']);
  expect(all[all.length - 1].sessionEvents).toMatchObject({ type: 'TALLY_CHANGED', tally: { voteCount: 4 } });
  const ids = all.map((e) => e.sessionEvents.eventId);
  expect(ids).not.toContain(lastSeen);

  const bad = open(world.officer).subscribe(SESSION_EVENTS, { sessionId, after: 'garbage' });
  await bad.settle(200);
  expect(JSON.stringify(bad.errors)).toMatch(/BAD_USER_INPUT/);

  // Documents are parsed and validated once and cached: a broken one is refused every time, as an error.
  const connection = open(world.officer);
  for (const query of ['subscription { sessionEvents(sessionId: 1) { nope } }', 'subscription { sessionEvents(sessionId: 1) { nope } }', 'subscription {']) {
    const broken = connection.subscribe(query);
    await broken.settle(150);
    expect(broken.errors.length).toBeGreaterThan(0);
    expect(broken.received).toEqual([]);
  }
  expect(await Promise.race([connection.closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('open'), 100))])).toBe('open');
});

test('comments reach exactly the readers their visibility allows', async () => {
  const applicant = world.gid('Applicant', world.onAgenda[1].id);
  const COMMENTS = `subscription($sessionId: ID!) { sessionEvents(sessionId: $sessionId) { type ... on CommentPostedEvent { comment { body } } } }`;
  const listeners = {
    chair: open(world.chair).subscribe(COMMENTS, { sessionId }),
    author: open(world.members[0]).subscribe(COMMENTS, { sessionId }),
    member: open(world.members[1]).subscribe(COMMENTS, { sessionId }),
    officer: open(world.officer).subscribe(COMMENTS, { sessionId }),
  };
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const [body, visibility] of [
    ['for everyone', 'COMMITTEE'],
    ['for the chair', 'CHAIR_AND_OFFICERS'],
    ['note to self', 'PRIVATE'],
  ]) {
    const posted = await server.gql(
      `mutation($s: ID!, $a: ID!, $b: String!, $v: CommentVisibility!) { postComment(sessionId: $s, applicantId: $a, body: $b, visibility: $v) { body } }`,
      { s: sessionId, a: applicant, b: body, v: visibility },
      token(world.members[0]),
    );
    expect(posted.errors).toBeUndefined();
  }
  const bodies = async (live: { settle(ms?: number): Promise<any[]> }) =>
    (await live.settle(300)).filter((e) => e.sessionEvents.type === 'COMMENT_POSTED').map((e) => e.sessionEvents.comment.body);
  expect(await bodies(listeners.author)).toEqual(['for everyone', 'for the chair', 'note to self']);
  expect(await bodies(listeners.chair)).toEqual(['for everyone', 'for the chair']);
  expect(await bodies(listeners.officer)).toEqual(['for everyone', 'for the chair']);
  expect(await bodies(listeners.member)).toEqual(['for everyone']);

  const read = await server.gql(
    `query($id: ID!) { reviewSession(id: $id) { agenda { applicant { id } comments { body } } } }`,
    { id: sessionId },
    token(world.members[1]),
  );
  const item = read.data.reviewSession.agenda.find((i: any) => i.applicant.id === applicant);
  expect(item.comments).toEqual([{ body: 'for everyone' }]);
});

test('the live tally gives the same numbers as the query, now and after every vote', async () => {
  const applicant = world.gid('Applicant', world.onAgenda[2].id);
  const live = open(world.officer).subscribe(
    `subscription($s: ID!, $a: ID!) { applicantTally(sessionId: $s, applicantId: $a) { voteCount overall { mean stdDev } criteria { mean } } }`,
    { s: sessionId, a: applicant },
  );
  expect((await live.waitFor(1))[0].applicantTally).toMatchObject({ voteCount: 0, overall: { mean: null } });
  await castVote(world.members[0], applicant, 5);
  await castVote(world.members[1], applicant, 3);
  await live.waitFor(2);
  await new Promise((resolve) => setTimeout(resolve, 150));
  const latest = live.received[live.received.length - 1].applicantTally;
  const queried = await server.gql(
    `query($id: ID!) { reviewSession(id: $id) { agenda { applicant { id } tally { voteCount overall { mean stdDev } criteria { mean } } } } }`,
    { id: sessionId },
    token(world.officer),
  );
  expect(latest).toEqual(queried.data.reviewSession.agenda.find((i: any) => i.applicant.id === applicant).tally);
  expect(latest).toMatchObject({ voteCount: 2, overall: { mean: 4, stdDev: 1 } });
});

test('parallel tracks: a member sitting on two sessions is told when their applicant is next on either', async () => {
  const em = server.orm.em.fork();
  const track = em.create(ReviewSession, {
    committee: world.committee.id,
    week: world.weeks[0].id,
    title: 'Track B',
    startsAt: new Date('2021-05-27T09:00:00Z'),
    endsAt: new Date('2021-05-27T17:00:00Z'),
    status: SessionStatus.OPEN,
  });
  const people = [0, 1].map(() => buildApplicant(em, { program: world.program, intake: world.intake }));
  people.forEach((applicant, position) => em.create(AgendaItem, { session: track, applicant, position, votingStatus: VotingStatus.PENDING }));
  await em.flush();
  const notifications = open(world.members[1]).subscribe(`subscription { reviewerNotifications { type session { title } applicant { id } } }`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const moved = await server.gql(
    `mutation($s: ID!, $a: ID!) { setCurrentApplicant(sessionId: $s, applicantId: $a) { title } }`,
    { s: world.gid('ReviewSession', track.id), a: world.gid('Applicant', people[0].id) },
    token(world.chair),
  );
  expect(moved.errors).toBeUndefined();
  const [note] = await notifications.waitFor(1);
  expect(note.reviewerNotifications).toEqual({ type: 'APPLICANT_UP_NEXT', session: { title: 'Track B' }, applicant: { id: world.gid('Applicant', people[1].id) } });
});

test('a conflict declared mid-meeting applies at once to nested fields of live events too', async () => {
  const applicantDbId = world.onAgenda[1].id;
  const NESTED = `subscription($sessionId: ID!) { sessionEvents(sessionId: $sessionId) { type
    session { agenda { applicant { id } tally { voteCount } votes { id } } } } }`;
  const live = open(world.members[2]).subscribe(NESTED, { sessionId });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const itemOf = (event: any) => event.sessionEvents.session.agenda.find((i: any) => i.applicant.id === world.gid('Applicant', applicantDbId));

  // Member 3 votes (so blind mode shows them the others' votes), then the chair does.
  await castVote(world.members[2], world.gid('Applicant', applicantDbId), 3);
  await castVote(world.chair, world.gid('Applicant', applicantDbId), 4);
  const before = await live.waitFor(4);
  expect(itemOf(before[before.length - 1]).votes.length).toBeGreaterThanOrEqual(2);
  expect(itemOf(before[before.length - 1]).tally).not.toBeNull();
  const own = (await server.orm.em.getKnex()('vote').where({ applicant_id: applicantDbId, member_id: world.members[2].id }).first('id')).id;

  const declared = await server.gql(
    `mutation($u: ID!, $a: ID!) { declareConflict(userId: $u, applicantId: $a, reason: "Found out mid-meeting") { id } }`,
    { u: world.gid('User', world.members[2].id), a: world.gid('Applicant', applicantDbId) },
    token(world.officer),
  );
  expect(declared.errors).toBeUndefined();
  const count = live.received.length;
  await castVote(world.members[0], world.gid('Applicant', world.onAgenda[2].id), 2, 1);
  const after = await live.waitFor(count + 1);
  // Now only their own vote remains visible to them, and no tally.
  expect(itemOf(after[after.length - 1])).toEqual({ applicant: { id: world.gid('Applicant', applicantDbId) }, tally: null, votes: [{ id: world.gid('Vote', own) }] });
});
