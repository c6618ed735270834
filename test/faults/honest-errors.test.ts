import { mapDatabaseError } from '../../src/common/database-errors';
import { MAX_INPUT_LIST_ITEMS } from '../../src/common/validation';
import { buildWorld, World } from '../support/factories';
import { connect, connected, LiveConnection } from '../support/live-client';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/** Issue 10 item 4: input PostgreSQL would refuse is the client's error, named by field, before anything runs. */

let server: TestServer;
let world: World;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  officer = await server.tokenFor(world.officer.id);
});
afterAll(() => server.stop());

const APPLICANTS = `query($f: ApplicantFilter) { applicants(first: 5, filter: $f) { totalCount } }`;

test('a NUL character in a filter, as a variable or a literal, is BAD_USER_INPUT naming it', async () => {
  const asVariable = await server.gql(APPLICANTS, { f: { search: 'a\u0000' } }, officer);
  expect(refusal(asVariable)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  expect(asVariable.data).toBeUndefined();

  const asLiteral = await server.gql(`{ applicants(first: 5, filter: { search: "a\\u0000" }) { totalCount } }`, undefined, officer);
  expect(refusal(asLiteral)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });

  const clean = await server.gql(APPLICANTS, { f: { search: 'a' } }, officer);
  expect(clean.errors).toBeUndefined();
});

test('a NUL inside a list item of a mutation input names the item', async () => {
  const response = await server.gql(
    `mutation($courses: [String!]) { createApplicant(input: { intakeId: "x", programId: "y", firstName: "A", lastName: "B", email: "a@b.example", nationality: "RS", needsVisa: false, priorDegree: "BSc", priorInstitution: "U", ects: 180, grade: { scale: HUNDRED_POINT, value: 80 }, completedCourses: $courses }) { id } }`,
    { courses: ['Algebra', 'Analy\u0000sis'] },
    officer,
  );
  expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'completedCourses[1]' });
});

test('a lone surrogate (no character at all) is BAD_USER_INPUT naming the field, and nothing is changed', async () => {
  const id = world.gid('Program', world.program.id);
  const response = await server.gql(`mutation($id: ID!, $i: UpdateProgramInput!) { updateProgram(id: $id, input: $i) { name } }`, { id, i: { name: 'Design \ud800' } }, officer);
  expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  const unchanged = await server.gql(`query($id: ID!) { node(id: $id) { ... on Program { name } } }`, { id }, officer);
  expect(unchanged.data.node.name).toBe(world.program.name);
  // A pair is a character like any other.
  const emoji = await server.gql(`query($f: ApplicantFilter) { applicants(first: 1, filter: $f) { totalCount } }`, { f: { search: '\ud83c\udf93' } }, officer);
  expect(emoji.errors).toBeUndefined();
});

test('dates outside 1900–2200 are refused by field, whether literal or variable', async () => {
  const literal = await server.gql(`mutation { createIntake(input: { code: "Z1", name: "Zero", startsOn: "0000-01-01" }) { id } }`, undefined, officer);
  expect(refusal(literal)).toEqual({ code: 'BAD_USER_INPUT', field: 'startsOn' });
  expect(literal.errors![0].message).toMatch(/1900 to 2200/);

  const variable = await server.gql(`mutation($i: CreateIntakeInput!) { createIntake(input: $i) { id } }`, { i: { code: 'Z2', name: 'Far', startsOn: '2999-01-01' } }, officer);
  expect(refusal(variable)).toEqual({ code: 'BAD_USER_INPUT', field: 'startsOn' });

  const fine = await server.gql(`mutation($i: CreateIntakeInput!) { createIntake(input: $i) { startsOn } }`, { i: { code: 'Z3', name: 'Fine', startsOn: '2030-10-01' } }, officer);
  expect(fine.data?.createIntake).toEqual({ startsOn: '2030-10-01' });
});

test(`input lists hold at most ${MAX_INPUT_LIST_ITEMS} items: 5,000 completed courses are refused by field`, async () => {
  const courses = Array.from({ length: 5000 }, (_, i) => `Course ${i}`);
  const response = await server.gql(
    `mutation($i: CreateApplicantInput!) { createApplicant(input: $i) { id } }`,
    { i: { intakeId: 'x', programId: 'y', firstName: 'A', lastName: 'B', email: 'a@b.example', nationality: 'RS', needsVisa: false, priorDegree: 'BSc', priorInstitution: 'U', ects: 180, grade: { scale: 'HUNDRED_POINT', value: 80 }, completedCourses: courses } },
    officer,
  );
  expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'completedCourses' });
  expect(response.errors![0].message).toMatch(`at most ${MAX_INPUT_LIST_ITEMS} items, got 5000`);
});

test('values the database refuses after all are BAD_USER_INPUT, an unreachable database SERVICE_UNAVAILABLE', () => {
  const codeOf = (error: unknown) => (mapDatabaseError(error) as { extensions?: { code?: string } }).extensions?.code;
  for (const sqlState of ['22P05', '22008', '22003', '22001']) expect(codeOf(Object.assign(new Error('refused'), { code: sqlState }))).toBe('BAD_USER_INPUT');
  for (const down of [
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    new Error('Connection terminated unexpectedly'),
    new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    Object.assign(new Error('connection failure'), { code: '08006' }),
  ]) {
    expect(codeOf(down)).toBe('SERVICE_UNAVAILABLE');
  }
  const bug = new TypeError('x is undefined');
  expect(mapDatabaseError(bug)).toBe(bug);
});

describe('over WebSocket', () => {
  let live: LiveConnection;
  beforeAll(async () => {
    live = connect(server.url, officer);
    await connected(live);
  });
  afterAll(() => live.dispose());

  test('a subscription that fails validation gets the validation code, not an internal error', async () => {
    const wrong = live.subscribe(`subscription { sessionEvents(sessionId: "x") { noSuchField } }`);
    await wrong.until((_received, errors) => errors.length > 0);
    expect(wrong.errors.flat()).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })]);
    const unparsable = live.subscribe(`subscription {`);
    await unparsable.until((_received, errors) => errors.length > 0);
    expect(unparsable.errors.flat()).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }) })]);
  });

  test('its arguments are held to the same checks', async () => {
    const nul = live.subscribe(`subscription($s: ID!) { sessionEvents(sessionId: $s) { eventId } }`, { s: 'a\u0000' });
    await nul.until((_received, errors) => errors.length > 0);
    expect(nul.errors.flat()).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'sessionId' }) })]);
  });
});
