import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { ReviewSession, SessionStatus } from '../../src/reviews/review-session.entity';
import { buildApplicant, buildWorld } from '../support/factories';
import { connect, LiveConnection, logHead, SESSION_EVENTS } from '../support/live-client';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Delivery guarantees: resume after a drop, comment visibility, the live tally, parallel tracks.
 * Each test builds its own committee and subscribes `after` the log's current end, so it never
 * waits for a subscription to "register", and asserts what did not arrive by waiting for what
 * must arrive after it.
 */
let server: TestServer;
const connections: LiveConnection[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.dispose().catch(() => {})));
  await server.stop();
});

async function scene() {
  const world = await buildWorld(server.orm);
  const criteria = await server.orm.em.fork().find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const sessionId = world.gid('ReviewSession', world.session.id);
  const token = (user: { id: string }) => server.tokenFor(user.id);
  const open = (user: { id: string }) => {
    const connection = connect(server.url, token(user));
    connections.push(connection);
    return connection;
  };
  const castVote = async (user: { id: string }, applicant: string, score: number, expectedVersion?: number) => {
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
  };
  const head = () => logHead(server.orm.em.getKnex(), world.session.id);
  return { world, sessionId, token, open, castVote, head, applicant: (i: number) => world.gid('Applicant', world.onAgenda[i].id) };
}

test('a client that drops and reconnects with its last event id misses nothing, in order', async () => {
  const { world, sessionId, open, castVote, head, applicant } = await scene();
  const officer = open(world.officer);
  const first = officer.subscribe(SESSION_EVENTS, { sessionId, after: await head() });
  await castVote(world.members[0], applicant(0), 3);
  const seen = await first.until((r) => r.some((e) => e.sessionEvents.type === 'TALLY_CHANGED'));
  const lastSeen = seen[seen.length - 1].sessionEvents.eventId;
  await officer.dispose();

  // While the client is away: three more votes.
  await castVote(world.members[1], applicant(0), 4);
  await castVote(world.members[0], applicant(0), 5, 1);
  await castVote(world.chair, applicant(0), 2);

  const again = open(world.officer).subscribe(SESSION_EVENTS, { sessionId, after: lastSeen });
  const missed = await again.waitFor(3);
  expect(missed.slice(0, 3).map((e) => [e.sessionEvents.type, e.sessionEvents.actor.name, e.sessionEvents.version])).toEqual([
    ['VOTE_CAST', 'Member 2', 1],
    ['VOTE_CHANGED', 'Member 1', 2],
    ['VOTE_CAST', 'Chair', 1],
  ]);
  // Then live events, after the replayed ones; the last tally counts every vote.
  await castVote(world.members[2], applicant(0), 1);
  const all = await again.until((r) => r.filter((e) => e.sessionEvents.type.startsWith('VOTE_')).length === 4 && r[r.length - 1].sessionEvents.type === 'TALLY_CHANGED');
  expect(all.map((e) => e.sessionEvents.type).filter((t) => t.startsWith('VOTE_'))).toEqual(['VOTE_CAST', 'VOTE_CHANGED', 'VOTE_CAST', 'VOTE_CAST']);
  expect(all[all.length - 1].sessionEvents).toMatchObject({ type: 'TALLY_CHANGED', tally: { voteCount: 4 } });
  expect(all.map((e) => e.sessionEvents.eventId)).not.toContain(lastSeen);
});

test('a bad `after` and broken documents are refused as errors, every time, and the socket stays open', async () => {
  const { world, sessionId, open, castVote, head, applicant } = await scene();
  const connection = open(world.officer);
  const bad = connection.subscribe(SESSION_EVENTS, { sessionId, after: 'garbage' });
  await bad.until((_r, errors) => errors.length > 0);
  expect(JSON.stringify(bad.errors)).toMatch(/BAD_USER_INPUT/);

  // Documents are parsed and validated once and cached: a broken one is refused every time, as an error.
  for (const query of ['subscription { sessionEvents(sessionId: 1) { nope } }', 'subscription { sessionEvents(sessionId: 1) { nope } }', 'subscription {']) {
    const broken = connection.subscribe(query);
    await broken.until((_r, errors) => errors.length > 0);
    expect(broken.received).toEqual([]);
  }
  // The same socket still delivers: a vote arrives on it.
  const live = connection.subscribe(SESSION_EVENTS, { sessionId, after: await head() });
  await castVote(world.members[0], applicant(0), 3);
  expect((await live.waitFor(1))[0].sessionEvents.type).toBe('VOTE_CAST');
});

