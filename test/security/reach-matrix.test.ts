import { randomBytes, scryptSync } from 'node:crypto';
import { getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { SignInMethod } from '../../src/auth/auth-session.entity';
import { accessTokenFor, openSession } from '../../src/auth/sessions';
import { createSchema } from '../../src/schema';
import { connect, logHead } from '../support/live-client';
import { GraphQLResponse, startTestServer, TEST_SECRET, TestServer } from '../support/test-server';
import { until } from '../support/until';
import { MUTATIONS, Outcome, Prepare, QUERIES, ReachRow, SUBSCRIPTIONS } from './reach-matrix';
import { buildReachScene, ReachScene, Role, ROLES } from './reach-scene';

/**
 * The reach matrix (reach-matrix.ts) run for real: every root field × every viewer, over HTTP
 * (subscriptions over WebSocket), each cell in a scene of its own so no cell's write decides
 * another's outcome. The seven cells of a field run at once.
 */

let server: TestServer;
let schema: GraphQLSchema;

beforeAll(async () => {
  [server, schema] = await Promise.all([startTestServer(), createSchema()]);
});
afterAll(() => server?.stop());

const KINDS = { query: QUERIES, mutation: MUTATIONS, subscription: SUBSCRIPTIONS } as const;

function rootFields(kind: keyof typeof KINDS): string[] {
  const type = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return Object.keys(type?.getFields() ?? {}).sort();
}

describe('the matrix covers the schema', () => {
  test.each(Object.keys(KINDS) as (keyof typeof KINDS)[])('every %s root field has a row, and every row a field', (kind) => {
    const fields = rootFields(kind);
    const rows = Object.keys(KINDS[kind]).sort();
    expect({ withoutRow: fields.filter((f) => !rows.includes(f)), withoutField: rows.filter((r) => !fields.includes(r)) }).toEqual({ withoutRow: [], withoutField: [] });
  });

  test.each(Object.entries({ ...QUERIES, ...MUTATIONS, ...SUBSCRIPTIONS }))("%s's document calls its own field", (field, row) => {
    const operation = getOperationAST(parse(row.document));
    const first = operation?.selectionSet.selections[0];
    expect(first?.kind === 'Field' ? first.name.value : null).toBe(field);
  });
});

/** An access token of a new sign-in of this user, never shared with another cell (cells sign out and change passwords). */
async function freshToken(userId: string): Promise<string> {
  const session = await openSession(server.orm.em.getKnex(), { userId, method: SignInMethod.CLI, hours: 1, userAgent: 'reach-matrix' });
  return (await accessTokenFor(TEST_SECRET, { userId, sessionId: session.sessionId }, 60)).token;
}

function tokenOf(scene: ReachScene, role: Role): Promise<string> | null {
  return role === 'unauthenticated' ? null : freshToken(scene.users[role].id);
}

/**
 * A stored password in passwords.ts's format with weak parameters, as a hash from before a cost
 * raise would be: checking it is cheap, and scrypt at full cost is what made these cells slow.
 */
function weakHash(password: string): string {
  const salt = randomBytes(16);
  const cost = { N: 2 ** 10, r: 8, p: 1 };
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), scryptSync(password.normalize('NFKC'), salt, 32, cost).toString('base64url')].join('$');
}

function preparer(scene: ReachScene, actor: Role): Prepare {
  const as: Prepare['as'] = async (role, query, variables) => {
    const response = await server.gql(query, variables, freshToken(scene.users[role].id));
    if (response.errors) throw new Error(`preparing as ${role}: ${JSON.stringify(response.errors)}`);
    return response.data;
  };
  return {
    scene,
    actor,
    as,
    async passwordFor(role, password) {
      if (role === 'unauthenticated') return;
      await server.orm.em.getKnex()('user_password').insert({ user_id: scene.users[role].id, hash: weakHash(password) });
    },
  };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every((item) => item === null);
  return typeof value === 'object' && (value as { totalCount?: number }).totalCount === 0;
}

function outcomeOf(field: string, response: GraphQLResponse): Outcome | string {
  const error = response.errors?.[0];
  if (error) return error.extensions?.code ?? `no code: ${error.message}`;
  return isEmpty(response.data?.[field]) ? 'empty' : 'ok';
}

