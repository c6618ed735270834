import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { buildWorld, World } from '../support/factories';
import { connect, connected, Live, LiveConnection, logHead, SESSION_EVENTS } from '../support/live-client';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * A right to see taken away mid-meeting ends the live subscriptions it covered, with an error the
 * client can act on, in every process: a member removed from the committee loses their session
 * feed (FORBIDDEN), a member newly conflicted with an applicant loses that applicant's live tally
 * (CONFLICT_OF_INTEREST) while their session feed goes on without the applicant. Nobody else's
 * subscription notices, and the socket stays open for what the member may still do.
 */
describe.each(['shared', 'per-subscriber'] as const)('%s delivery', (liveDelivery) => {
  let server: TestServer;
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    server = await startTestServer({ liveDelivery });
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.dispose()));
    await server.stop();
  });

  const TALLY = `subscription($s: ID!, $a: ID!) { applicantTally(sessionId: $s, applicantId: $a) { voteCount } }`;
  const VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { id } }`;
  const REMOVE = `mutation($c: ID!, $u: ID!) { removeCommitteeMember(committeeId: $c, userId: $u) { id } }`;
  const DECLARE = `mutation($u: ID!, $a: ID!) { declareConflict(userId: $u, applicantId: $a, reason: "Supervised their thesis") { conflict { reason } } }`;

  /** Every error code a subscription ended with (graphql-ws hands the client the list of errors). */
  const codes = (live: Live) => live.errors.flat().map((error: any) => error?.extensions?.code);

  async function meeting() {
    const world: World = await buildWorld(server.orm);
    const criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
    const sessionId = world.gid('ReviewSession', world.session.id);
    const applicants = world.onAgenda.map((a) => world.gid('Applicant', a.id));
    const vote = async (member: { id: string }, applicant: string, score: number) => {
      const input = { sessionId, applicantId: applicant, scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score })), recommendation: 'ADMIT', confidence: 2 };
      const answer = await server.gql(VOTE, { input }, server.tokenFor(member.id));
      expect(answer.errors).toBeUndefined();
    };
    const open = (user: { id: string }, on: TestServer = server) => {
      const connection = connect(on.url, on.tokenFor(user.id));
      connections.push(connection);
      return connection;
    };
    const follow = async (user: { id: string }, on: TestServer = server) => {
      const connection = open(user, on);
      const live = connection.subscribe(SESSION_EVENTS, { sessionId, after: await logHead(server.orm.em.getKnex(), world.session.id) });
      return { connection, live };
    };
    return { world, sessionId, applicants, vote, open, follow };
  }

  const votesOn = (live: Live, applicant: string) => live.received.filter((e) => e.sessionEvents.type === 'VOTE_CAST' && e.sessionEvents.applicant?.id === applicant);

  test('a member removed from the committee has their session feed ended with FORBIDDEN; the others go on', async () => {
    const { world, applicants, vote, follow } = await meeting();
    const [voter, staying, leaving] = world.members;
    const others = await follow(staying);
    const removed = await follow(leaving);
    await vote(voter, applicants[0], 3);
    await removed.live.until((received) => votesOn(removed.live, applicants[0]).length === 1 && received.length >= 1);

    const answer = await server.gql(REMOVE, { c: world.gid('Committee', world.committee.id), u: world.gid('User', leaving.id) }, server.tokenFor(world.officer.id));
    expect(answer.errors).toBeUndefined();
    await removed.live.until((_received, errors) => errors.length > 0);
    expect(codes(removed.live)).toEqual(['FORBIDDEN']);

    await vote(voter, applicants[1], 4);
    await others.live.until(() => votesOn(others.live, applicants[1]).length === 1);
    expect(votesOn(removed.live, applicants[1])).toEqual([]);
    expect(removed.live.completed).toBe(false);
    // The socket is still theirs for what they may still do; subscribing again is refused as it now would be.
    await connected(removed.connection);
    const again = removed.connection.subscribe(SESSION_EVENTS, { sessionId: world.gid('ReviewSession', world.session.id) });
    await again.until((_received, errors) => errors.length > 0);
    expect(codes(again)).toEqual(['FORBIDDEN']);
  });

  test('a member newly conflicted with an applicant loses that live tally with CONFLICT_OF_INTEREST, and the feed goes on without them', async () => {
    const { world, sessionId, applicants, vote, open, follow } = await meeting();
    const [voter, conflicted, bystander] = world.members;
    const feed = await follow(conflicted);
    const tallyOf = (user: { id: string }) => open(user).subscribe(TALLY, { s: sessionId, a: applicants[0] });
    const tally = tallyOf(conflicted);
    const untouched = tallyOf(bystander);
    await tally.waitFor(1);
    await untouched.waitFor(1);

    const answer = await server.gql(DECLARE, { u: world.gid('User', conflicted.id), a: applicants[0] }, server.tokenFor(world.officer.id));
    expect(answer.errors).toBeUndefined();
    await tally.until((_received, errors) => errors.length > 0);
    expect(codes(tally)).toEqual(['CONFLICT_OF_INTEREST']);

    // Their session feed stays open: the next vote on another applicant arrives, nothing about the first.
    await vote(voter, applicants[0], 2);
    await vote(voter, applicants[1], 5);
    await feed.live.until(() => votesOn(feed.live, applicants[1]).length === 1);
    expect(feed.live.errors).toEqual([]);
    expect(feed.live.received.filter((e) => e.sessionEvents.applicant?.id === applicants[0])).toEqual([]);
    // The bystander's tally of that applicant moved with the vote and was not ended.
    await untouched.until((received) => received.length >= 2);
    expect(untouched.errors).toEqual([]);
  });

  test('the seat removed on one server ends the subscription held on another server of the same database', async () => {
    const second = await startTestServer({ liveDelivery, databaseUrl: server.databaseUrl });
    try {
      const { world, applicants, vote, follow } = await meeting();
      const [voter, , leaving] = world.members;
      const removed = await follow(leaving, second);
      await vote(voter, applicants[0], 3);
      await removed.live.until(() => votesOn(removed.live, applicants[0]).length === 1);

      const answer = await server.gql(REMOVE, { c: world.gid('Committee', world.committee.id), u: world.gid('User', leaving.id) }, server.tokenFor(world.officer.id));
      expect(answer.errors).toBeUndefined();
      await removed.live.until((_received, errors) => errors.length > 0);
      expect(codes(removed.live)).toEqual(['FORBIDDEN']);
      await removed.connection.dispose();
    } finally {
      await second.stop();
    }
  });
});
