import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem } from '../../src/reviews/agenda-item.entity';
import { ReviewSession } from '../../src/reviews/review-session.entity';
import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { buildCompleteApplicant, buildWorld, World } from '../support/factories';
import { connect, Live, LiveConnection, logHead, SESSION_EVENTS } from '../support/live-client';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/**
 * A committee meets: the chair walks a fresh session's agenda while members, an officer, a
 * conflicted member and an outsider hold real graphql-ws connections. Run with both live
 * deliveries: the shared fan-out (the default) and graphql-ws's per-subscriber path, which the
 * fan-out benchmark compares it with; both must show every viewer exactly what they may see.
 */
describe.each(['shared', 'per-subscriber'] as const)('%s delivery', (liveDelivery) => {
  let server: TestServer;
  let world: World;
  let criteria: RubricCriterion[];
  let sessionId: string;
  let sessionDbId: string;
  let applicants: string[];
  const connections: LiveConnection[] = [];
  const token = (user: { id: string }) => server.tokenFor(user.id);
  const gid = (type: Parameters<World['gid']>[0], id: string) => world.gid(type, id);

  beforeAll(async () => {
    server = await startTestServer({ liveDelivery });
    world = await buildWorld(server.orm);
    const em = world.em;
    criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
    const session = em.create(ReviewSession, {
      committee: world.committee,
      week: world.weeks[1],
      title: 'Live session',
      startsAt: new Date('2021-06-25T09:00:00Z'),
      endsAt: new Date('2021-06-25T17:00:00Z'),
    });
    const people = [0, 1, 2].map(() => buildCompleteApplicant(em, { program: world.program, intake: world.intake }));
    people.forEach((applicant, position) => em.create(AgendaItem, { session, applicant, position }));
    // members[2] is conflicted with the first applicant.
    em.create(ConflictOfInterest, { user: world.members[2], applicant: people[0], source: ConflictSource.DECLARED, reason: 'Former student' });
    await em.flush();
    sessionId = gid('ReviewSession', session.id);
    sessionDbId = session.id;
    applicants = people.map((p) => gid('Applicant', p.id));
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.dispose()));
    await server.stop();
  });

  function open(user: { id: string }) {
    const connection = connect(server.url, token(user));
    connections.push(connection);
    return connection;
  }

  const act = (user: { id: string }, mutation: string, variables: Record<string, unknown>) => server.gql(mutation, variables, token(user));
  const OPEN = `mutation($id: ID!) { openSession(id: $id) { status } }`;
  const CURRENT = `mutation($s: ID!, $a: ID!) { setCurrentApplicant(sessionId: $s, applicantId: $a) { currentItem { applicant { id } votingStatus } } }`;
  const CLOSE_VOTING = `mutation($s: ID!, $a: ID!) { closeVoting(sessionId: $s, applicantId: $a) { votingStatus } }`;
  const REVEAL = `mutation($s: ID!, $a: ID!) { revealScores(sessionId: $s, applicantId: $a) { scoresRevealed } }`;
  const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { outcome conditions scholarshipPercent } }`;
  const CLOSE = `mutation($id: ID!) { closeSession(id: $id) { status } }`;
  const VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { id version } }`;

  function vote(applicant: string, score: number, extra: Record<string, unknown> = {}) {
    return {
      input: {
        sessionId,
        applicantId: applicant,
        scores: criteria.map((c) => ({ criterionId: gid('RubricCriterion', c.id), score })),
        recommendation: 'ADMIT',
        confidence: 2,
        ...extra,
      },
    };
  }

  const typesOf = (events: any[]) => events.map((e) => e.sessionEvents.type);
  const PRESENCE = new Set(['MEMBER_JOINED', 'MEMBER_LEFT']);
  /** The session's events without presence, whose interleaving depends on when each client connected. */
  const withoutPresence = (events: any[]) => events.filter((e) => !PRESENCE.has(e.sessionEvents.type));
  async function flow(live: Live, count: number): Promise<any[]> {
    return withoutPresence(await live.until((r) => withoutPresence(r).length >= count));
  }

  test('the chair walks the agenda; every step is refused out of order and everyone sees it live', async () => {
    // Everyone follows the log from its current end, so no subscription has to "register" before
    // the chair acts, and the officer sees every member arrive (presence).
    const after = await logHead(server.orm.em.getKnex(), sessionDbId);
    const officer = open(world.officer).subscribe(SESSION_EVENTS, { sessionId, after });
    const chair = open(world.chair).subscribe(SESSION_EVENTS, { sessionId, after });
    const member = open(world.members[0]).subscribe(SESSION_EVENTS, { sessionId, after });
    const otherMember = open(world.members[1]).subscribe(SESSION_EVENTS, { sessionId, after });
    const conflicted = open(world.members[2]).subscribe(SESSION_EVENTS, { sessionId, after });
    const outsider = open(world.outsider).subscribe(SESSION_EVENTS, { sessionId, after });
    await officer.waitFor(4);
    expect(typesOf(officer.received)).toEqual(['MEMBER_JOINED', 'MEMBER_JOINED', 'MEMBER_JOINED', 'MEMBER_JOINED']);
    expect(new Set(officer.received.map((e) => e.sessionEvents.actor.name))).toEqual(new Set(['Chair', 'Member 1', 'Member 2', 'Member 3']));

    // Out of order: nothing happens before the session is opened, and a member is not the chair.
    expect(refusal(await act(world.chair, CURRENT, { s: sessionId, a: applicants[0] })).code).toBe('INVALID_STATE');
    expect(refusal(await act(world.members[0], OPEN, { id: sessionId })).code).toBe('FORBIDDEN');
    expect((await act(world.chair, OPEN, { id: sessionId })).data.openSession.status).toBe('OPEN');
    expect(refusal(await act(world.chair, OPEN, { id: sessionId })).code).toBe('INVALID_STATE');
    expect(refusal(await act(world.members[0], VOTE, vote(applicants[0], 4))).code).toBe('INVALID_STATE');

    const moved = await act(world.chair, CURRENT, { s: sessionId, a: applicants[0] });
    expect(moved.data.setCurrentApplicant.currentItem).toEqual({ applicant: { id: applicants[0] }, votingStatus: 'OPEN' });
    expect(typesOf(await flow(member, 3))).toEqual(['SESSION_OPENED', 'CURRENT_APPLICANT_CHANGED', 'APPLICANT_UP_NEXT']);

    // Blind mode: member 0 votes. Member 1 learns a vote was cast, but not what.
    expect((await act(world.members[0], VOTE, vote(applicants[0], 4))).errors).toBeUndefined();
    const [cast, tally] = (await flow(otherMember, 5)).slice(3).map((e) => e.sessionEvents);
    expect(cast).toMatchObject({ __typename: 'VoteCastEvent', type: 'VOTE_CAST', version: 1, changed: false, vote: null, actor: { name: 'Member 1' } });
    expect(tally).toMatchObject({ __typename: 'TallyChangedEvent', tally: null });
    // The tally frame has its own identity (a client de-duplicating by eventId keeps both), and
    // resuming after it replays what came after the vote, not the vote again.
    expect(tally.eventId).not.toBe(cast.eventId);
    const resumed = open(world.officer).subscribe(SESSION_EVENTS, { sessionId, after: tally.eventId });
    // The voter sees their own vote; the officer sees everything.
    const own = (await flow(member, 5))[3].sessionEvents;
    expect(own.vote).toMatchObject({ version: 1, member: { name: 'Member 1' } });
    expect((await flow(officer, 5))[4].sessionEvents.tally).toEqual({ voteCount: 1, overall: { mean: 4 } });

    // Once member 1 has voted, the tally they receive is no longer hidden.
    await act(world.members[1], VOTE, vote(applicants[0], 2));
    const afterTally = withoutPresence(await resumed.until((r) => withoutPresence(r).length >= 2)).map((e) => e.sessionEvents);
    expect(afterTally.map((e) => e.type)).toEqual(['VOTE_CAST', 'TALLY_CHANGED']);
    expect(afterTally[0].actor.name).toBe('Member 2');
    expect((await flow(otherMember, 7))[6].sessionEvents.tally).toEqual({ voteCount: 2, overall: { mean: 3 } });
    // Member 0 (who voted) sees member 1's vote; the chair, who has not voted, does not.
    expect((await flow(member, 7))[5].sessionEvents.vote).toMatchObject({ member: { name: 'Member 2' } });
    expect((await flow(chair, 7))[5].sessionEvents.vote).toBeNull();

    // Decide before voting closed: refused. Close, reveal, decide.
    const decision = { sessionId, applicantId: applicants[0], outcome: 'ADMIT', conditions: ['RECOGNITION_OF_PRIOR_EDUCATION'], scholarshipPercent: 25 };
    expect(refusal(await act(world.chair, DECIDE, { input: decision })).code).toBe('INVALID_STATE');
    expect((await act(world.chair, CLOSE_VOTING, { s: sessionId, a: applicants[0] })).data.closeVoting.votingStatus).toBe('CLOSED');
    expect(refusal(await act(world.members[0], VOTE, vote(applicants[0], 5, { expectedVersion: 1 })))).toEqual({ code: 'INVALID_STATE', field: 'applicantId' });
    expect(refusal(await act(world.chair, CLOSE_VOTING, { s: sessionId, a: applicants[0] })).code).toBe('INVALID_STATE');
    expect(refusal(await act(world.members[0], REVEAL, { s: sessionId, a: applicants[0] })).code).toBe('FORBIDDEN');
    expect((await act(world.chair, REVEAL, { s: sessionId, a: applicants[0] })).data.revealScores.scoresRevealed).toBe(true);
    const recorded = await act(world.chair, DECIDE, { input: decision });
    expect(recorded.data.recordDecision).toEqual({ outcome: 'ADMIT', conditions: ['RECOGNITION_OF_PRIOR_EDUCATION'], scholarshipPercent: 25 });
    expect(refusal(await act(world.chair, DECIDE, { input: decision })).code).toBe('CONFLICT');

    expect(typesOf(await flow(chair, 10)).slice(7)).toEqual(['VOTING_CLOSED', 'SCORES_REVEALED', 'DECISION_RECORDED']);
    // The chair had not voted; after the reveal the votes in the log are visible to them.
    const votes = await server.gql(`query($id: ID!) { applicant(id: $id) { votes { member { name } history { version } } } }`, { id: applicants[0] }, token(world.chair));
    expect(votes.data.applicant.votes).toHaveLength(2);
    expect(votes.data.applicant.votes[0].history).toEqual([{ version: 1 }]);

    // The outsider's subscription was refused outright.
    await outsider.until((_r, errors) => errors.length > 0);
    expect(outsider.received).toEqual([]);
    expect((outsider.errors[0] as any)[0]?.extensions?.code ?? (outsider.errors[0] as any).extensions?.code).toBe('FORBIDDEN');

    // Close the session: everything after is refused.
    await act(world.chair, CURRENT, { s: sessionId, a: applicants[1] });
    expect((await act(world.chair, CLOSE, { id: sessionId })).data.closeSession.status).toBe('CLOSED');
    expect(refusal(await act(world.members[0], VOTE, vote(applicants[1], 3))).code).toBe('INVALID_STATE');
    expect(refusal(await act(world.chair, CURRENT, { s: sessionId, a: applicants[2] })).code).toBe('INVALID_STATE');
    const end = typesOf(await flow(officer, 14));
    expect(end.slice(10)).toEqual(['CURRENT_APPLICANT_CHANGED', 'APPLICANT_UP_NEXT', 'VOTING_CLOSED', 'SESSION_CLOSED']);

    // The conflicted member saw the session move, to its end, but nothing about applicant 0.
    const conflictedSaw = await conflicted.until((r) => r.some((e) => e.sessionEvents.type === 'SESSION_CLOSED'));
    expect(conflictedSaw.every((e) => e.sessionEvents.applicant?.id !== applicants[0])).toBe(true);
    expect(typesOf(conflictedSaw)).toEqual(expect.arrayContaining(['SESSION_OPENED', 'APPLICANT_UP_NEXT', 'CURRENT_APPLICANT_CHANGED']));
    expect(typesOf(conflictedSaw)).not.toContain('VOTE_CAST');
    expect(typesOf(conflictedSaw)).not.toContain('DECISION_RECORDED');
  });

  test('a socket with a bad token is closed at connect with 4403', async () => {
    const connection = connect(server.url, 'not-a-token');
    connections.push(connection);
    connection.subscribe(SESSION_EVENTS, { sessionId });
    expect((await connection.closed).code).toBe(4403);
  });
});
