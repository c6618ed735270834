import { ReferenceLetter, ReferenceStatus } from '../../src/references/reference.entity';
import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { VoteScore } from '../../src/reviews/vote-score.entity';
import { Vote, Recommendation } from '../../src/reviews/vote.entity';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { buildWorld, World } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

let server: TestServer;
let world: World;
const token = (user: { id: string }) => server.tokenFor(user.id);

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
});
afterAll(() => server.stop());

const APPLICANTS = `{ applicants(first: 50) { totalCount nodes { id lastName } } }`;

describe('authentication', () => {
  test('no token, a malformed token, a token signed with another secret and one naming no session are UNAUTHENTICATED', async () => {
    const { signAccessToken } = await import('../../src/auth/tokens');
    const { TEST_SECRET } = await import('../support/test-server');
    const noSession = '00000000-0000-4000-8000-000000000000';
    const attempts = [
      null,
      'garbage',
      (await signAccessToken('another-secret-another-secret-xx', { userId: world.officer.id, sessionId: noSession }, 60)).token,
      (await signAccessToken(TEST_SECRET, { userId: world.officer.id, sessionId: noSession }, 60)).token,
    ];
    for (const attempt of attempts) {
      const response = await server.gql(APPLICANTS, {}, attempt);
      expect(refusal(response).code).toBe('UNAUTHENTICATED');
      expect(response.data).toBeNull();
    }
  });

  test('an expired token is refused, though its session lives on', async () => {
    const { signAccessToken } = await import('../../src/auth/tokens');
    const { openSession } = await import('../../src/auth/sessions');
    const { SignInMethod } = await import('../../src/auth/auth-session.entity');
    const { TEST_SECRET } = await import('../support/test-server');
    const session = await openSession(server.orm.em.getKnex(), { userId: world.officer.id, method: SignInMethod.CLI, hours: 1 });
    const claims = { userId: world.officer.id, sessionId: session.sessionId };
    const expired = (await signAccessToken(TEST_SECRET, claims, -10)).token;
    expect(refusal(await server.gql('{ me { name } }', {}, expired)).code).toBe('UNAUTHENTICATED');
    const fresh = (await signAccessToken(TEST_SECRET, claims, 60)).token;
    expect((await server.gql('{ me { name } }', {}, fresh)).data.me.name).toBe('Officer');
  });

  test('me answers who the token belongs to', async () => {
    const response = await server.gql('{ me { name role } }', {}, token(world.chair));
    expect(response.data.me).toEqual({ name: 'Chair', role: 'COMMITTEE_MEMBER' });
  });
});

describe('roles', () => {
  test('a reporter reads no applicant files, sessions or committees', async () => {
    expect(refusal(await server.gql(APPLICANTS, {}, token(world.reporter))).code).toBe('FORBIDDEN');
    expect(refusal(await server.gql('{ committees { nodes { name } } }', {}, token(world.reporter))).code).toBe('FORBIDDEN');
    const sessions = await server.gql('{ reviewSessions { totalCount } }', {}, token(world.reporter));
    expect(refusal(sessions).code).toBe('FORBIDDEN');
    const node = await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: world.gid('Applicant', world.onAgenda[0].id) }, token(world.reporter));
    expect(refusal(node).code).toBe('FORBIDDEN');
  });

  test('a member cannot use officer mutations', async () => {
    const response = await server.gql(
      'mutation($id: ID!) { withdrawApplicant(id: $id) { id } }',
      { id: world.gid('Applicant', world.onAgenda[0].id) },
      token(world.members[0]),
    );
    expect(refusal(response).code).toBe('FORBIDDEN');
  });

  test('an officer sees every applicant', async () => {
    const response = await server.gql(
      'query($p: ID!) { applicants(first: 50, filter: { programId: $p }) { totalCount } }',
      { p: world.gid('Program', world.program.id) },
      token(world.officer),
    );
    expect(response.data.applicants.totalCount).toBe(4);
  });
});

