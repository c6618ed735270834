import { locatedError } from 'graphql';
import { badInput } from '../../src/common/errors';
import { formatError } from '../../src/server';
import { startTestServer, TestServer } from '../support/test-server';

/** Malformed requests get GraphQL-shaped errors with a code, never an HTML page or a stack trace. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function post(body: string, accept = '*/*') {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

test('a body that is not JSON is a 400 with code BAD_REQUEST', async () => {
  const { status, text } = await post('garbage');
  expect(status).toBe(400);
  expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  expect(text).not.toMatch(/at |node_modules/);
});

test('a body over 1 MB is refused with 413', async () => {
  const { status, text } = await post(JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(1_100_000) }));
  expect(status).toBe(413);
  expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
});

test('an invalid query is a validation error: 400 in application/graphql-response+json, 200 in legacy application/json', async () => {
  const modern = await post(JSON.stringify({ query: '{ nope }' }), 'application/graphql-response+json');
  expect(modern.status).toBe(400);
  expect(modern.type).toMatch(/^application\/graphql-response\+json/);
  expect(JSON.parse(modern.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  // The GraphQL-over-HTTP spec: a well-formed request answered in application/json is a 200, errors in the body.
  for (const accept of ['application/json', '*/*']) {
    const legacy = await post(JSON.stringify({ query: '{ nope }' }), accept);
    expect(legacy.status).toBe(200);
    expect(legacy.type).toMatch(/^application\/json/);
    expect(JSON.parse(legacy.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  }
  // A body that is not a GraphQL request at all stays a 400.
  expect((await post(JSON.stringify({ nothing: true }), 'application/json')).status).toBe(400);
});

test('an unexpected failure reaches the client masked, with a reference that is in the log', () => {
  const logged: unknown[][] = [];
  const logger = { info: () => {}, debug: () => {}, error: (...args: unknown[]) => void logged.push(args), child: () => logger };
  const format = formatError(logger);
  const internal = new Error('connection to 10.0.0.3 refused; password=hunter2');
  const result = format({ message: internal.message, path: ['applicants'] }, locatedError(internal, undefined, ['applicants']));
  expect(result.message).toMatch(/^Internal server error \(reference [a-z0-9]+\)\.$/);
  expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
  expect(JSON.stringify(result)).not.toMatch(/hunter2|10\.0\.0\.3/);
  // graphql-js wraps resolver errors with their path, as here; Apollo unwraps them before formatting.
  expect(String(logged[0][0])).toContain(String(result.extensions!.errorId));

  const refusal = format({ message: 'x' }, locatedError(badInput('email', 'Not an email.'), undefined, ['createApplicant']));
  expect(refusal).toMatchObject({ message: 'Not an email.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
});
