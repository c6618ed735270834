import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import path from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { createLiveClient } from '../../client/live';
import { ReviewSessionsDocument, SessionEventsDocument, ViewerDocument } from '../../client/generated/graphql';
import { repoRoot } from '../../src/db/postgres-server';
import { CLIENT_MANIFESTS, TrustedDocuments } from '../../src/server/trusted-documents';
import { buildWorld, World } from '../support/factories';
import { connect, LiveConnection } from '../support/live-client';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * Trusted documents: the known clients' operations, by persisted id (sha256), in both modes, over
 * HTTP and WebSocket. With TRUSTED_DOCUMENTS=require only those run, except for officers.
 */
const root = repoRoot();
const hashOf = (document: object) => (document as { __meta__: { hash: string } }).__meta__.hash;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const run = promisify(execFile);

let open: TestServer;
let strict: TestServer;
let world: World;
const connections: LiveConnection[] = [];

beforeAll(async () => {
  open = await startTestServer({ trustedDocuments: TrustedDocuments.load(root, 'off') });
  world = await buildWorld(open.orm);
  strict = await startTestServer({ databaseUrl: open.databaseUrl, trustedDocuments: TrustedDocuments.load(root, 'require') });
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.dispose().catch(() => {})));
  await strict.stop();
  await open.stop();
});

const token = (server: TestServer, user: { id: string }) => server.tokenFor(user.id);

async function post(server: TestServer, body: object, user: { id: string } | null) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${await token(server, user)}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as any) };
}


async function subscriptions(server: TestServer): Promise<number> {
  const text = await (await fetch(`${new URL(server.url).origin}/metrics`)).text();
  return Number(/^conclave_live_subscriptions (\d+)/m.exec(text)?.[1]);
}

/** The chair comments for the committee: an event every member's subscription receives. */
async function comment(body: string) {
  const response = await post(
    open,
    { query: 'mutation($s: ID!, $a: ID!, $b: String!) { postComment(sessionId: $s, applicantId: $a, body: $b) { id } }', variables: { s: world.gid('ReviewSession', world.session.id), a: world.gid('Applicant', world.onAgenda[0].id), b: body } },
    world.chair,
  );
  expect(response.errors).toBeUndefined();
}

const byId = (document: object, variables: object = {}) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document) } }, variables });

test('the manifests hold every operation of the known clients, keyed by the sha256 of the text they hold', () => {
  const documents = new Map<string, string>();
  for (const file of CLIENT_MANIFESTS) for (const [hash, text] of Object.entries(JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, string>)) documents.set(hash, text);
  for (const [hash, text] of documents) expect(sha256(text)).toBe(hash);
  for (const document of [ViewerDocument, SessionEventsDocument, ReviewSessionsDocument]) expect(documents.has(hashOf(document))).toBe(true);
  expect(TrustedDocuments.load(root, 'require').size).toBe(documents.size);
  // One per operation written in the clients' .graphql files.
  const sources = [
    ...readdirSync(path.join(root, 'client/operations')).map((f) => `client/operations/${f}`),
    'src/reporting/client/report.graphql',
    ...readdirSync(path.join(root, 'web/src/operations')).map((f) => `web/src/operations/${f}`),
  ];
  const operations = sources.flatMap((file) => parse(readFileSync(path.join(root, file), 'utf8')).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION));
  expect(documents.size).toBe(operations.length);
});

