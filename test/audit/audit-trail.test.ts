import { Client } from 'pg';
import { Applicant } from '../../src/applicants/applicant.entity';
import { toGlobalId } from '../../src/common/global-id';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { buildCompleteApplicant, buildReference, buildVote, buildWorld, World } from '../support/factories';
import { connect, LiveConnection } from '../support/live-client';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/** The audit trail: what is recorded for mutations, changes and reads, who may read it, and that nobody can edit it. */
let server: TestServer;
let world: World;
let criteria: RubricCriterion[];
const connections: LiveConnection[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.dispose().catch(() => {})));
  await server.stop();
});

const as = (user: { id: string }) => (query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, server.tokenFor(user.id));
const db = () => server.orm.em.getKnex();

const TRAIL = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id kind action actor { name } applicantIds outcome table operation before after details operationId redactedAt requestId }
  }
}`;

async function trail(filter: Record<string, unknown>, first = 100) {
  const response = await as(world.officer)(TRAIL, { filter, first });
  expect(response.errors).toBeUndefined();
  return response.data.auditEvents.nodes as any[];
}

/** A complete file with no English certificate: an admission carries recognition and the English exam. */
async function newApplicantOnAgenda(votingStatus = VotingStatus.OPEN) {
  const em = server.orm.em.fork();
  const applicant = buildCompleteApplicant(em, { program: world.program, intake: world.intake }, {}, { certificates: [] });
  em.create(AgendaItem, { session: world.session.id, applicant, position: 100, votingStatus });
  await em.flush();
  return { dbId: applicant.id, id: world.gid('Applicant', applicant.id) };
}

describe('mutations and the changes they make', () => {
  test('a mutation: who, its arguments, its outcome and the applicant; its change with the row after', async () => {
    const created = await as(world.officer)(
      `mutation($input: CreateApplicantInput!) { createApplicant(input: $input) { id } }`,
      {
        input: {
          programId: world.gid('Program', world.program.id), intakeId: world.gid('Intake', world.intake.id), firstName: 'Leyla', lastName: 'Demir',
          email: 'leyla.demir@mail.example', nationality: 'TR', needsVisa: true, priorInstitution: 'Ege University', priorDegree: 'BSc Physics',
          ects: 240, grade: { value: 3.2, scale: 'FOUR_POINT' }, relevantBackground: false,
        },
      },
    );
    const applicantId = created.data.createApplicant.id;
    const events = await trail({ applicantId });
    const mutation = events.find((e) => e.kind === 'MUTATION');
    const change = events.find((e) => e.kind === 'CHANGE');
    expect(mutation).toMatchObject({ action: 'createApplicant', actor: { name: 'Officer' }, outcome: 'OK', applicantIds: [applicantId] });
    expect(mutation.details.arguments.input).toMatchObject({ firstName: 'Leyla', lastName: 'Demir', priorInstitution: 'Ege University' });
    expect(change).toMatchObject({ action: 'createApplicant', actor: { name: 'Officer' }, table: 'applicant', operation: 'INSERT', before: null, operationId: mutation.operationId });
    expect(change.after).toMatchObject({ first_name: 'Leyla', last_name: 'Demir', nationality: 'TR', ects: 240 });
    expect(mutation.requestId).toBe(change.requestId);
  });

  test('decisions and conflicts of interest: every change with the row before and after', async () => {
    const applicant = await newApplicantOnAgenda(VotingStatus.CLOSED);
    const sessionId = world.gid('ReviewSession', world.session.id);
    const member = world.members[2];
    const decided = await as(world.chair)(`mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { outcome } }`, {
      input: { sessionId, applicantId: applicant.id, outcome: 'ADMIT', conditions: ['RECOGNITION_OF_PRIOR_EDUCATION', 'ENGLISH_EXAM'], scholarshipPercent: 25 },
    });
    expect(decided.errors).toBeUndefined();
    await as(world.officer)(`mutation($a: ID!) { publishDecision(applicantId: $a) { id } }`, { a: applicant.id });
    const conflict = { applicantId: applicant.id, userId: world.gid('User', member.id) };
    await as(world.officer)(`mutation($applicantId: ID!, $userId: ID!) { declareConflict(applicantId: $applicantId, userId: $userId, reason: "Former student") { applicant { id } } }`, conflict);
    await as(world.officer)(`mutation($applicantId: ID!, $userId: ID!) { clearConflict(applicantId: $applicantId, userId: $userId, source: DECLARED, reason: "Long ago") { id } }`, conflict);

    const changes = (await trail({ applicantId: applicant.id, kinds: ['CHANGE'] })).reverse();
    const decisions = changes.filter((c) => c.table === 'decision');
    expect(decisions.map((c) => [c.action, c.operation])).toEqual([['recordDecision', 'INSERT'], ['publishDecision', 'UPDATE']]);
    expect(decisions[0].after).toMatchObject({ outcome: 'ADMIT', scholarship_percent: 25, published_at: null });
    const conditions = changes.filter((c) => c.table === 'decision_condition');
    expect(conditions.map((c) => [c.action, c.operation, c.after.kind]).sort()).toEqual([
      ['recordDecision', 'INSERT', 'ENGLISH_EXAM'],
      ['recordDecision', 'INSERT', 'RECOGNITION_OF_PRIOR_EDUCATION'],
    ]);
    expect(decisions[1].before.published_at).toBeNull();
    expect(decisions[1].after.published_at).toEqual(expect.any(String));
    expect(decisions[1].actor).toEqual({ name: 'Officer' });
    const conflicts = changes.filter((c) => c.table === 'conflict_of_interest');
    expect(conflicts.map((c) => [c.action, c.operation])).toEqual([['declareConflict', 'INSERT'], ['clearConflict', 'UPDATE']]);
    expect(conflicts[0].after).toMatchObject({ user_id: member.id, source: 'DECLARED', reason: 'Former student', cleared_at: null });
    expect(conflicts[1].before.cleared_at).toBeNull();
    expect(conflicts[1].after).toMatchObject({ cleared_at: expect.any(String), cleared_by_id: world.officer.id });
  });

  test('a refused mutation is recorded with its code; an anonymous attempt is not recorded', async () => {
    const applicant = await newApplicantOnAgenda();
    const member = world.members[0];
    const refused = await as(member)(`mutation($id: ID!) { withdrawApplicant(id: $id) { id } }`, { id: applicant.id });
    expect(refusal(refused).code).toBe('FORBIDDEN');
    await server.gql(`mutation($id: ID!) { withdrawApplicant(id: $id) { id } }`, { id: applicant.id }, null);
    const rows = await db()('audit_event').where({ kind: 'MUTATION', action: 'withdrawApplicant' }).whereRaw('applicant_ids @> array[?]::uuid[]', [applicant.dbId]).select('actor_id', 'outcome');
    expect(rows).toEqual([{ actor_id: member.id, outcome: 'FORBIDDEN' }]);
  });

  test('a change made outside the API is recorded too, as the database’s own', async () => {
    const applicant = await newApplicantOnAgenda();
    await db()('applicant').where('id', applicant.dbId).update({ nationality: 'BA', needs_visa: true });
    const [change] = await trail({ applicantId: applicant.id, kinds: ['CHANGE'] }, 1);
    expect(change).toMatchObject({ action: 'database', actor: null, table: 'applicant', operation: 'UPDATE' });
    expect([change.before.needs_visa, change.after.needs_visa]).toEqual([false, true]);
  });
});

describe('votes', () => {
  const CAST = `mutation($input: CastVoteInput!) { castVote(input: $input) { id version } }`;
  const input = (applicantId: string, score: number, expectedVersion?: number) => ({
    sessionId: world.gid('ReviewSession', world.session.id),
    applicantId,
    scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score })),
    recommendation: 'ADMIT',
    confidence: 2,
    expectedVersion,
  });

  test('a vote is still one statement (with the sign-in check), and its entry names the vote and version that vote_revision keeps', async () => {
    const applicant = await newApplicantOnAgenda();
    const member = world.members[1];
    const token = await server.tokenFor(member.id);
    await server.gql('{ me { id } }', {}, token);
    const before = server.sqlStatements();
    const first = await server.gql(CAST, { input: input(applicant.id, 3) }, token);
    expect(server.sqlStatements() - before).toBe(2);
    const changed = await server.gql(CAST, { input: input(applicant.id, 4, 1) }, token);
    expect(changed.data.castVote.version).toBe(2);

    const votes = (await trail({ applicantId: applicant.id, kinds: ['MUTATION'] })).reverse();
    expect(votes.map((v) => [v.action, v.outcome, v.actor.name, v.details.version])).toEqual([
      ['castVote', 'OK', 'Member 2', 1],
      ['castVote', 'OK', 'Member 2', 2],
    ]);
    expect(toGlobalId('Vote', votes[0].details.voteId)).toBe(first.data.castVote.id);
    const revisions = await db()('vote_revision').where('vote_id', votes[0].details.voteId).orderBy('version').pluck('version');
    expect(revisions).toEqual([1, 2]);
  });

  test('a refused vote is recorded with its code', async () => {
    const applicant = await newApplicantOnAgenda(VotingStatus.CLOSED);
    const refused = await as(world.members[1])(CAST, { input: input(applicant.id, 3) });
    expect(refusal(refused).code).toBe('INVALID_STATE');
    const [entry] = await trail({ applicantId: applicant.id, kinds: ['MUTATION'] });
    expect(entry).toMatchObject({ action: 'castVote', outcome: 'INVALID_STATE', actor: { name: 'Member 2' } });
  });
});

describe('reads of applicants’ files', () => {
  test('one entry per request names every applicant read, whatever the page size; ids alone are no read', async () => {
    const reads = () => db()('audit_event').where({ kind: 'READ', actor_id: world.officer.id }).orderBy('id', 'desc');
    const before = (await reads()).length;
    await as(world.officer)('{ applicants(first: 50) { nodes { id } } }');
    expect((await reads()).length).toBe(before);
    const page = await as(world.officer)('query Dossiers { applicants(first: 50) { totalCount nodes { id fullName references { refereeName } } } }');
    const rows = await reads();
    expect(rows.length).toBe(before + 1);
    expect(rows[0].action).toBe('applicants');
    expect([...rows[0].applicant_ids].sort()).toEqual(page.data.applicants.nodes.map((n: any) => Buffer.from(n.id, 'base64url').toString().split(':')[1]).sort());

    const applicant = page.data.applicants.nodes[0].id;
    const byApplicant = await trail({ applicantId: applicant, kinds: ['READ'] }, 1);
    const byUser = await trail({ userId: world.gid('User', world.officer.id), kinds: ['READ'] }, 1);
    expect(byApplicant[0].id).toBe(String(rows[0].id));
    expect(byUser[0].id).toBe(String(rows[0].id));
  });

  test('reports that name applicants are reads of them; a reporter’s anonymous ones are not', async () => {
    const applicant = await newApplicantOnAgenda(VotingStatus.CLOSED);
    const em = server.orm.em.fork();
    buildVote(em, { session: world.session, applicant: { id: applicant.dbId }, member: world.members[0] }, criteria, [4, 4, 4]);
    buildVote(em, { session: world.session, applicant: { id: applicant.dbId }, member: world.members[1] }, criteria, [2, 3, 4]);
    await em.flush();
    const readsBy = async (user: { id: string }, action: string) =>
      db()('audit_event').where({ kind: 'READ', actor_id: user.id, action }).whereRaw('applicant_ids @> array[?]::uuid[]', [applicant.dbId]).count({ n: '*' });
    const csv = await as(world.officer)('{ scoresCsv }');
    expect(csv.data.scoresCsv).toContain(applicant.dbId);
    expect(await readsBy(world.officer, 'scoresCsv')).toEqual([{ n: '1' }]);
    const CALIBRATION = '{ calibrationReport { applicants { applicantId applicantName } } }';
    expect((await as(world.officer)(CALIBRATION)).data.calibrationReport.applicants.map((a: any) => a.applicantId)).toContain(applicant.id);
    expect(await readsBy(world.officer, 'calibrationReport')).toEqual([{ n: '1' }]);
    const anonymous = await as(world.reporter)(CALIBRATION);
    expect(anonymous.data.calibrationReport.applicants.find((a: any) => a.applicantId === applicant.id)).toEqual({ applicantId: applicant.id, applicantName: null });
    expect(await readsBy(world.reporter, 'calibrationReport')).toEqual([{ n: '0' }]);
  });

  test('a reference read through node(id:) is a read of its applicant’s file', async () => {
    const applicant = await newApplicantOnAgenda();
    const em = server.orm.em.fork();
    const reference = buildReference(em, em.getReference(Applicant, applicant.dbId));
    await em.flush();
    await as(world.members[0])('query($id: ID!) { node(id: $id) { ... on Reference { refereeName } } }', { id: world.gid('Reference', reference.id) });
    const [read] = await trail({ applicantId: applicant.id, kinds: ['READ'] }, 1);
    expect(read).toMatchObject({ action: 'node', actor: { name: 'Member 1' }, applicantIds: [applicant.id] });
  });

  test.each(['shared', 'per-subscriber'] as const)('live events a viewer receives about an applicant are recorded as their reads (%s delivery)', async (delivery) => {
    const live = delivery === 'shared' ? server : await startTestServer({ liveDelivery: delivery });
    try {
      const liveWorld = delivery === 'shared' ? world : await buildWorld(live.orm);
      const applicantId = liveWorld.gid('Applicant', liveWorld.onAgenda[0].id);
      const sessionId = liveWorld.gid('ReviewSession', liveWorld.session.id);
      const connection = connect(live.url, live.tokenFor(liveWorld.members[1].id));
      connections.push(connection);
      const feed = connection.subscribe(`subscription($s: ID!) { sessionEvents(sessionId: $s) { type applicant { fullName } } }`, { s: sessionId });
      // graphql-ws does not acknowledge a subscription: post until the first event arrives.
      const deadline = Date.now() + 5000;
      while (feed.received.length === 0) {
        await live.gql('mutation($a: ID!, $s: ID!) { postComment(applicantId: $a, sessionId: $s, body: "Strong file") { id } }', { a: applicantId, s: sessionId }, live.tokenFor(liveWorld.chair.id));
        await feed.waitFor(1, 500).catch(() => {});
        if (Date.now() > deadline) throw new Error('no live event arrived');
      }
      const row = await live.orm.em.getKnex()('audit_event').where({ kind: 'READ', actor_id: liveWorld.members[1].id, action: 'sessionEvents' }).first('applicant_ids');
      expect(row.applicant_ids).toEqual([liveWorld.onAgenda[0].id]);
    } finally {
      if (live !== server) await live.stop();
    }
  });
});

describe('reading the trail', () => {
  test('officers page through it, newest first; members and reporters may not read it', async () => {
    const userId = world.gid('User', world.officer.id);
    const first = await as(world.officer)(TRAIL, { filter: { userId }, first: 2 });
    const { totalCount, pageInfo, nodes } = first.data.auditEvents;
    expect(nodes).toHaveLength(2);
    expect(totalCount).toBeGreaterThan(2);
    expect(Number(nodes[0].id)).toBeGreaterThan(Number(nodes[1].id));
    const next = await as(world.officer)(TRAIL, { filter: { userId }, first: 2, after: pageInfo.endCursor });
    expect(Number(next.data.auditEvents.nodes[0].id)).toBeLessThan(Number(nodes[1].id));
    expect(refusal(await as(world.members[0])(TRAIL, {})).code).toBe('FORBIDDEN');
    expect(refusal(await as(world.reporter)(TRAIL, {})).code).toBe('FORBIDDEN');
    expect(refusal(await as(world.officer)(TRAIL, { first: 500 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test('sign-ins are in it', async () => {
    await server.tokenFor(world.outsider.id);
    const [signIn] = await trail({ userId: world.gid('User', world.outsider.id), kinds: ['SIGN_IN'] }, 1);
    expect(signIn).toMatchObject({ action: 'signIn', actor: { name: 'Outsider' }, details: { method: 'CLI' } });
  });
});

describe('nobody edits the trail', () => {
  test('no mutation of the API writes to it', async () => {
    const mutations = await as(world.officer)('{ __schema { mutationType { fields { name } } } }');
    const names: string[] = mutations.data.__schema.mutationType.fields.map((f: any) => f.name);
    expect(names.filter((n) => /audit/i.test(n))).toEqual([]);
  });

  test('the application’s own database role cannot update, delete or truncate it', async () => {
    const client = new Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('select id from audit_event order by id limit 1');
      for (const statement of [
        `update audit_event set action = 'nothing' where id = ${rows[0].id}`,
        `update audit_event set before = null, after = null, details = null, redacted_at = now() where id = ${rows[0].id}`,
        `delete from audit_event where id = ${rows[0].id}`,
        'truncate audit_event',
      ]) {
        await expect(client.query(statement)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/append-only/) });
      }
      expect((await client.query('select count(*)::int as n from audit_event where id = $1', [rows[0].id])).rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });
});
