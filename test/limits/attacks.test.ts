import { connect, connected, LiveConnection } from '../support/live-client';
import { buildWorld, World } from '../support/factories';
import { GraphQLResponse, startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * The attacks against the real server, over HTTP and WebSocket: each is refused with one
 * QUERY_TOO_COMPLEX error naming its limit, before any resolver or SQL runs.
 */
let server: TestServer;
let world: World;
let token: Promise<string>;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  token = server.tokenFor(world.officer.id);
});
afterAll(() => server.stop());

/** session → agenda → applicant → agendaItems → session → … → id: `depth` levels of fields. */
function nested(depth: number, root = 'reviewSession(id: $id)'): string {
  const levels = ['agenda', 'applicant', 'agendaItems', 'session'];
  let body = 'id';
  for (let level = depth - 2; level >= 1; level--) body = `${levels[(level - 1) % 4]} { ${body} }`;
  return `${root} { ${body} }`;
}

/** The SQL an authenticated request costs without running any resolver (a document that fails validation). */
async function baselineStatements(): Promise<number> {
  const before = server.sqlStatements();
  const response = await server.gql('{ notAField }', {}, token);
  expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  return server.sqlStatements() - before;
}

async function refusedOverHttp(query: string, variables: Record<string, unknown> = {}): Promise<NonNullable<GraphQLResponse['errors']>[number]> {
  const baseline = await baselineStatements();
  const before = server.sqlStatements();
  const response = await server.gql(query, variables, token);
  // At most authentication's (a document refused by its tokens is refused before anyone is looked up).
  expect(server.sqlStatements() - before).toBeLessThanOrEqual(baseline);
  expect(response.data).toBeUndefined();
  expect(response.errors).toHaveLength(1);
  expect(response.status).toBe(400);
  return response.errors![0];
}

const sessionId = () => world.gid('ReviewSession', world.session.id);

test('a 27-level nesting is refused by depth, with the measured depth', async () => {
  const error = await refusedOverHttp(`query($id: ID!) { ${nested(27)} }`, { id: sessionId() });
  expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', measured: 27, maximum: 6 });
});

test('5,000 aliases of a report are refused (by tokens, long before the alias count matters); 16 aliases by aliases', async () => {
  const many = Array.from({ length: 5000 }, (_, i) => `r${i}: committeeWorkReport { weeks { label } }`).join(' ');
  const error = await refusedOverHttp(`{ ${many} }`);
  expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', measured: 1001, maximum: 1000 });
  const sixteen = Array.from({ length: 16 }, (_, i) => `r${i}: me { id }`).join(' ');
  const aliases = await refusedOverHttp(`{ ${sixteen} }`);
  expect(aliases.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', measured: 16, maximum: 15 });
});

test('a 1 MB document of repeated fields is refused by tokens, answered at once', async () => {
  const fields = ' id'.repeat(330_000);
  const query = `{ me {${fields} } }`;
  expect(query.length).toBeGreaterThan(990_000);
  const error = await refusedOverHttp(query);
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: 1000 });
});

test('an over-cost nested list query is refused by cost, with its estimate', async () => {
  const error = await refusedOverHttp('{ applicants(first: 100) { nodes { agendaItems { votes { member { name } scores { score } } } } } }');
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 50_000 });
  expect(error.extensions!.measured as number).toBeGreaterThan(50_000);
});

test('the cost counts `first` from the variables', async () => {
  const query = 'query($n: Int) { applicants(first: $n) { nodes { agendaItems { votes { scores { score } } } } } }';
  const small = await server.gql(query, { n: 1 }, token);
  expect(small.errors).toBeUndefined();
  const error = await refusedOverHttp(query, { n: 100 });
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
});

test('10,000 ids to nodes() are refused as BAD_USER_INPUT on ids before any is fetched; 100 are fetched', async () => {
  const ids = Array.from({ length: 10_000 }, () => world.gid('Applicant', world.onAgenda[0].id));
  const baseline = await baselineStatements();
  const before = server.sqlStatements();
  const refused = await server.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, token);
  // Authentication, and nothing of the 10,000.
  expect(server.sqlStatements() - before).toBeLessThanOrEqual(baseline + 1);
  expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'ids']]);
  const hundred = await server.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(0, 100) }, token);
  expect(hundred.errors).toBeUndefined();
  expect(hundred.data.nodes).toHaveLength(100);
});

test('first above 100 is refused', async () => {
  const response = await server.gql('{ applicants(first: 101) { totalCount } }', {}, token);
  expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'first']]);
});

test('suggestions ("Did you mean") are off unless turned on', async () => {
  const off = await server.gql('{ mee { id } }', {}, token);
  expect(off.errors?.[0]?.message).toBe('Cannot query field "mee" on type "Query".');
  const open = await startTestServer({ databaseUrl: server.databaseUrl, limits: { suggestions: true } });
  try {
    const on = await open.gql('{ mee { id } }', {}, open.tokenFor(world.officer.id));
    expect(on.errors?.[0]?.message).toMatch(/Did you mean "me"\?/);
  } finally {
    await open.stop();
  }
});

describe('over WebSocket', () => {
  let live: LiveConnection;
  beforeAll(async () => {
    live = connect(server.url, token);
    await connected(live);
  });
  afterAll(() => live.dispose());

  const refusedLive = async (query: string, variables: Record<string, unknown>) => {
    const before = server.sqlStatements();
    const subscription = live.subscribe(query, variables);
    await subscription.until((_received, errors) => errors.length > 0);
    const errors = subscription.errors.flat() as { extensions?: Record<string, unknown> }[];
    expect(errors).toHaveLength(1);
    expect(subscription.received).toEqual([]);
    expect(server.sqlStatements()).toBe(before);
    return errors[0].extensions;
  };

  test('a deep subscription is refused by depth', async () => {
    const extensions = await refusedLive(`subscription($id: ID!) { sessionEvents(sessionId: $id) { ${nested(26, 'session')} } }`, { id: sessionId() });
    expect(extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', measured: 27, maximum: 6 });
  });

  test('a subscription document of 1 MB is refused by tokens', async () => {
    const extensions = await refusedLive(`subscription($id: ID!) { sessionEvents(sessionId: $id) { eventId${' eventId'.repeat(120_000)} } }`, { id: sessionId() });
    expect(extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', measured: 1001 });
  });

  test('an over-cost subscription is refused by cost', async () => {
    const query = `subscription($id: ID!) { sessionEvents(sessionId: $id) { session { agenda { votes { member { name } scores { score } } } } } }`;
    const extensions = await refusedLive(query, { id: sessionId() });
    expect(extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  test('a legitimate subscription within the limits runs', async () => {
    const subscription = live.subscribe('subscription($id: ID!) { sessionEvents(sessionId: $id) { eventId type } }', { id: sessionId() });
    await server.gql('mutation($id: ID!) { closeSession(id: $id) { id status } }', { id: sessionId() }, server.tokenFor(world.chair.id));
    await until(() => subscription.received.length > 0 || subscription.errors.length > 0, 'the session-closed event', 10_000);
    expect(subscription.errors).toEqual([]);
    subscription.stop();
  });
});
