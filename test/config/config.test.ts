import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigError, loadConfig, VARIABLES } from '../../src/config';
import { repoRoot } from '../../src/db/postgres-server';
import { MAIN } from '../support/child-server';
import { createTestDatabase } from '../support/database';

const run = promisify(execFile);

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig('/srv', env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

test('defaults apply when nothing is set, and empty means unset', () => {
  const config = loadConfig('/srv', { PORT: '', LOG_LEVEL: '' });
  expect(config).toMatchObject({ port: 4000, host: '0.0.0.0', databaseUrl: undefined, dataDir: '/srv/.data', embeddedPort: 54329, seedDemoData: true, logLevel: 'info', liveDelivery: 'shared' });
});

test('values are typed and ranged, and every mistake is reported at once, one line each', () => {
  expect(loadConfig('/srv', { PORT: '0', SEED_DEMO_DATA: 'no', DATABASE_URL: 'postgresql://u@db:5432/x' })).toMatchObject({ port: 0, seedDemoData: false, databaseUrl: 'postgresql://u@db:5432/x' });
  expect(problems({ PORT: '99999', LOG_LEVEL: 'loud', SEED_DEMO_DATA: 'maybe', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', EMBEDDED_PG_PORT: '0' })).toEqual([
    'PORT must be an integer from 0 to 65535, got "99999"',
    'DATABASE_URL must be a postgres:// or postgresql:// URL, got "mysql://x"',
    'EMBEDDED_PG_PORT must be an integer from 1 to 65535, got "0"',
    'JWT_SECRET must be at least 32 characters, got "short"',
    'SEED_DEMO_DATA must be true or false (also 1/0, yes/no), got "maybe"',
    'LOG_LEVEL must be silent, error, info or debug, got "loud"',
  ]);
  expect(problems({ PORT: '4000.5' })).toEqual(['PORT must be an integer from 0 to 65535, got "4000.5"']);
});

test('operations settings: workers default to the core count, and each is checked', () => {
  expect(loadConfig('/srv', {})).toMatchObject({ workers: availableParallelism(), poolMax: 10, logFormat: 'auto', trustedDocuments: 'off', metricsToken: undefined });
  expect(loadConfig('/srv', { WORKERS: '1', TRUSTED_DOCUMENTS: 'require', LOG_FORMAT: 'json', METRICS_TOKEN: 't'.repeat(16) })).toMatchObject({ workers: 1, trustedDocuments: 'require', logFormat: 'json', metricsToken: 't'.repeat(16) });
  expect(problems({ WORKERS: '0', DATABASE_POOL_MAX: 'many', METRICS_TOKEN: 'short', TRUSTED_DOCUMENTS: 'maybe', LOG_FORMAT: 'xml' })).toEqual([
    'LOG_FORMAT must be auto, json or pretty, got "xml"',
    'METRICS_TOKEN must be at least 16 characters, got "short"',
    'WORKERS must be an integer from 1 to 256, got "0"',
    'DATABASE_POOL_MAX must be an integer from 1 to 1000, got "many"',
    'TRUSTED_DOCUMENTS must be off or require, got "maybe"',
  ]);
});

test('the query cost budget defaults to 250,000 per 10 s, may be off, and must pay for the costliest document the limits accept', () => {
  expect(loadConfig('/srv', {}).abuse.queryCost).toEqual({ points: 250_000, seconds: 10 });
  expect(loadConfig('/srv', { RATE_LIMIT_QUERY_COST: '0' }).abuse.queryCost.points).toBe(0);
  expect(problems({ RATE_LIMIT_QUERY_COST: '40000' })).toEqual(['RATE_LIMIT_QUERY_COST must be 0 or at least QUERY_MAX_COST (50000), got 40000']);
  expect(loadConfig('/srv', { RATE_LIMIT_QUERY_COST: '40000', QUERY_MAX_COST: '30000' }).abuse.queryCost.points).toBe(40_000);
});

test('sign-in settings: OpenID Connect needs a client id and https (http only on this machine); demo sign-in follows the database when auto', () => {
  expect(loadConfig('/srv', {}).auth).toEqual({ publicUrl: undefined, accessTokenMinutes: 15, sessionHours: 12, passwordSignIn: true, demoSignIn: true, oidc: null });
  expect(loadConfig('/srv', { DATABASE_URL: 'postgres://db/x' }).auth.demoSignIn).toBe(false);
  expect(loadConfig('/srv', { DATABASE_URL: 'postgres://db/x', DEMO_SIGN_IN: 'true' }).auth.demoSignIn).toBe(true);
  expect(loadConfig('/srv', { PUBLIC_URL: 'https://admissions.uni.example/' }).auth.publicUrl).toBe('https://admissions.uni.example');
  const oidc = loadConfig('/srv', { OIDC_ISSUER: 'https://login.uni.example/realms/staff', OIDC_CLIENT_ID: 'conclave', OIDC_AUDIENCE: 'conclave, https://api.uni.example' }).auth.oidc;
  expect(oidc).toEqual({ issuer: 'https://login.uni.example/realms/staff', clientId: 'conclave', clientSecret: undefined, audiences: ['conclave', 'https://api.uni.example'], scopes: 'openid email profile' });
  expect(loadConfig('/srv', { OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'c' }).auth.oidc?.audiences).toEqual(['c']);
  expect(problems({ OIDC_ISSUER: 'https://login.uni.example' })).toEqual(['OIDC_CLIENT_ID must be set when OIDC_ISSUER is']);
  expect(problems({ OIDC_ISSUER: 'http://login.uni.example', OIDC_CLIENT_ID: 'c' })).toEqual(['OIDC_ISSUER must be an https:// URL (http:// only on this machine), got "http://login.uni.example"']);
  expect(problems({ ACCESS_TOKEN_MINUTES: '0', DEMO_SIGN_IN: 'maybe', RETENTION_SWEEP_HOURS: '1000' })).toEqual([
    'ACCESS_TOKEN_MINUTES must be an integer from 1 to 1440, got "0"',
    'DEMO_SIGN_IN must be auto, true or false, got "maybe"',
    'RETENTION_SWEEP_HOURS must be an integer from 0 to 168, got "1000"',
  ]);
});

test("the README's configuration table lists exactly the variables the schema reads", () => {
  const readme = readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
  const table = readme.split('## Configuration')[1].split('\n## ')[0];
  const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
  expect(documented.sort()).toEqual(Object.keys(VARIABLES).sort());
});

describe('the server process', () => {
  const start = (env: NodeJS.ProcessEnv) =>
    run(process.execPath, [MAIN], { env: { ...process.env, HOST: '127.0.0.1', ...env }, cwd: repoRoot(), timeout: 60_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );

  test('an invalid variable stops start-up with one line per problem and no stack trace', async () => {
    const { code, stderr } = await start({ PORT: '99999', LOG_LEVEL: 'loud' });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(['Invalid configuration:', '  PORT must be an integer from 0 to 65535, got "99999"', '  LOG_LEVEL must be silent, error, info or debug, got "loud"']);
  });

  // With several workers the port is taken in each of them: the primary still says it once.
  test.each(['1', '2'])('a port in use is said plainly, once (WORKERS=%s)', async (workers) => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      // Its own database (a migrated clone): start-up migrates DATABASE_URL, and the server's admin database is shared.
      const { code, stderr } = await start({ WORKERS: workers, PORT: String(port), DATABASE_URL: await createTestDatabase(), SEED_DEMO_DATA: 'false', JWT_SECRET: 'x'.repeat(32) });
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(`Port ${port} on 127.0.0.1 is already in use: stop the other server or set PORT.`);
    } finally {
      taken.close();
    }
  }, 60_000);
});
