import { GraphQLInterfaceType } from 'graphql';
import { NODE_FETCHERS } from '../../src/common/node.resolver';
import { NodeType, toGlobalId } from '../../src/common/global-id';
import { seedDemoDataIfEmpty } from '../../src/demo/seed';
import { createSchema } from '../../src/schema';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * `node(id:)` resolves every type that implements Node: the test walks the schema's Node
 * implementations, so a new Node type without a fetcher (or without a table here to fetch a row
 * of) fails it.
 */
let server: TestServer;
let officer: string;

/** Where one row of each Node type lives (a new Node type must be added here, which is the point). */
const TABLES: Record<NodeType, string> = {
  Program: 'program',
  RubricCriterion: 'rubric_criterion',
  Intake: 'intake',
  ReviewWeek: 'review_week',
  Applicant: 'applicant',
  Document: 'applicant_document',
  Reference: 'reference_letter',
  Portfolio: 'portfolio',
  PortfolioItem: 'portfolio_item',
  Committee: 'committee',
  CommitteeMember: 'committee_member',
  User: 'app_user',
  ReviewSession: 'review_session',
  AgendaItem: 'agenda_item',
  Vote: 'vote',
  Comment: 'session_comment',
  Decision: 'decision',
  DecisionCondition: 'decision_condition',
};

beforeAll(async () => {
  server = await startTestServer();
  await seedDemoDataIfEmpty(server.orm);
  officer = await server.tokenFor((await server.orm.em.getKnex()('app_user').where({ email: 'officer@conclave.example' }).first('id')).id);
});
afterAll(() => server.stop());

async function nodeTypes(): Promise<string[]> {
  const schema = await createSchema();
  return schema.getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType).map((type) => type.name).sort();
}

test('every type implementing Node has a fetcher, and nothing else has one', async () => {
  expect(Object.keys(NODE_FETCHERS).sort()).toEqual(await nodeTypes());
});

test('node(id:) fetches a stored object of every Node type again, as that type', async () => {
  const knex = server.orm.em.getKnex();
  for (const type of await nodeTypes()) {
    const table = TABLES[type as NodeType];
    expect({ type, table }).toEqual({ type, table: expect.any(String) });
    const row = await knex(table).first('id');
    expect({ type, row }).toEqual({ type, row: { id: expect.any(String) } });
    const id = toGlobalId(type as NodeType, row.id);
    const response = await server.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id }, officer);
    expect({ type, answer: response.data?.node, errors: response.errors }).toEqual({ type, answer: { __typename: type, id }, errors: undefined });
  }
});

test('a comment is fetched with the rules of the discussion: a private note reaches its author only', async () => {
  const knex = server.orm.em.getKnex();
  const note = await knex('session_comment as c').join('app_user as u', 'u.id', 'c.author_id').where('c.visibility', 'PRIVATE').first('c.id', 'c.author_id');
  const other = await knex('committee_member as cm')
    .join('review_session as s', 's.committee_id', 'cm.committee_id')
    .join('session_comment as c', 'c.session_id', 's.id')
    .where('c.id', note.id)
    .whereNot('cm.user_id', note.author_id)
    .first('cm.user_id');
  const ask = (userId: string) => server.gql(`query($id: ID!) { node(id: $id) { ... on Comment { body } } }`, { id: toGlobalId('Comment', note.id) }, server.tokenFor(userId));
  expect((await ask(note.author_id)).data.node.body).toMatch(/distributed systems/);
  expect((await ask(other.user_id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('nodes(ids:) answers each id as node(id:) would: a refused item is null with its own FORBIDDEN at its path, a missing one null', async () => {
  const knex = server.orm.em.getKnex();
  const note = await knex('session_comment').where('visibility', 'PRIVATE').first('id', 'author_id');
  const program = await knex('program').first('id');
  const ids = [toGlobalId('Program', program.id), toGlobalId('Comment', note.id), toGlobalId('Program', '00000000-0000-4000-8000-000000000000')];
  const reporter = await knex('app_user').where({ role: 'REPORTER' }).first('id');
  const response = await server.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, server.tokenFor(reporter.id));
  expect(response.data.nodes).toEqual([{ id: ids[0] }, null, null]);
  expect(response.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['nodes', 1], 'FORBIDDEN']]);
});