test('comments reach exactly the readers their visibility allows', async () => {
  const { world, sessionId, open, head, token } = await scene();
  const applicant = world.gid('Applicant', world.onAgenda[1].id);
  const COMMENTS = `subscription($sessionId: ID!, $after: ID) { sessionEvents(sessionId: $sessionId, after: $after) { type ... on CommentPostedEvent { comment { body } } } }`;
  const after = await head();
  const listeners = {
    chair: open(world.chair).subscribe(COMMENTS, { sessionId, after }),
    author: open(world.members[0]).subscribe(COMMENTS, { sessionId, after }),
    member: open(world.members[1]).subscribe(COMMENTS, { sessionId, after }),
    officer: open(world.officer).subscribe(COMMENTS, { sessionId, after }),
  };
  for (const [body, visibility] of [
    ['for everyone', 'COMMITTEE'],
    ['for the chair', 'CHAIR_AND_OFFICERS'],
    ['note to self', 'PRIVATE'],
    // Everyone reads this one, and events arrive in log order: once it is in, so is all that came before.
    ['marker', 'COMMITTEE'],
  ]) {
    const posted = await server.gql(
      `mutation($s: ID!, $a: ID!, $b: String!, $v: CommentVisibility!) { postComment(sessionId: $s, applicantId: $a, body: $b, visibility: $v) { body } }`,
      { s: sessionId, a: applicant, b: body, v: visibility },
      token(world.members[0]),
    );
    expect(posted.errors).toBeUndefined();
  }
  const bodies = async (live: (typeof listeners)['chair']) => {
    const received = await live.until((r) => r.some((e) => e.sessionEvents.comment?.body === 'marker'));
    return received.filter((e) => e.sessionEvents.type === 'COMMENT_POSTED').map((e) => e.sessionEvents.comment.body).filter((b: string) => b !== 'marker');
  };
  expect(await bodies(listeners.author)).toEqual(['for everyone', 'for the chair', 'note to self']);
  expect(await bodies(listeners.chair)).toEqual(['for everyone', 'for the chair']);
  expect(await bodies(listeners.officer)).toEqual(['for everyone', 'for the chair']);
  expect(await bodies(listeners.member)).toEqual(['for everyone']);

  const read = await server.gql(`query($id: ID!) { reviewSession(id: $id) { agenda { applicant { id } comments { body } } } }`, { id: sessionId }, token(world.members[1]));
  const item = read.data.reviewSession.agenda.find((i: any) => i.applicant.id === applicant);
  expect(item.comments).toEqual([{ body: 'for everyone' }, { body: 'marker' }]);
});

test('the live tally gives the same numbers as the query, now and after every vote', async () => {
  const { world, sessionId, open, castVote, applicant, token } = await scene();
  const live = open(world.officer).subscribe(
    `subscription($s: ID!, $a: ID!) { applicantTally(sessionId: $s, applicantId: $a) { voteCount overall { mean stdDev } criteria { mean } } }`,
    { s: sessionId, a: applicant(2) },
  );
  // The current tally comes first, so once it is in the subscription is following the log.
  expect((await live.waitFor(1))[0].applicantTally).toMatchObject({ voteCount: 0, overall: { mean: null } });
  await castVote(world.members[0], applicant(2), 5);
  await castVote(world.members[1], applicant(2), 3);
  // Tallies of a burst may be merged: wait for the state, not for a number of messages.
  const received = await live.until((r) => r[r.length - 1].applicantTally.voteCount === 2);
  const latest = received[received.length - 1].applicantTally;
  const queried = await server.gql(
    `query($id: ID!) { reviewSession(id: $id) { agenda { applicant { id } tally { voteCount overall { mean stdDev } criteria { mean } } } } }`,
    { id: sessionId },
    token(world.officer),
  );
  expect(latest).toEqual(queried.data.reviewSession.agenda.find((i: any) => i.applicant.id === applicant(2)).tally);
  expect(latest).toMatchObject({ voteCount: 2, overall: { mean: 4, stdDev: 1 } });
});

