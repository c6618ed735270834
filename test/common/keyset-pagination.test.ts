import { buildApplicant, buildProgram, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Relay connections page forward (`first`/`after`) and backward (`last`/`before`) with keyset
 * cursors: a cursor is its row's place in the order, so rows inserted or deleted while a client
 * pages never make it see a row twice or skip one that stayed. (Offset cursors did both.)
 */
const PAGE = `
  query Page($first: Int, $after: String, $last: Int, $before: String, $filter: ApplicantFilter, $orderBy: ApplicantOrder) {
    applicants(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id lastName ects } }
    }
  }`;

let server: TestServer;
let world: World;
let officer: string;
let programId: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  officer = server.tokenFor(world.officer.id);
  const program = buildProgram(world.em);
  // Repeated names and ECTS: the id breaks the ties.
  for (let i = 0; i < 24; i++) {
    buildApplicant(world.em, { program, intake: world.intake }, { lastName: ['Aydin', 'Berg', 'Celik', 'Demir'][i % 4] + (i < 12 ? '' : ` ${i}`), ects: 180 + (i % 3) * 30 });
  }
  await world.em.flush();
  programId = world.gid('Program', program.id);
});
afterAll(() => server.stop());

type Edge = { cursor: string; node: { id: string; lastName: string; ects: number } };

async function page(variables: Record<string, unknown>) {
  const response = await server.gql(PAGE, { filter: { programId }, ...variables }, officer);
  expect(response.errors).toBeUndefined();
  return response.data.applicants as { totalCount: number; pageInfo: any; edges: Edge[] };
}

const ids = (edges: Edge[]) => edges.map((edge) => edge.node.id);

/** Creates an applicant in the program through the API, as an officer's tool would. */
async function insert(lastName: string, ects = 210): Promise<string> {
  const response = await server.gql(
    `mutation($input: CreateApplicantInput!) { createApplicant(input: $input) { id } }`,
    {
      input: {
        programId,
        intakeId: world.gid('Intake', world.intake.id),
        firstName: 'New',
        lastName,
        email: `${lastName.replace(/\W/g, '').toLowerCase()}${Math.random().toString(36).slice(2, 6)}@mail.example`,
        nationality: 'TR',
        needsVisa: false,
        priorInstitution: 'ITU',
        priorDegree: 'BSc',
        ects,
        grade: { value: 3, scale: 'FOUR_POINT' },
      },
    },
    officer,
  );
  expect(response.errors).toBeUndefined();
  return response.data.createApplicant.id;
}

/** Deletes an applicant's row, as an erasure would; `globalId` is the API's id. */
async function remove(globalId: string) {
  const [, dbId] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  await server.orm.em.getKnex()('applicant').where({ id: dbId }).delete();
}

/**
 * What a client that paged through while rows came and went must have seen: each row once;
 * every row there now except those inserted behind its cursor (`behind`), so every row inserted
 * ahead of it; none deleted before it got there; and all of it in the connection's order.
 */
async function expectSeenOnce(
  seen: Edge[],
  expected: { orderBy: object; behind: (edge: Edge) => boolean; insertedAhead: string[]; deletedAhead: string[] },
) {
  const seenIds = ids(seen);
  expect(new Set(seenIds).size).toBe(seenIds.length);
  const now = (await page({ first: 100, orderBy: expected.orderBy })).edges;
  for (const edge of now) if (!expected.behind(edge)) expect(seenIds).toContain(edge.node.id);
  for (const id of expected.insertedAhead) expect(seenIds).toContain(id);
  for (const id of expected.deletedAhead) expect(seenIds).not.toContain(id);
  expect(seen.filter(expected.behind)).toEqual([]);
  expect(expected.deletedAhead.length).toBeGreaterThan(2);
  const position = new Map(ids(now).map((id, index) => [id, index]));
  const stillThere = seenIds.filter((id) => position.has(id));
  expect(stillThere).toEqual([...stillThere].sort((a, b) => position.get(a)! - position.get(b)!));
}

const ORDERS = [
  { field: 'LAST_NAME', direction: 'ASC' },
  { field: 'LAST_NAME', direction: 'DESC' },
  { field: 'ECTS', direction: 'DESC' },
  { field: 'CREATED_AT', direction: 'ASC' },
];

