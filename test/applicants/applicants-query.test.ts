import { ReferenceStatus } from '../../src/references/reference.entity';
import { AdmissionRoute } from '../../src/applicants/applicant.enums';
import { GradeScale } from '../../src/applicants/applicant.enums';
import { buildApplicant, buildReference, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

const PAGE = `
  query Page($first: Int, $after: String, $filter: ApplicantFilter, $orderBy: ApplicantOrder) {
    applicants(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id lastName ects route status } }
    }
  }`;

let server: TestServer;
let world: World;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  officer = await server.tokenFor(world.officer.id);
  const { em, program, intake } = world;
  // Routes at the ECTS boundaries, both grade scales.
  buildApplicant(em, { program, intake }, { lastName: 'Transfer', ects: 179 });
  buildApplicant(em, { program, intake }, { lastName: 'Conditional', ects: 180, gradeScale: GradeScale.HUNDRED_POINT, gradeValue: 70 });
  buildApplicant(em, { program, intake }, { lastName: 'Regular', ects: 240, firstName: 'Zeynep' });
  const complete = buildApplicant(em, { program: world.otherProgram, intake }, { lastName: 'Complete' });
  buildReference(em, complete);
  buildReference(em, complete);
  buildReference(em, complete, { status: ReferenceStatus.REQUESTED });
  await em.flush();
});

afterAll(() => server.stop());

const names = (response: any) => response.data.applicants.edges.map((e: any) => e.node.lastName);

test('pages through every applicant with cursors, totalCount and pageInfo', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const response: any = await server.gql(PAGE, { first: 3, after }, officer);
    expect(response.errors).toBeUndefined();
    const connection = response.data.applicants;
    expect(connection.totalCount).toBe(8);
    expect(connection.pageInfo.hasPreviousPage).toBe(pages > 0);
    seen.push(...names(response));
    pages++;
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  expect(pages).toBe(3);
  expect(new Set(seen).size).toBe(8);
  expect(seen).toEqual([...seen].sort());
});

test('a page past the end is empty but still counts', async () => {
  const first = await server.gql(PAGE, { first: 8 }, officer);
  const beyond = await server.gql(PAGE, { first: 5, after: first.data.applicants.pageInfo.endCursor }, officer);
  expect(beyond.data.applicants).toMatchObject({ totalCount: 8, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
});

test('filters by route, program, text search and status, and orders', async () => {
  const transfer = await server.gql(PAGE, { filter: { route: AdmissionRoute.TRANSFER } }, officer);
  expect(names(transfer)).toEqual(['Transfer']);
  const conditional = await server.gql(PAGE, { filter: { route: 'CONDITIONAL' } }, officer);
  expect(names(conditional)).toEqual(['Conditional']);

  const other = await server.gql(PAGE, { filter: { programId: world.gid('Program', world.otherProgram.id) } }, officer);
  expect(names(other)).toEqual(['Complete']);

  const search = await server.gql(PAGE, { filter: { search: 'zeyn' } }, officer);
  expect(names(search)).toEqual(['Regular']);
  const searchFull = await server.gql(PAGE, { filter: { search: 'Zeynep reg' } }, officer);
  expect(names(searchFull)).toEqual(['Regular']);
  const noWildcards = await server.gql(PAGE, { filter: { search: '%' } }, officer);
  expect(noWildcards.data.applicants.totalCount).toBe(0);

  const complete = await server.gql(PAGE, { filter: { status: 'COMPLETE' } }, officer);
  expect(names(complete)).toEqual(['Complete']);
  const scheduled = await server.gql(PAGE, { filter: { status: 'SCHEDULED' } }, officer);
  expect(scheduled.data.applicants.totalCount).toBe(3);

  const byEcts = await server.gql(PAGE, { orderBy: { field: 'ECTS', direction: 'ASC' }, first: 2 }, officer);
  expect(byEcts.data.applicants.edges.map((e: any) => e.node.ects)).toEqual([179, 180]);
  const desc = await server.gql(PAGE, { orderBy: { field: 'LAST_NAME', direction: 'DESC' }, first: 1 }, officer);
  expect(names(desc)).toEqual(['Transfer']);
});

test('filters by review week and by decision outcome', async () => {
  const week = await server.gql(PAGE, { filter: { reviewWeekId: world.gid('ReviewWeek', world.weeks[0].id) } }, officer);
  expect(week.data.applicants.totalCount).toBe(3);
  const otherWeek = await server.gql(PAGE, { filter: { reviewWeekId: world.gid('ReviewWeek', world.weeks[1].id) } }, officer);
  expect(otherWeek.data.applicants.totalCount).toBe(0);
  const decided = await server.gql(PAGE, { filter: { decision: 'ADMIT' } }, officer);
  expect(decided.data.applicants.totalCount).toBe(0);
});

test('refuses bad paging arguments and foreign IDs with the field at fault', async () => {
  const tooMany = await server.gql(PAGE, { first: 1000 }, officer);
  expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  const badCursor = await server.gql(PAGE, { after: 'nonsense' }, officer);
  expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  const wrongType = await server.gql(PAGE, { filter: { programId: world.gid('Intake', world.intake.id) } }, officer);
  expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.programId' });
});

test('node(id:) fetches any object again by its global ID', async () => {
  const id = world.gid('Applicant', world.onAgenda[0].id);
  const response = await server.gql(
    `query($id: ID!) { node(id: $id) { id ... on Applicant { lastName program { code } } } }`,
    { id },
    officer,
  );
  expect(response.data.node).toEqual({ id, lastName: world.onAgenda[0].lastName, program: { code: world.program.code } });
  const week = await server.gql(`query($id: ID!) { node(id: $id) { ... on ReviewWeek { label visaFreeOnly } } }`, { id: world.gid('ReviewWeek', world.weeks[3].id) }, officer);
  expect(week.data.node).toEqual({ label: 'week 4', visaFreeOnly: true });
  const missing = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: world.gid('Applicant', '00000000-0000-4000-8000-000000000000') }, officer);
  expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const garbage = await server.gql(`query { node(id: "not-an-id") { id } }`, {}, officer);
  expect(garbage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
});
