import { SignInMethod } from '../../src/auth/auth-session.entity';
import { openSession } from '../../src/auth/sessions';
import { UserRole } from '../../src/auth/user.entity';
import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';
import { Committee } from '../../src/committees/committee.entity';
import { GlobalIdType, toGlobalId } from '../../src/common/global-id';
import { Intake } from '../../src/intakes/intake.entity';
import { buildProgram, buildUser, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The root lists that were plain arrays (intakes, programs, committees, users, signInSessions) are
 * connections like applicants: 20 rows by default, at most 100, paged forward and backward by
 * keyset cursors in one documented order, a cursor of one list refused by every other, and one
 * statement per page whatever its size (nested fields batched by loaders).
 */

let server: TestServer;
let world: World;
let officer: string;
let member: string;
/** A user with many sign-ins, whose sessions the officer lists. */
let holderId: string;

const ROWS = 26;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  const em = world.em;
  // Shared sort keys in every list: only the id orders the tied rows.
  for (let i = 0; i < ROWS; i++) {
    em.create(Intake, { code: `RC${i}`, name: `Intake ${i}`, startsOn: `20${30 + (i % 9)}-0${1 + (i % 3)}-01` });
    buildProgram(em, { name: `Programme ${String(i % 10).padStart(2, '0')}` }, ['academic_record']);
    buildUser(em, { name: `Person ${String(i % 7).padStart(2, '0')}` });
  }
  // The member sits on most committees, not all: the list is the ones they sit on.
  for (let i = 0; i < ROWS + 4; i++) {
    const committee = em.create(Committee, { name: `Board ${String(i % 8).padStart(2, '0')}` });
    committee.programs.add(world.program);
    if (i % 10 !== 9) em.create(CommitteeMember, { committee, user: world.members[0], role: SeatRole.MEMBER });
  }
  const holder = buildUser(em, { name: 'Holder', role: UserRole.COMMITTEE_MEMBER });
  await em.flush();
  holderId = holder.id;
  const db = server.orm.em.getKnex();
  for (let i = 0; i < ROWS; i++) await openSession(db, { userId: holder.id, method: SignInMethod.PASSWORD, hours: 1 });
  // Half of them signed in at the same instant.
  await db.raw(`update auth_session set created_at = '2026-01-01T00:00:00Z' where user_id = ? and id in (select id from auth_session where user_id = ? order by id limit ?)`, [holder.id, holder.id, ROWS / 2]);
  // The others a second apart: sign-ins made in one millisecond would look tied in the API's
  // millisecond timestamps while PostgreSQL orders them by microseconds.
  await db.raw(
    `update auth_session s set created_at = '2026-01-02T00:00:00Z'::timestamptz + make_interval(secs => n.i)
       from (select id, row_number() over (order by id) as i from auth_session where user_id = ? and created_at <> '2026-01-01T00:00:00Z') n
      where s.id = n.id`,
    [holder.id],
  );
  officer = await server.tokenFor(world.officer.id);
  member = await server.tokenFor(world.members[0].id);
});
afterAll(() => server.stop());

interface List {
  field: string;
  typename: GlobalIdType;
  /** Declarations and arguments beyond the paging ones. */
  params?: string;
  args?: string;
  /** Node fields to read: the sort key (`key`) and nested lists that loaders must batch. */
  selection: string;
  token: () => string;
  variables?: () => Record<string, unknown>;
  /** The documented order, read from PostgreSQL: database ids in order. */
  expected: () => Promise<string[]>;
  direction: 'asc' | 'desc';
  /** Whether b may follow a in the order's first key, where JavaScript can compare it as PostgreSQL does. */
  inOrder?: (a: any, b: any) => boolean;
}

const db = () => server.orm.em.getKnex();
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