test.each(ORDERS)('forward and backward pages of %o follow the full list exactly, with pageInfo at both ends', async (orderBy) => {
  const all = await page({ first: 100, orderBy });
  expect(all.totalCount).toBe(24);

  const forward: Edge[] = [];
  let after: string | null = null;
  for (let pages = 0; ; pages++) {
    const current = await page({ first: 5, after, orderBy });
    expect(current.totalCount).toBe(24);
    expect(current.pageInfo.hasPreviousPage).toBe(pages > 0);
    forward.push(...current.edges);
    if (!current.pageInfo.hasNextPage) break;
    after = current.pageInfo.endCursor;
  }
  expect(ids(forward)).toEqual(ids(all.edges));

  const backward: Edge[] = [];
  let before: string | null = null;
  for (let pages = 0; ; pages++) {
    const current = await page({ last: 5, before, orderBy });
    expect(current.pageInfo.hasNextPage).toBe(pages > 0);
    backward.unshift(...current.edges);
    if (!current.pageInfo.hasPreviousPage) break;
    before = current.pageInfo.startCursor;
  }
  expect(ids(backward)).toEqual(ids(all.edges));
  // Both directions hand out the same cursor for the same row.
  expect(backward.map((edge) => edge.cursor)).toEqual(all.edges.map((edge) => edge.cursor));
});

test('paging forward while rows are inserted and deleted sees every row that stayed exactly once, in order', async () => {
  const orderBy = { field: 'LAST_NAME', direction: 'ASC' };
  const seen: Edge[] = [];
  const insertedAhead: string[] = [];
  const deletedAhead: string[] = [];
  let after: string | null = null;
  for (let round = 0; ; round++) {
    const current = await page({ first: 4, after, orderBy });
    seen.push(...current.edges);
    if (!current.pageInfo.hasNextPage) break;
    after = current.pageInfo.endCursor;
    // The cursor's own row goes: its cursor still marks the place.
    await remove(current.edges[current.edges.length - 1].node.id);
    // One row behind the cursor (passed: never seen) and one ahead (to come).
    // Names rise with the round, so a new one sorts after the cursor even once it is among them.
    await insert(`Aaa ${String(round).padStart(2, '0')}`);
    insertedAhead.push(await insert(`Zzz ${String(round).padStart(2, '0')}`));
    // And a row still to come goes.
    const ahead = (await page({ first: 1, after, orderBy })).edges[0];
    if (ahead && !ahead.node.lastName.startsWith('Zzz')) {
      await remove(ahead.node.id);
      deletedAhead.push(ahead.node.id);
    }
  }
  await expectSeenOnce(seen, { orderBy, behind: (edge) => edge.node.lastName.startsWith('Aaa'), insertedAhead, deletedAhead });
});

test('paging backward while rows are inserted and deleted sees every row that stayed exactly once, in order', async () => {
  const orderBy = { field: 'ECTS', direction: 'ASC' };
  const seen: Edge[] = [];
  const insertedAhead: string[] = [];
  const deletedAhead: string[] = [];
  let before: string | null = null;
  for (let round = 0; ; round++) {
    const current = await page({ last: 3, before, orderBy });
    seen.unshift(...current.edges);
    if (!current.pageInfo.hasPreviousPage) break;
    before = current.pageInfo.startCursor;
    await remove(current.edges[0].node.id);
    // Going backward, ECTS 600 is behind the cursor (passed) and below 180 ahead of it: each
    // round's lower than the last, so it is ahead even once the cursor is among them.
    await insert(`Late ${round}`, 600);
    insertedAhead.push(await insert(`Early ${round}`, 100 - round));
    const ahead = (await page({ last: 1, before, orderBy })).edges[0];
    if (ahead && !ahead.node.lastName.startsWith('Early')) {
      await remove(ahead.node.id);
      deletedAhead.push(ahead.node.id);
    }
  }
  await expectSeenOnce(seen, { orderBy, behind: (edge) => edge.node.ects === 600, insertedAhead, deletedAhead });
});