describe('row-level visibility for members', () => {
  test('a member sees only the applicants on agendas of sessions they sit on', async () => {
    const response = await server.gql(APPLICANTS, {}, token(world.members[0]));
    expect(response.data.applicants.totalCount).toBe(3);
    const ids = response.data.applicants.nodes.map((n: any) => n.id).sort();
    expect(ids).toEqual(world.onAgenda.map((a) => world.gid('Applicant', a.id)).sort());

    const notOnAgenda = await server.gql('query($id: ID!) { applicant(id: $id) { id } }', { id: world.gid('Applicant', world.notOnAgenda.id) }, token(world.members[0]));
    expect(refusal(notOnAgenda).code).toBe('FORBIDDEN');
  });

  test('a member of another committee sees neither the session nor its applicants', async () => {
    const outsider = token(world.outsider);
    expect((await server.gql(APPLICANTS, {}, outsider)).data.applicants.totalCount).toBe(0);
    const session = await server.gql('query($id: ID!) { reviewSession(id: $id) { title } }', { id: world.gid('ReviewSession', world.session.id) }, outsider);
    expect(refusal(session).code).toBe('FORBIDDEN');
    const list = await server.gql('{ reviewSessions { totalCount } }', {}, outsider);
    expect(list.data.reviewSessions.totalCount).toBe(0);
    const week = await server.gql('query($id: ID!) { node(id: $id) { ... on ReviewWeek { sessions { id } } } }', { id: world.gid('ReviewWeek', world.weeks[0].id) }, outsider);
    expect(week.data.node.sessions).toEqual([]);
  });

  test('a member sees their session with its agenda', async () => {
    const response = await server.gql(
      'query($id: ID!) { reviewSession(id: $id) { title committee { name members { role user { name } } } agenda { position applicant { lastName } } } }',
      { id: world.gid('ReviewSession', world.session.id) },
      token(world.members[1]),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.reviewSession.agenda.map((i: any) => i.applicant.lastName)).toEqual(world.onAgenda.map((a) => a.lastName));
    expect(response.data.reviewSession.committee.members).toHaveLength(4);
  });
});

