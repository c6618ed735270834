import { buildWorld } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * STATEMENT_TIMEOUT_MS: every pooled connection carries it, PostgreSQL cancels a statement that
 * runs longer, and the client is told QUERY_TIMEOUT, never INTERNAL_SERVER_ERROR.
 */
let server: TestServer;

afterAll(() => server?.stop());

const REPORTS = 'query { scoringReport(by: SESSION) { votes alpha criteria { count mean } } calibrationReport { applicants { rawMean } reviewers { meanScore } } funnelReport { registered decided } }';

interface PooledConnection {
  query(sql: string, done: (error?: Error) => void): void;
}

test('the pool connections carry the configured statement_timeout', async () => {
  server = await startTestServer({ statementTimeoutMs: 4321 });
  const rows = await server.orm.em.getKnex().raw('show statement_timeout');
  expect(rows.rows[0].statement_timeout).toBe('4321ms');
});

test('a real report cut short by the timeout is answered QUERY_TIMEOUT', async () => {
  const world = await buildWorld(server.orm);
  const token = await server.tokenFor(world.officer.id);
  expect((await server.gql(REPORTS, {}, token)).errors).toBeUndefined();

  // 1 ms on every connection of the pool (a server started with 1 ms could not even start).
  const client = server.orm.em.getKnex().client as { acquireConnection(): Promise<PooledConnection>; releaseConnection(c: PooledConnection): Promise<void> };
  const connections = await Promise.all(Array.from({ length: 5 }, () => client.acquireConnection()));
  for (const connection of connections) await new Promise<void>((resolve, reject) => connection.query('SET statement_timeout = 1', (error) => (error ? reject(error) : resolve())));
  await Promise.all(connections.map((connection) => client.releaseConnection(connection)));

  const codes: string[] = [];
  // Which statement 1 ms cuts short depends on the machine: up to 20 tries.
  for (let attempt = 0; attempt < 20 && !codes.includes('QUERY_TIMEOUT'); attempt++) {
    const response = await server.gql(REPORTS, {}, token);
    // 503 when the statement was signing the request in (before execution), else 200 with the error.
    expect([200, 503]).toContain(response.status);
    for (const error of response.errors ?? []) codes.push(String(error.extensions?.code));
  }
  expect(codes).toContain('QUERY_TIMEOUT');
  expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
});