test('first: 0 and last: 0 answer the counts without rows; an empty page past the end still counts', async () => {
  const none = await page({ first: 0 });
  expect(none.edges).toEqual([]);
  expect(none.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: null });
  expect(none.totalCount).toBeGreaterThan(0);
  const lastNone = await page({ last: 0 });
  expect(lastNone.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

  const all = await page({ first: 100 });
  const beyond = await page({ first: 5, after: all.pageInfo.endCursor });
  expect(beyond).toMatchObject({ totalCount: all.totalCount, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  const before = await page({ last: 5, before: all.pageInfo.startCursor });
  expect(before).toMatchObject({ totalCount: all.totalCount, edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
});

test('after and before together give the rows between them', async () => {
  const all = (await page({ first: 100 })).edges;
  const between = await page({ first: 100, after: all[2].cursor, before: all[7].cursor });
  expect(ids(between.edges)).toEqual(ids(all.slice(3, 7)));
  const lastBetween = await page({ last: 2, after: all[2].cursor, before: all[7].cursor });
  expect(ids(lastBetween.edges)).toEqual(ids(all.slice(5, 7)));
  expect(lastBetween.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
});

test('refuses first with last, a cursor of another order, and a cursor that is not one, by field', async () => {
  const refuse = async (variables: Record<string, unknown>) => (await server.gql(PAGE, { filter: { programId }, ...variables }, officer)).errors?.[0]?.extensions;
  expect(await refuse({ first: 2, last: 2 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  expect(await refuse({ last: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  const byName = await page({ first: 1 });
  expect(await refuse({ first: 1, after: byName.pageInfo.endCursor, orderBy: { field: 'ECTS', direction: 'ASC' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  expect(await refuse({ first: 1, after: byName.pageInfo.endCursor, orderBy: { field: 'LAST_NAME', direction: 'DESC' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  expect(await refuse({ last: 1, before: 'bm90LWEtY3Vyc29y' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  expect(await refuse({ first: 1, after: Buffer.from('["last_name:asc", 1, 2]').toString('base64url') })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

test('a page costs one statement, forward or backward, with or without a cursor', async () => {
  const statements = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = server.sqlStatements();
    const response = await server.gql(query, variables, officer);
    expect(response.errors).toBeUndefined();
    return server.sqlStatements() - before;
  };
  // The token's user is read once per request; `__typename` reads nothing else.
  const baseline = await statements('{ __typename }');
  const all = await page({ first: 100 });
  for (const variables of [{ first: 5 }, { first: 5, after: all.edges[3].cursor }, { last: 5 }, { last: 5, before: all.edges[10].cursor }]) {
    expect(await statements(PAGE, { filter: { programId }, ...variables })).toBe(baseline + 1);
  }
});

test('review sessions page backward too', async () => {
  const em = world.em;
  const { ReviewSession } = await import('../../src/reviews/review-session.entity');
  for (let day = 0; day < 5; day++) {
    em.create(ReviewSession, { committee: world.committee, week: world.weeks[0], title: `Extra ${day}`, startsAt: new Date(`2021-05-2${4 + (day % 3)}T0${day}:00:00Z`), endsAt: new Date(`2021-05-2${4 + (day % 3)}T1${day}:00:00Z`) });
  }
  await em.flush();
  const query = `query($first: Int, $last: Int, $before: String, $after: String) { reviewSessions(first: $first, last: $last, before: $before, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor } edges { cursor node { id startsAt } } } }`;
  const all = (await server.gql(query, { first: 100 }, officer)).data.reviewSessions;
  expect(all.totalCount).toBe(6);
  const starts = all.edges.map((edge: any) => edge.node.startsAt);
  expect(starts).toEqual([...starts].sort());
  const collected: string[] = [];
  let before: string | null = null;
  for (;;) {
    const current: any = (await server.gql(query, { last: 4, before }, officer)).data.reviewSessions;
    collected.unshift(...current.edges.map((edge: any) => edge.node.id));
    if (!current.pageInfo.hasPreviousPage) break;
    before = current.pageInfo.startCursor;
  }
  expect(collected).toEqual(all.edges.map((edge: any) => edge.node.id));
});