/** Refusals by role or seat change nothing, so a row's refused cells may share one scene. */
const REFUSALS = new Set<Outcome>(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * The cells of a row. Subscriptions and every cell that may change something (an 'ok' write, a
 * refusal judged on the scene's state) get a scene of their own; the cells refused by role
 * share one, prepared once (as for the first of them). Queries change nothing: they all read
 * the file's one scene. Should a refused cell succeed after all, it fails by itself.
 */
async function scenes(field: string, row: ReachRow, kind: 'query' | 'mutation' | 'subscription') {
  const want = expected(row);
  const prepared = async (scene: ReachScene | Promise<ReachScene>, role: Role) => {
    const ready = await scene;
    return { scene: ready, extra: row.prepare ? await row.prepare(preparer(ready, role)) : {} };
  };
  let shared: ReturnType<typeof prepared> | undefined;
  const sharedAs = (role: Role) => (shared ??= prepared(kind === 'query' ? readScene() : buildReachScene(server.orm), role));
  return Promise.all(
    ROLES.map(async (role) => {
      const ownScene = kind === 'subscription' || (kind === 'mutation' && !REFUSALS.has(want[role]));
      const { scene, extra } = await (ownScene ? prepared(buildReachScene(server.orm), role) : sharedAs(role));
      return { role, scene, variables: { ...row.variables(scene, role), ...extra } };
    }),
  ).catch((error) => {
    throw new Error(`building ${field}'s scenes: ${error.message}`);
  });
}

let queryScene: Promise<ReachScene> | undefined;
const readScene = () => (queryScene ??= buildReachScene(server.orm));

function expected(row: ReachRow): Record<Role, Outcome> {
  return Object.fromEntries(ROLES.map((role, i) => [role, row.expect[i]])) as Record<Role, Outcome>;
}

async function httpCell(field: string, row: ReachRow, cell: { role: Role; scene: ReachScene; variables: Record<string, unknown> }) {
  const response = await server.gql(row.document, cell.variables, tokenOf(cell.scene, cell.role));
  expect(response.status).toBeLessThan(500);
  return [cell.role, outcomeOf(field, response)] as const;
}

describe.each([
  ['query', QUERIES],
  ['mutation', MUTATIONS],
] as const)('%s', (kind, rows) => {
  test.each(Object.entries(rows))('%s', async (field, row) => {
    const cells = await scenes(field, row, kind);
    const outcomes = Object.fromEntries(await Promise.all(cells.map((cell) => httpCell(field, row, cell))));
    expect(outcomes).toEqual(expected(row));
  });
});

/**
 * A subscription cell: the actor subscribes, a member of the committee subscribes the same way
 * as the witness, and the officer moves the session to B (E is up next). The actor's outcome is
 * its first result or error, or the socket's refusal; 'silent' means nothing had arrived once the
 * witness received its first result.
 */
async function subscriptionCell(row: ReachRow, cell: { role: Role; scene: ReachScene; variables: Record<string, unknown> }, expectSilence: boolean) {
  const { scene } = cell;
  const after = await logHead(server.orm.em.getKnex(), scene.dbIds.session);
  const variables = { after, ...cell.variables };
  const actor = connect(server.url, tokenOf(scene, cell.role));
  let closedWith: number | undefined;
  void actor.closed.then((event) => (closedWith = event.code));
  const witness = connect(server.url, freshToken(scene.users.member.id));
  try {
    const subject = actor.subscribe(row.document, variables);
    const seen = witness.subscribe(row.document, variables);
    const moved = await server.gql('mutation($s: ID!, $a: ID!) { setCurrentApplicant(sessionId: $s, applicantId: $a) { id } }', { s: scene.ids.session, a: scene.ids.b }, freshToken(scene.users.officer.id));
    expect(moved.errors).toBeUndefined();
    await seen.waitFor(1, 10_000);
    const arrived = () => subject.received.length > 0 || subject.errors.length > 0 || closedWith !== undefined;
    if (!expectSilence) await until(arrived, `${cell.role}'s first result, error or refusal`, 10_000);
    let outcome: Outcome | string;
    if (closedWith !== undefined) outcome = closedWith === 4403 ? 'UNAUTHENTICATED' : `closed ${closedWith}`;
    else if (subject.errors.length > 0) outcome = ((subject.errors[0] as any)?.extensions?.code as string) ?? `no code: ${JSON.stringify(subject.errors[0])}`;
    else if (subject.received.length > 0) outcome = isEmpty(Object.values(subject.received[0] as object)[0]) ? 'empty' : 'ok';
    else outcome = 'silent';
    return [cell.role, outcome] as const;
  } finally {
    await Promise.all([actor.dispose(), witness.dispose()]);
  }
}

describe('subscription', () => {
  test.each(Object.entries(SUBSCRIPTIONS))('%s', async (field, row) => {
    const cells = await scenes(field, row, 'subscription');
    const want = expected(row);
    const outcomes = Object.fromEntries(await Promise.all(cells.map((cell) => subscriptionCell(row, cell, want[cell.role] === 'silent'))));
    expect(outcomes).toEqual(want);
  });
});