describe.each([
  ['off', () => open],
  ['require', () => strict],
])('TRUSTED_DOCUMENTS=%s', (mode, server) => {
  test('a known client runs its operations by persisted id: the APQ extension, or documentId in a POST or a GET', async () => {
    const member = world.members[0];
    expect((await post(server(), byId(ViewerDocument), member)).data.me.id).toBe(world.gid('User', member.id));
    const documentId = await post(server(), { documentId: `sha256:${hashOf(ViewerDocument)}` }, member);
    expect(documentId.data.me.name).toBe('Member 1');
    const get = await fetch(`${server().url}?documentId=sha256:${hashOf(ViewerDocument)}`, { headers: { authorization: `Bearer ${await token(server(), member)}`, 'apollo-require-preflight': 'true' } });
    expect(((await get.json()) as any).data.me.name).toBe('Member 1');
  });

  test('an unknown id is PERSISTED_QUERY_NOT_FOUND; a known id cannot carry another text', async () => {
    const unknown = await post(server(), { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, world.members[0]);
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const smuggled = await post(server(), { query: '{ users { nodes { email } } }', ...byId(ViewerDocument) }, world.members[0]);
    expect(smuggled.status).toBe(400);
    expect(smuggled.data).toBeUndefined();
    expect(smuggled.errors[0].extensions.code).toBe(mode === 'off' ? 'BAD_REQUEST' : 'PERSISTED_QUERY_NOT_IN_LIST');
  });

  test('an ad-hoc document from a member: run with off, refused with require (nothing executed)', async () => {
    const adHoc = await post(server(), { query: '{ me { name } }' }, world.members[1]);
    if (mode === 'off') {
      expect(adHoc.data.me.name).toBe('Member 2');
    } else {
      expect(adHoc.status).toBe(400);
      expect(adHoc.data).toBeUndefined();
      expect(adHoc.errors).toEqual([{ message: expect.stringMatching(/known clients/), extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }]);
      // Registering it the APQ way (text with its own hash) is refused the same way.
      const register = await post(server(), { query: '{ me { name } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { name } }') } } }, world.members[1]);
      expect(register.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      // A manifest's exact text is one of the known documents, sent in full.
      const manifest = JSON.parse(readFileSync(path.join(root, CLIENT_MANIFESTS[0]), 'utf8'));
      expect((await post(server(), { query: manifest[hashOf(ViewerDocument)] }, world.members[1])).data.me.name).toBe('Member 2');
    }
  });

  test("officers' tools may send any document", async () => {
    expect((await post(server(), { query: '{ users { nodes { name } } }' }, world.officer)).data.users.nodes.length).toBeGreaterThan(3);
  });

  test('over WebSocket: by persisted id (the live helper), and ad-hoc as the mode allows', async () => {
    const sessionId = world.gid('ReviewSession', world.session.id);
    const live = createLiveClient(server().url.replace(/^http/, 'ws'), { webSocketImpl: WebSocket, connectionParams: async () => ({ authorization: `Bearer ${await token(server(), world.members[2])}` }), retryAttempts: 0 });
    const events: any[] = [];
    live.subscribe(SessionEventsDocument, { sessionId }, { next: (result) => events.push(result), error: (error) => events.push({ error }) });
    await until(async () => (await subscriptions(server())) === 1, 'the subscription by id');
    await comment(`by id, ${mode}`);
    // Other events (presence) may come first: the comment is the one asked for.
    await until(() => events.some((e) => e.data?.sessionEvents.comment?.body === `by id, ${mode}`) || events.some((e) => e.error), 'the comment');
    expect(events.filter((e) => e.error)).toEqual([]);
    await live.dispose();
    await until(async () => (await subscriptions(server())) === 0, 'the end of the subscription');

    const plain = connect(server().url, token(server(), world.members[2]));
    connections.push(plain);
    const unknownId = plain.client.iterate({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    await expect(unknownId.next()).rejects.toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) })]);
    const adHoc = plain.subscribe(`subscription($s: ID!) { sessionEvents(sessionId: $s) { type } }`, { s: sessionId });
    if (mode === 'off') {
      await until(async () => (await subscriptions(server())) === 1, 'the ad-hoc subscription');
      await comment('ad hoc');
      await until(() => adHoc.received.some((e) => e.sessionEvents.type === 'COMMENT_POSTED'), 'the comment, ad hoc');
    } else {
      await until(() => adHoc.errors.length > 0, 'the refusal');
      expect(adHoc.errors).toEqual([[expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } })]]);
      // The socket stays open, and the manifest's own text is a known document.
      const manifest = JSON.parse(readFileSync(path.join(root, CLIENT_MANIFESTS[0]), 'utf8'));
      const trusted = plain.subscribe(manifest[hashOf(SessionEventsDocument)], { sessionId });
      await until(async () => (await subscriptions(server())) === 1, 'the subscription by text');
      await comment('by text');
      await until(() => trusted.received.some((e) => e.sessionEvents.comment?.body === 'by text'), 'the comment, by text');
      expect(adHoc.received).toEqual([]);
    }
    plain.client.dispose();
  });
});

test('with require, the reporting client (npm run report) works with a reporter token: it sends persisted ids', async () => {
  const cli = path.join(root, 'dist/src/reporting/client/report-cli.js');
  const { stdout } = await run(process.execPath, [cli, '--url', strict.url, '--token', await token(strict, world.reporter)]);
  expect(stdout).toMatch(/^Funnel/m);
  expect(stdout).toMatch(/^Scoring \(alpha: Krippendorff, ordinal\)/m);
});
