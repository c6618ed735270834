import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/db/postgres-server';
import { seedDemoDataIfEmpty } from '../../src/demo/seed';
import { startTestServer, TestServer } from '../support/test-server';

/** The reporting client (`npm run report`) against a running server with the demo data. */
const cli = path.join(repoRoot(), 'dist/src/reporting/client/report-cli.js');
const run = promisify(execFile);
let server: TestServer;
let reporterToken: string;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemoDataIfEmpty(server.orm);
  const reporter = await server.orm.em.getKnex()('app_user').where({ email: 'reporter@conclave.example' }).first('id');
  reporterToken = await server.tokenFor(reporter.id);
  dir = mkdtempSync(path.join(tmpdir(), 'conclave-report-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.stop();
});

test('prints the funnel and scoring tables of an intake and writes them as CSV', async () => {
  const { stdout } = await run(process.execPath, [cli, '--url', server.url, '--token', reporterToken, '--intake', '2021-02', '--csv', dir]);
  expect(stdout).toMatch(/Funnel — intake 2021-02/);
  expect(stdout).toMatch(/^program\s+registered\s+complete\s+scheduled\s+reviewed\s+decided/m);
  expect(stdout).toMatch(/^MSCS\s+\d+/m);
  expect(stdout).toMatch(/Scoring \(alpha: Krippendorff, ordinal\)/);
  expect(stdout).toMatch(/academic_record/);

  const funnel = readFileSync(path.join(dir, 'funnel.csv'), 'utf8').trim().split('\r\n');
  expect(funnel[0]).toBe('program,registered,complete,scheduled,reviewed,decided,admitted,final,admit_rate,scholarships,mean_scholarship');
  const column = (index: number) => funnel.slice(1).reduce((sum, line) => sum + Number(line.split(',')[index]), 0);
  const intakeDecisions = () =>
    server.orm.em.getKnex()('decision as d').join('applicant as a', 'a.id', 'd.applicant_id').join('intake as i', 'i.id', 'a.intake_id').where('i.code', '2021-02');
  const [{ n }] = await intakeDecisions().count({ n: '*' });
  expect(column(5)).toBe(Number(n));
  const [{ admitted }] = await intakeDecisions().whereIn('d.outcome', ['ADMIT', 'ADMIT_AS_TRANSFER']).count({ admitted: '*' });
  expect(column(6)).toBe(Number(admitted));
  // The demo's final admissions in that intake: amar-hodzic and vedran-saric (every condition met).
  expect(column(7)).toBe(2);
  expect(readFileSync(path.join(dir, 'scoring.csv'), 'utf8')).toMatch(/^program,criterion,scores,mean,median,std_dev,alpha\r\n/);
});

test('refuses an unknown intake and a bad token with a clear message', async () => {
  const unknown = await run(process.execPath, [cli, '--url', server.url, '--token', reporterToken, '--intake', '1999-01']).catch((e) => e);
  expect(unknown.code).toBe(1);
  // The intakes as the server lists them: newest first.
  expect(unknown.stderr).toMatch(/No intake 1999-01; known: 2021-10, 2021-02/);
  const denied = await run(process.execPath, [cli, '--url', server.url, '--token', 'nope']).catch((e) => e);
  expect(denied.stderr).toMatch(/UNAUTHENTICATED/);
});
