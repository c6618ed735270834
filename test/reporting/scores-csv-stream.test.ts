import { AuditKind } from '../../src/audit/audit-event.entity';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { streamScoresCsv } from '../../src/reporting/export.queries';
import { ReportScope } from '../../src/reporting/report-scope';
import { buildVote, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * GET /reports/scores.csv streams the scores export from a server-side cursor. It must be the
 * very CSV the `scoresCsv` query builds in memory, be refused like the query is, and be in the
 * audit trail before it leaves.
 */
let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  const criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const voters = [world.chair, ...world.members];
  for (const applicant of world.onAgenda) for (const [i, member] of voters.entries()) buildVote(world.em, { session: world.session, applicant, member }, criteria, criteria.map((_, c) => 1 + ((i + c) % 5)));
  await world.em.flush();
});
afterAll(() => server.stop());

const intakeFilter = () => ({ intakeId: world.gid('Intake', world.intake.id) });

async function download(token: string | null, query: Record<string, string> = intakeFilter()) {
  const url = new URL(server.url.replace(/\/graphql$/, '/reports/scores.csv'));
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
}

test("an officer's download is the scoresCsv query's CSV, streamed, and the audit trail names every applicant in it", async () => {
  const token = await server.tokenFor(world.officer.id);
  const expected = (await server.gql('query($f: ReportFilter) { scoresCsv(filter: $f) }', { f: intakeFilter() }, token)).data.scoresCsv as string;
  const lines = expected.trim().split('\r\n');
  expect(lines.length).toBe(1 + world.onAgenda.length * 4 * 3);

  const answer = await download(token);
  expect(answer).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="scores.csv"' });
  expect(answer.text).toBe(expected);

  const reads = await server.orm.em.getKnex()('audit_event').where({ kind: AuditKind.READ, action: 'scoresCsv', actor_id: world.officer.id }).select('applicant_ids');
  expect(reads.length).toBeGreaterThanOrEqual(2);
  for (const read of reads) expect([...read.applicant_ids].sort()).toEqual(world.onAgenda.map((a) => a.id).sort());
});

test('the stream holds one batch at a time: written in pieces of the batch size, together the whole CSV', async () => {
  const scope: ReportScope = { kind: 'officer', userId: world.officer.id, conflicted: [], minVotes: 1, filter: { intakeId: world.intake.id } };
  const chunks: string[] = [];
  let named: string[] = [];
  const rows = await streamScoresCsv(server.orm.em.getKnex(), scope, async (ids) => void (named = ids), async (chunk) => void chunks.push(chunk), 5);
  expect(rows).toBe(world.onAgenda.length * 4 * 3);
  expect(chunks).toHaveLength(1 + Math.ceil(rows / 5));
  expect(chunks.slice(1).map((chunk) => chunk.split('\r\n').length - 1)).toEqual([...Array(Math.floor(rows / 5)).fill(5), ...(rows % 5 ? [rows % 5] : [])]);
  expect(named.sort()).toEqual(world.onAgenda.map((a) => a.id).sort());
  const token = await server.tokenFor(world.officer.id);
  expect(chunks.join('')).toBe((await download(token)).text);
});

test('refused as the query is: no token 401, a reporter or member 403, a bad filter 400 or 404 with its field — in GraphQL’s error shape', async () => {
  const errorOf = (answer: { text: string }) => JSON.parse(answer.text).errors[0].extensions;
  expect(await download(null)).toMatchObject({ status: 401 });
  expect(errorOf(await download(null))).toMatchObject({ code: 'UNAUTHENTICATED' });
  expect(errorOf(await download('forged.token.here'))).toMatchObject({ code: 'UNAUTHENTICATED' });
  for (const viewer of [world.reporter, world.members[0]]) {
    const answer = await download(await server.tokenFor(viewer.id));
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({ code: 'FORBIDDEN' });
  }
  const officer = await server.tokenFor(world.officer.id);
  const refusals = [
    [{ from: '2021-13-40' }, 400, { code: 'BAD_USER_INPUT', field: 'filter.from' }],
    [{ from: '2022-01-01', to: '2021-01-01' }, 400, { code: 'BAD_USER_INPUT', field: 'filter.from' }],
    [{ intake: 'x' }, 400, { code: 'BAD_USER_INPUT', field: 'intake' }],
    [{ intakeId: world.gid('Program', world.program.id) }, 404, { code: 'NOT_FOUND', field: 'filter.intakeId' }],
    [{ programId: 'not-an-id\u0000' }, 400, { code: 'BAD_USER_INPUT', field: 'filter.programId' }],
  ] as const;
  for (const [query, status, extensions] of refusals) {
    const answer = await download(officer, query as Record<string, string>);
    expect([answer.status, errorOf(answer)]).toEqual([status, expect.objectContaining(extensions)]);
  }
});