test('parallel tracks: a member sitting on two sessions is told when their applicant is next on either', async () => {
  const { world, open, token } = await scene();
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
  // Event ids are ordered across sessions: one `after` resumes the notifications of every session.
  const notifications = open(world.members[1]).subscribe(`subscription($after: ID) { reviewerNotifications(after: $after) { type session { title } applicant { id } } }`, {
    after: await logHead(server.orm.em.getKnex()),
  });
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
  const { world, sessionId, open, castVote, head, applicant, token } = await scene();
  const applicantDbId = world.onAgenda[1].id;
  const NESTED = `subscription($sessionId: ID!, $after: ID) { sessionEvents(sessionId: $sessionId, after: $after) { type applicant { id }
    session { agenda { applicant { id } tally { voteCount } votes { id } } } } }`;
  const live = open(world.members[2]).subscribe(NESTED, { sessionId, after: await head() });
  const itemOf = (event: any) => event.sessionEvents.session.agenda.find((i: any) => i.applicant.id === applicant(1));

  // Member 3 votes (so blind mode shows them the others' votes), then the chair does.
  await castVote(world.members[2], applicant(1), 3);
  await castVote(world.chair, applicant(1), 4);
  const before = await live.until((r) => r.length > 0 && itemOf(r[r.length - 1]).votes.length === 2);
  expect(itemOf(before[before.length - 1]).tally).toEqual({ voteCount: 2 });
  const own = (await server.orm.em.getKnex()('vote').where({ applicant_id: applicantDbId, member_id: world.members[2].id }).first('id')).id;

  const declared = await server.gql(
    `mutation($u: ID!, $a: ID!) { declareConflict(userId: $u, applicantId: $a, reason: "Found out mid-meeting") { conflict { source } } }`,
    { u: world.gid('User', world.members[2].id), a: applicant(1) },
    token(world.officer),
  );
  expect(declared.errors).toBeUndefined();
  const count = live.received.length;
  await castVote(world.members[0], applicant(2), 2);
  const after = await live.until((r) => r.length > count && r[r.length - 1].sessionEvents.type === 'TALLY_CHANGED');
  // Now only their own vote remains visible to them, and no tally.
  expect(itemOf(after[after.length - 1])).toEqual({ applicant: { id: applicant(1) }, tally: null, votes: [{ id: world.gid('Vote', own) }] });
  expect(after.slice(count).every((e) => e.sessionEvents.applicant.id === applicant(2))).toBe(true);
});

test('a burst of votes read at once is delivered vote by vote, with one tally of the latest state', async () => {
  const { world, sessionId, open, castVote, head, applicant } = await scene();
  const live = open(world.officer).subscribe(SESSION_EVENTS, { sessionId, after: await head() });
  // A transaction of this database that took an id before the votes holds them back (the log is
  // read only below the oldest running transaction), so the reader finds both votes in one read.
  const blocker = await server.orm.em.getKnex().client.acquireConnection();
  try {
    await blocker.query('begin');
    await blocker.query('select pg_current_xact_id()');
    await castVote(world.members[0], applicant(0), 4);
    await castVote(world.members[1], applicant(0), 2);
    expect(live.received).toEqual([]);
    await blocker.query('commit');
  } finally {
    await server.orm.em.getKnex().client.releaseConnection(blocker);
  }
  const events = await live.until((r) => r.some((e) => e.sessionEvents.type === 'TALLY_CHANGED'));
  expect(events.map((e) => [e.sessionEvents.type, e.sessionEvents.actor?.name])).toEqual([
    ['VOTE_CAST', 'Member 1'],
    ['VOTE_CAST', 'Member 2'],
    ['TALLY_CHANGED', 'Member 2'],
  ]);
  expect(events[2].sessionEvents.tally).toEqual({ voteCount: 2, overall: { mean: 3 } });
});