describe('conflicts of interest', () => {
  /** Each test its own committee: two members have voted on the first applicant, in a blind session nobody revealed. */
  async function scene() {
    const own = await buildWorld(server.orm);
    const applicant = own.onAgenda[0];
    const em = server.orm.em.fork();
    const criteria = await em.find(RubricCriterion, { program: own.program.id }, { orderBy: { position: 'asc' } });
    for (const voter of [own.chair, own.members[1]]) {
      const vote = em.create(Vote, { session: own.session.id, applicant: applicant.id, member: voter.id, recommendation: Recommendation.ADMIT, confidence: 2 });
      for (const criterion of criteria) em.create(VoteScore, { vote, criterion, score: 4 });
    }
    await em.flush();
    const votesOf = (user: { id: string }) =>
      server.gql(
        'query($id: ID!) { applicant(id: $id) { votes { member { name } } agendaItems { tally { voteCount } votes { id } } } }',
        { id: own.gid('Applicant', applicant.id) },
        token(user),
      );
    const castVote = (user: { id: string }, score = 3) =>
      server.gql(
        'mutation($input: CastVoteInput!) { castVote(input: $input) { version overallScore } }',
        {
          input: {
            sessionId: own.gid('ReviewSession', own.session.id),
            applicantId: own.gid('Applicant', applicant.id),
            scores: criteria.map((c) => ({ criterionId: own.gid('RubricCriterion', c.id), score })),
            recommendation: 'ADMIT',
            confidence: 2,
          },
        },
        token(user),
      );
    return { own, applicant, votesOf, castVote };
  }

  test('a declared conflict hides every vote and tally on that applicant and refuses the vote; the declaration answers what it declared', async () => {
    const { own, applicant, votesOf, castVote } = await scene();
    const member = own.members[2];
    const declared = await server.gql(
      'mutation($u: ID!, $a: ID!) { declareConflict(userId: $u, applicantId: $a, reason: "Supervised her thesis") { conflict { source reason member { name } } applicant { id } } }',
      { u: own.gid('User', member.id), a: own.gid('Applicant', applicant.id) },
      token(member),
    );
    // A successful write answers with what the member may read: the conflict they declared.
    expect(declared.errors).toBeUndefined();
    expect(declared.data.declareConflict).toEqual({
      conflict: { source: 'DECLARED', reason: 'Supervised her thesis', member: { name: member.name } },
      applicant: { id: own.gid('Applicant', applicant.id) },
    });
    const asOfficer = await server.gql('query($id: ID!) { applicant(id: $id) { conflicts { source reason member { name } } } }', { id: own.gid('Applicant', applicant.id) }, token(own.officer));
    expect(asOfficer.data.applicant.conflicts).toEqual([{ source: 'DECLARED', reason: 'Supervised her thesis', member: { name: member.name } }]);
    // Only officers read the list of conflicts.
    const asMember = await server.gql('query($id: ID!) { applicant(id: $id) { conflicts { source } } }', { id: own.gid('Applicant', applicant.id) }, token(member));
    expect(refusal(asMember).code).toBe('FORBIDDEN');
    const again = await server.gql(
      'mutation($u: ID!, $a: ID!) { declareConflict(userId: $u, applicantId: $a, reason: "twice") { conflict { source } } }',
      { u: own.gid('User', member.id), a: own.gid('Applicant', applicant.id) },
      token(member),
    );
    expect(refusal(again)).toEqual({ code: 'CONFLICT', field: 'applicantId' });

    const view = await votesOf(member);
    expect(view.data.applicant.votes).toEqual([]);
    expect(view.data.applicant.agendaItems[0]).toEqual({ tally: null, votes: [] });
    const vote = await castVote(member);
    expect(refusal(vote)).toEqual({ code: 'CONFLICT_OF_INTEREST', field: 'applicantId' });
  });

  test('a conflict of interest is the same refusal for a vote, a comment and a chair step', async () => {
    const { own, applicant, castVote } = await scene();
    const em = server.orm.em.fork();
    for (const user of [own.members[0], own.chair]) {
      em.create(ConflictOfInterest, { user: user.id, applicant: applicant.id, source: ConflictSource.DECLARED, reason: 'Relative' });
    }
    await em.flush();
    const s = own.gid('ReviewSession', own.session.id);
    const a = own.gid('Applicant', applicant.id);
    const comment = await server.gql('mutation($s: ID!, $a: ID!) { postComment(sessionId: $s, applicantId: $a, body: "x") { id } }', { s, a }, token(own.members[0]));
    const close = await server.gql('mutation($s: ID!, $a: ID!) { closeVoting(sessionId: $s, applicantId: $a) { id } }', { s, a }, token(own.chair));
    const draft = await server.gql('query($s: ID!, $a: ID!) { decisionDraft(sessionId: $s, applicantId: $a) { votingClosed } }', { s, a }, token(own.chair));
    for (const response of [await castVote(own.members[0]), comment, close, draft]) {
      expect(refusal(response)).toEqual({ code: 'CONFLICT_OF_INTEREST', field: 'applicantId' });
    }
  });

  test('a member may not declare a conflict for someone else', async () => {
    const { own, applicant } = await scene();
    const response = await server.gql(
      'mutation($u: ID!, $a: ID!) { declareConflict(userId: $u, applicantId: $a, reason: "x") { conflict { source } } }',
      { u: own.gid('User', own.members[1].id), a: own.gid('Applicant', applicant.id) },
      token(own.members[0]),
    );
    expect(refusal(response).code).toBe('FORBIDDEN');
  });

  test('shared institution and being a referee are detected; an officer can clear them', async () => {
    const { own } = await scene();
    const em = server.orm.em.fork();
    const other = own.onAgenda[1];
    const member = own.members[0];
    await em.nativeUpdate('Applicant', { id: other.id }, { priorInstitution: member.institution! });
    em.create(ReferenceLetter, {
      applicant: other.id,
      refereeName: member.name,
      refereeEmail: member.email,
      refereeInstitution: member.institution!,
      academic: true,
      status: ReferenceStatus.RECEIVED,
      receivedAt: new Date(),
    });
    await em.flush();

    const conflicts = async () =>
      (await server.gql('query($id: ID!) { applicant(id: $id) { conflicts { source member { name } } } }', { id: own.gid('Applicant', other.id) }, token(own.officer)))
        .data.applicant.conflicts;
    expect(await conflicts()).toEqual(
      expect.arrayContaining([
        { source: 'SHARED_INSTITUTION', member: { name: member.name } },
        { source: 'REFEREE', member: { name: member.name } },
      ]),
    );

    const clear = (source: ConflictSource) =>
      server.gql(
        'mutation($u: ID!, $a: ID!, $s: ConflictSource!) { clearConflict(userId: $u, applicantId: $a, source: $s, reason: "Different department") { id } }',
        { u: own.gid('User', member.id), a: own.gid('Applicant', other.id), s: source },
        token(own.officer),
      );
    expect((await clear(ConflictSource.SHARED_INSTITUTION)).errors).toBeUndefined();
    expect(await conflicts()).toEqual([{ source: 'REFEREE', member: { name: member.name } }]);
    expect((await clear(ConflictSource.REFEREE)).errors).toBeUndefined();
    expect(await conflicts()).toEqual([]);
    expect(refusal(await clear(ConflictSource.REFEREE)).code).toBe('NOT_FOUND');
    expect(await em.count(ConflictOfInterest, { applicant: other.id })).toBe(2);
  });

  test('blind mode: a member who has not voted sees no one else’s vote until they vote', async () => {
    const { own, votesOf, castVote } = await scene();
    const member = own.members[0];
    const before = await votesOf(member);
    expect(before.data.applicant.votes).toEqual([]);
    expect(before.data.applicant.agendaItems[0].tally).toBeNull();

    const cast = await castVote(member, 2);
    expect(cast.errors).toBeUndefined();
    expect(cast.data.castVote).toEqual({ version: 1, overallScore: 2 });

    const after = await votesOf(member);
    expect(after.data.applicant.votes).toHaveLength(3);
    expect(after.data.applicant.agendaItems[0].tally).toEqual({ voteCount: 3 });
  });
});