const LISTS: List[] = [
  {
    field: 'intakes',
    direction: 'desc',
    typename: 'Intake',
    selection: 'id key: startsOn reviewWeeks { label }',
    token: () => officer,
    expected: async () => ids(await db()('intake').orderBy([{ column: 'starts_on', order: 'desc' }, { column: 'id', order: 'desc' }]).select('id')),
    inOrder: (a, b) => a.key >= b.key,
  },
  {
    field: 'programs',
    direction: 'asc',
    typename: 'Program',
    selection: 'id key: name rubric { key } prerequisites { code }',
    token: () => member,
    expected: async () => ids(await db()('program').orderBy(['name', 'id']).select('id')),
  },
  {
    field: 'committees',
    direction: 'asc',
    typename: 'Committee',
    selection: 'id key: name programs { code } members { role }',
    token: () => member,
    expected: async () =>
      ids(
        await db()('committee as c')
          .whereExists(db()('committee_member as cm').whereRaw('cm.committee_id = c.id').where('cm.user_id', world.members[0].id).select(db().raw('1')))
          .orderBy(['c.name', 'c.id'])
          .select('c.id'),
      ),
  },
  {
    field: 'users',
    direction: 'asc',
    typename: 'User',
    selection: 'id key: name',
    token: () => officer,
    expected: async () => ids(await db()('app_user').orderBy(['name', 'id']).select('id')),
  },
  {
    field: 'signInSessions',
    direction: 'desc',
    typename: 'SignInSession',
    params: '$userId: ID',
    args: 'userId: $userId',
    selection: 'id key: createdAt user { email }',
    token: () => officer,
    variables: () => ({ userId: toGlobalId('User', holderId) }),
    expected: async () =>
      ids(
        await db()('auth_session')
          .where('user_id', holderId)
          .whereNull('revoked_at')
          .where('expires_at', '>', db().fn.now())
          .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
          .select('id'),
      ),
    inOrder: (a, b) => Date.parse(a.key) >= Date.parse(b.key),
  },
];

function pageQuery(list: List): string {
  const params = ['$first: Int', '$after: String', '$last: Int', '$before: String', list.params].filter(Boolean).join(', ');
  const args = ['first: $first', 'after: $after', 'last: $last', 'before: $before', list.args].filter(Boolean).join(', ');
  return `query(${params}) {
    ${list.field}(${args}) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ${list.selection} } }
    }
  }`;
}

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string; key: unknown } }[];
}

async function send(list: List, paging: Record<string, unknown>) {
  return server.gql(pageQuery(list), { ...list.variables?.(), ...paging }, list.token());
}

async function page(list: List, paging: Record<string, unknown> = {}): Promise<Connection> {
  const response = await send(list, paging);
  expect(response.errors).toBeUndefined();
  return response.data[list.field];
}

/** Every row, following endCursor forward (or startCursor backward) `size` at a time. */
async function walk(list: List, size: number, backward = false): Promise<Connection['edges']> {
  const seen: Connection['edges'] = [];
  for (let cursor: string | null = null, pages = 0; pages < 100; pages++) {
    const current = await page(list, backward ? { last: size, before: cursor } : { first: size, after: cursor });
    expect(current.edges.length).toBeLessThanOrEqual(size);
    if (backward) seen.unshift(...current.edges);
    else seen.push(...current.edges);
    const more = backward ? current.pageInfo.hasPreviousPage : current.pageInfo.hasNextPage;
    if (!more) return seen;
    cursor = backward ? current.pageInfo.startCursor : current.pageInfo.endCursor;
  }
  throw new Error(`${list.field}: paging did not end`);
}

const dbIdOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

