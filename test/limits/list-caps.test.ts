import { buildSchema, getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CAPS } from '../../src/common/caps';
import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';
import { ApplicantDocument, DocumentKind } from '../../src/documents/document.entity';
import { ReferenceLetter } from '../../src/references/reference.entity';
import { AgendaItem } from '../../src/reviews/agenda-item.entity';
import { CommentVisibility, SessionComment } from '../../src/reviews/comment.entity';
import { ReviewSession } from '../../src/reviews/review-session.entity';
import { LIST_SIZES } from '../../src/server/limits/list-sizes';
import { buildApplicant, buildCompleteApplicant, buildUser, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The cost analysis counts a plain list at its cap (server/limits/list-sizes.ts); these tests hold
 * the writers to those caps. Each fills a list to its cap directly in the database, then asks the
 * API for one more: LIMIT_EXCEEDED naming the field, the limit and its maximum, nothing written.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function refusedPastCap(world: World, cap: (typeof CAPS)[keyof typeof CAPS], mutation: string, variables: Record<string, unknown>, count: () => Promise<number>, token?: Promise<string>) {
  const before = await count();
  expect(before).toBe(cap.max);
  const answer = await server.gql(mutation, variables, token ?? server.tokenFor(world.officer.id));
  expect(answer.errors?.[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', field: cap.field, limit: cap.limit, max: cap.max });
  expect(answer.data).toBeNull();
  expect(await count()).toBe(cap.max);
}

const ADD_SEAT = `mutation($c: ID!, $u: ID!) { addCommitteeMember(committeeId: $c, userId: $u) { id } }`;

test('a committee takes seats up to its cap, the next is refused, and two writers racing for the last seat cannot both get it', async () => {
  const world = await buildWorld(server.orm);
  const em = world.em;
  // buildWorld seats a chair and three members.
  const filler = CAPS.seatsPerCommittee.max - 4 - 1;
  for (let i = 0; i < filler; i++) em.create(CommitteeMember, { committee: world.committee, user: buildUser(em), role: SeatRole.MEMBER });
  const racers = [buildUser(em), buildUser(em)];
  await em.flush();
  const committee = world.gid('Committee', world.committee.id);
  const seats = () => em.fork().count(CommitteeMember, { committee: world.committee.id });
  const officer = await server.tokenFor(world.officer.id);
  const answers = await Promise.all(racers.map((user) => server.gql(ADD_SEAT, { c: committee, u: world.gid('User', user.id) }, officer)));
  expect(answers.filter((a) => a.data?.addCommitteeMember).length).toBe(1);
  expect(answers.filter((a) => a.errors?.[0].extensions?.code === 'LIMIT_EXCEEDED').length).toBe(1);
  const late = buildUser(em);
  await em.flush();
  await refusedPastCap(world, CAPS.seatsPerCommittee, ADD_SEAT, { c: committee, u: world.gid('User', late.id) }, seats);
});

test('a session’s agenda holds at most its cap of applicants', async () => {
  const world = await buildWorld(server.orm);
  const em = world.em;
  const session = em.create(ReviewSession, { committee: world.committee, week: world.weeks[1], title: 'Full day', startsAt: new Date('2021-06-25T09:00:00Z'), endsAt: new Date('2021-06-25T17:00:00Z') });
  for (let position = 0; position < CAPS.itemsPerAgenda.max; position++) em.create(AgendaItem, { session, applicant: buildApplicant(em, { program: world.program, intake: world.intake }), position });
  const next = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
  await em.flush();
  await refusedPastCap(
    world,
    CAPS.itemsPerAgenda,
    `mutation($s: ID!, $a: ID!) { addToAgenda(sessionId: $s, applicantId: $a) { id } }`,
    { s: world.gid('ReviewSession', session.id), a: world.gid('Applicant', next.id) },
    () => em.fork().count(AgendaItem, { session: session.id }),
  );
});

test('the discussion of one applicant in one session holds at most its cap of comments', async () => {
  const world = await buildWorld(server.orm);
  const em = world.em;
  const [applicant] = world.onAgenda;
  for (let i = 0; i < CAPS.commentsPerAgendaItem.max; i++) {
    em.create(SessionComment, { session: world.session, applicant, author: world.members[i % 3], visibility: CommentVisibility.COMMITTEE, body: `Point ${i}` });
  }
  await em.flush();
  await refusedPastCap(
    world,
    CAPS.commentsPerAgendaItem,
    `mutation($s: ID!, $a: ID!) { postComment(sessionId: $s, applicantId: $a, body: "One more point") { id } }`,
    { s: world.gid('ReviewSession', world.session.id), a: world.gid('Applicant', applicant.id) },
    () => em.fork().count(SessionComment, { session: world.session.id, applicant: applicant.id }),
    server.tokenFor(world.members[0].id),
  );
});

test('an applicant has at most its cap of references and of documents', async () => {
  const world = await buildWorld(server.orm);
  const em = world.em;
  const applicant = world.notOnAgenda;
  const existing = await em.count(ReferenceLetter, { applicant });
  for (let i = existing; i < CAPS.referencesPerApplicant.max; i++) {
    em.create(ReferenceLetter, { applicant, refereeName: `Referee ${i}`, refereeEmail: `referee${i}@example.org`, refereeInstitution: 'Elsewhere', academic: true });
  }
  const documents = await em.count(ApplicantDocument, { applicant });
  for (let i = documents; i < CAPS.documentsPerApplicant.max; i++) em.create(ApplicantDocument, { applicant, kind: DocumentKind.CV, fileName: `cv-${i}.pdf` });
  await em.flush();
  const id = world.gid('Applicant', applicant.id);
  await refusedPastCap(
    world,
    CAPS.referencesPerApplicant,
    `mutation($input: RequestReferenceInput!) { requestReference(input: $input) { id } }`,
    { input: { applicantId: id, refereeName: 'One more', refereeEmail: 'one.more@example.org', refereeInstitution: 'Elsewhere', academic: true } },
    () => em.fork().count(ReferenceLetter, { applicant: applicant.id }),
  );
  await refusedPastCap(
    world,
    CAPS.documentsPerApplicant,
    `mutation($a: ID!) { addDocument(applicantId: $a, kind: CV, fileName: "cv-last.pdf") { id } }`,
    { a: id },
    () => em.fork().count(ApplicantDocument, { applicant: applicant.id }),
  );
});

test('a list given whole is refused past its cap with BAD_USER_INPUT on its field', async () => {
  const world = await buildWorld(server.orm);
  const criteria = Array.from({ length: 11 }, (_, i) => ({ key: `c${i}`, name: `Criterion ${i}`, description: 'What it weighs', weight: 1, levelDescriptions: ['1', '2', '3', '4', '5'] }));
  const answer = await server.gql(
    `mutation($p: ID!, $c: [RubricCriterionInput!]!) { setRubric(programId: $p, criteria: $c) { id } }`,
    { p: world.gid('Program', world.program.id), c: criteria },
    server.tokenFor(world.officer.id),
  );
  expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'criteria' });
});

test('an applicant’s conflicts come a page at a time however many members share the applicant’s institution', async () => {
  const world = await buildWorld(server.orm);
  const em = world.em;
  const institution = `Institute ${randomUUID()}`;
  const applicant = buildApplicant(em, { program: world.program, intake: world.intake }, { priorInstitution: institution });
  const colleagues = Array.from({ length: 30 }, () => buildUser(em, { institution }));
  await em.flush();
  const officer = server.tokenFor(world.officer.id);
  const conflicts = (first?: number) =>
    server.gql(
      `query($a: ID!, $first: Int) { node(id: $a) { ... on Applicant { conflicts(first: $first) { member { id } source } } } }`,
      { a: world.gid('Applicant', applicant.id), ...(first === undefined ? {} : { first }) },
      officer,
    );
  const byMember = colleagues.map((u) => world.gid('User', u.id)).sort((a, b) => (a < b ? -1 : 1));
  const firstPage = await conflicts();
  expect(firstPage.errors).toBeUndefined();
  expect(firstPage.data.node.conflicts).toHaveLength(25);
  expect(firstPage.data.node.conflicts.every((c: any) => c.source === 'SHARED_INSTITUTION')).toBe(true);
  const all = await conflicts(30);
  expect(all.data.node.conflicts.map((c: any) => c.member.id).sort()).toEqual(byMember);
  for (const first of [0, 101]) {
    const refused = await conflicts(first);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  }
});

test('every list of objects in the schema is a page, takes first/last, or has its size named for the cost analysis', () => {
  const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
  const unnamed: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type)) || !isObjectType(getNamedType(field.type))) continue;
      if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last' || arg.name === 'ids')) continue;
      if (!(`${type.name}.${field.name}` in LIST_SIZES)) unnamed.push(`${type.name}.${field.name}`);
    }
  }
  expect(unnamed).toEqual([]);
});
