import { auditServer } from 'graphql-http';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The GraphQL-over-HTTP spec's audit suite (graphql-http's `auditServer`), run against the real
 * server as front-end tooling would meet it: every MUST and every SHOULD. Plain Apollo Server
 * passes 20 of the 23 SHOULDs; PostGraphile 21.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

test('passes every MUST and all 23 SHOULD audits of the GraphQL-over-HTTP spec', async () => {
  const results = await auditServer({ url: server.url });
  const level = (name: string) => results.filter((result) => result.name.startsWith(`${name} `));
  const failures = (name: string) => level(name).filter((result) => result.status !== 'ok').map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
  expect(failures('MUST')).toEqual([]);
  expect(failures('SHOULD')).toEqual([]);
  expect(level('MUST').length).toBeGreaterThanOrEqual(13);
  expect(level('SHOULD')).toHaveLength(23);
});