describe.each(LISTS.map((list) => [list.field, list] as const))('%s', (_field, list) => {
  test('holds more rows than a default page, and gives 20 of them unless asked', async () => {
    const expected = await list.expected();
    expect(expected.length).toBeGreaterThan(25);
    const first = await page(list);
    expect(first.totalCount).toBe(expected.length);
    expect(first.edges.map((edge) => dbIdOf(edge.node.id))).toEqual(expected.slice(0, 20));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  test('first/after pages through every row once, in the documented order', async () => {
    const expected = await list.expected();
    const edges = await walk(list, 7);
    expect(edges.map((edge) => dbIdOf(edge.node.id))).toEqual(expected);
    expect(edges.every((edge) => edge.node.id === toGlobalId(list.typename, dbIdOf(edge.node.id)))).toBe(true);
    // Each row follows the one before it in the first key; rows that tie go by id, the same way.
    let ties = 0;
    for (let i = 1; i < edges.length; i++) {
      const [a, b] = [edges[i - 1].node, edges[i].node];
      if (list.inOrder) expect(list.inOrder(a, b)).toBe(true);
      if (a.key !== b.key) continue;
      ties++;
      expect(list.direction === 'asc' ? dbIdOf(a.id) < dbIdOf(b.id) : dbIdOf(a.id) > dbIdOf(b.id)).toBe(true);
    }
    expect(ties).toBeGreaterThan(0);
  });

  test('last/before pages backward to the same rows', async () => {
    const expected = await list.expected();
    expect((await walk(list, 6, true)).map((edge) => dbIdOf(edge.node.id))).toEqual(expected);
    const tail = await page(list, { last: 5 });
    expect(tail.edges.map((edge) => dbIdOf(edge.node.id))).toEqual(expected.slice(-5));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const all = await page(list, { first: 100 });
    const before = await page(list, { last: 4, before: all.edges[10].cursor });
    expect(before.edges.map((edge) => dbIdOf(edge.node.id))).toEqual(expected.slice(6, 10));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  test('more than 100 is BAD_USER_INPUT on first (or last)', async () => {
    for (const [argument, paging] of [['first', { first: 101 }], ['last', { last: 101 }], ['first', { first: -1 }]] as const) {
      const response = await send(list, paging);
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: argument });
    }
    expect((await page(list, { first: 100 })).edges.length).toBe((await list.expected()).length);
  });

  test('a page costs the same statements at 1 row as at 50', async () => {
    const statements = async (paging: Record<string, unknown>) => {
      const before = server.sqlStatements();
      await page(list, paging);
      return server.sqlStatements() - before;
    };
    const one = await statements({ first: 1 });
    expect(await statements({ first: 50 })).toBe(one);
    expect(await statements({ last: 50 })).toBe(one);
  });
});

/** A cursor of every connection at the root, applicants and review sessions too. */
async function cursorsOfEveryList(): Promise<Record<string, string>> {
  const cursors: Record<string, string> = {};
  for (const list of LISTS) cursors[list.field] = (await page(list, { first: 1 })).edges[0].cursor;
  const applicants = await server.gql('{ applicants(first: 1) { edges { cursor } } }', {}, officer);
  cursors.applicants = applicants.data.applicants.edges[0].cursor;
  const sessions = await server.gql('{ reviewSessions(first: 1) { edges { cursor } } }', {}, officer);
  cursors.reviewSessions = sessions.data.reviewSessions.edges[0].cursor;
  const audit = await server.gql('{ auditEvents(first: 1) { edges { cursor } } }', {}, officer);
  cursors.auditEvents = audit.data.auditEvents.edges[0].cursor;
  return cursors;
}

test("a cursor of one list is BAD_USER_INPUT on another's after and before", async () => {
  const cursors = await cursorsOfEveryList();
  expect(Object.keys(cursors)).toHaveLength(LISTS.length + 3);
  for (const list of LISTS) {
    expect((await send(list, { first: 1, after: cursors[list.field] })).errors).toBeUndefined();
    for (const [other, cursor] of Object.entries(cursors).filter(([field]) => field !== list.field)) {
      for (const argument of ['after', 'before']) {
        const response = await send(list, { first: 1, [argument]: cursor });
        expect({ list: list.field, other, refusal: response.errors?.[0].extensions }).toEqual({
          list: list.field,
          other,
          refusal: expect.objectContaining({ code: 'BAD_USER_INPUT', field: argument }),
        });
      }
    }
  }
});

test('the access rules stay: the officer sees every committee, a reporter none, and only officers list users', async () => {
  const committees = '{ committees(first: 1) { totalCount } }';
  expect((await server.gql(committees, {}, officer)).data.committees.totalCount).toBe(Number((await db()('committee').count({ n: '*' }))[0].n));
  const reporter = await server.tokenFor(world.reporter.id);
  expect((await server.gql(committees, {}, reporter)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await server.gql('{ users(first: 1) { totalCount } }', {}, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await server.gql('{ intakes(first: 1) { totalCount } programs(first: 1) { totalCount } }', {}, reporter)).errors).toBeUndefined();
  const holder = toGlobalId('User', holderId);
  expect((await server.gql('query($u: ID) { signInSessions(userId: $u) { totalCount } }', { u: holder }, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
