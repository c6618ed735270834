import net from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createLiveClient, LiveClient } from '../../client/live';
import { SessionEventsDocument, type SessionEventsSubscription } from '../../client/generated/graphql';
import { decodeEventId, encodeEventId } from '../../src/events/event-feed';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { buildUser, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';
import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';

/**
 * The typed client's live helper (client/live.ts) through a live meeting whose sockets keep
 * dropping: connections cut in the network (a proxy between client and server drops them, as a
 * load balancer or a train's Wi-Fi does), and a server that shuts down mid-meeting (its sockets
 * close with 1001) while another process on the same database takes over. The helper resumes
 * with `after` every time; at the end it has every event of the session's log, once, in order.
 */

/** A TCP hop that can drop every connection through it and send new ones to another server. */
class Hop {
  private readonly sockets = new Set<net.Socket>();
  private readonly server = net.createServer((client) => {
    const upstream = net.connect(this.target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => this.sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    this.connections++;
  });
  connections = 0;

  constructor(public target: number) {}

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  drop(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let first: TestServer;
let second: TestServer;
let world: World;
let criteria: RubricCriterion[];
let hop: Hop;
let live: LiveClient;
let hopPort: number;
const voters: { id: string }[] = [];

beforeAll(async () => {
  first = await startTestServer();
  second = await startTestServer({ databaseUrl: first.databaseUrl });
  world = await buildWorld(first.orm);
  criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  for (let i = 0; i < 6; i++) {
    const user = buildUser(world.em, { name: `Voter ${i}` });
    world.em.create(CommitteeMember, { committee: world.committee.id, user, role: SeatRole.MEMBER });
    voters.push(user);
  }
  await world.em.flush();
  hop = new Hop(Number(new URL(first.url).port));
  hopPort = await hop.listen();
});

/** Members of the session's committee, new for the test that asks. */
async function newVoters(count: number, prefix: string) {
  // Through the second server's ORM: the first one may have shut down already.
  const em = second.orm.em.fork();
  const users = Array.from({ length: count }, (_, i) => buildUser(em, { name: `${prefix} ${i}` }));
  for (const user of users) em.create(CommitteeMember, { committee: world.committee.id, user, role: SeatRole.MEMBER });
  await em.flush();
  return users;
}

afterAll(async () => {
  await live?.dispose();
  await hop.close();
  await second.stop();
  await first.stop().catch(() => {});
});

const sessionId = () => world.gid('ReviewSession', world.session.id);

function vote(server: TestServer, voter: { id: string }, applicantIndex: number, score: number, expectedVersion?: number) {
  return server.gql(
    `mutation($input: CastVoteInput!) { castVote(input: $input) { version } }`,
    {
      input: {
        sessionId: sessionId(),
        applicantId: world.gid('Applicant', world.onAgenda[applicantIndex].id),
        scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score })),
        recommendation: score >= 3 ? 'ADMIT' : 'REJECT',
        confidence: 2,
        expectedVersion,
      },
    },
    server.tokenFor(voter.id),
  );
}


async function liveSubscriptions(server: TestServer): Promise<number> {
  const text = await (await fetch(`${new URL(server.url).origin}/metrics`)).text();
  return Number(/^conclave_live_subscriptions (\d+)/m.exec(text)?.[1] ?? 0);
}

test('dropped sockets and a server shutting down mid-meeting: the helper resumes with after and gets every event once, in order', async () => {
  hop.target = Number(new URL(first.url).port);
  let connected = 0;
  live = createLiveClient(`ws://127.0.0.1:${hopPort}/graphql`, {
    webSocketImpl: WebSocket,
    connectionParams: async () => ({ authorization: `Bearer ${await first.tokenFor(world.officer.id)}` }),
    on: { connected: () => void connected++ },
  });
  const received: SessionEventsSubscription['sessionEvents'][] = [];
  const errors: unknown[] = [];
  const subscription = live.subscribe(
    SessionEventsDocument,
    { sessionId: sessionId() },
    { next: (result) => (result.errors ? errors.push(result.errors) : received.push(result.data!.sessionEvents)), error: (error) => errors.push(error) },
  );
  await until(async () => (await liveSubscriptions(first)) === 1, 'the subscription');
  // The first event arrives before anything drops: from then on the helper has a place to resume from.
  expect((await vote(first, voters[0], 0, 3)).errors).toBeUndefined();
  await until(() => received.length > 0, 'the first event');

  // The meeting goes on: votes and changed votes on three applicants, through both servers,
  // while the network drops the helper's socket again and again.
  const versions = new Map<string, number>([[`${voters[0].id}/0`, 1]]);
  let votes = 1;
  for (let round = 0; round < 6; round++) {
    const reconnects = connected;
    const writes = voters.map(async (voter, v) => {
      const key = `${voter.id}/${round % 3}`;
      const response = await vote(v % 2 ? second : first, voter, round % 3, 1 + ((v + round) % 5), versions.get(key));
      expect(response.errors).toBeUndefined();
      versions.set(key, response.data.castVote.version);
      votes++;
    });
    // The drop lands at a different point of the writes each round (not a wait for anything).
    await new Promise((resolve) => setTimeout(resolve, 5 * round));
    hop.drop();
    await Promise.all(writes);
    await until(() => connected > reconnects, 'the helper to reconnect');
  }
  const connectionsBefore = connected;
  expect(connectionsBefore).toBe(7);

  // The server it is connected to shuts down (sockets close with 1001, Going Away); new connections
  // reach the other process, on the same database.
  hop.target = Number(new URL(second.url).port);
  const stopping = first.stop();
  for (let v = 0; v < voters.length; v++) {
    expect((await vote(second, voters[v], 1, 2, versions.get(`${voters[v].id}/1`))).errors).toBeUndefined();
    votes++;
  }
  await stopping;

  // Every event of the log, once, in log order; each vote followed by its tally.
  const knex = second.orm.em.getKnex();
  const logged = await knex('session_event').where({ session_id: world.session.id }).orderBy(['xid', 'id']).select(knex.raw('xid::text as xid'), 'id', 'type');
  const expected = logged.map((row: any) => encodeEventId({ xid: BigInt(row.xid), id: BigInt(row.id) }));
  const events = () => received.filter((event) => event.__typename !== 'TallyChangedEvent');
  await until(() => events().length >= expected.length, `all ${expected.length} events (have ${events().length})`, 30_000);
  expect(errors).toEqual([]);
  expect(events().map((event) => event.eventId)).toEqual(expected);
  expect(events().filter((event) => event.__typename === 'VoteCastEvent')).toHaveLength(votes);
  expect(connected).toBeGreaterThan(connectionsBefore);
  // The helper resumes after the last frame it received: here the tally after the last vote, at
  // the same place in the log as that vote.
  expect(subscription.lastEventId).toBe(received[received.length - 1].eventId);
  expect(decodeEventId(subscription.lastEventId!)).toEqual(decodeEventId(expected[expected.length - 1]));
  // A tally comes right after a vote on the same applicant, never twice for one event, with an
  // identity of its own (a client de-duplicating by eventId keeps it).
  const tallies = received.filter((event) => event.__typename === 'TallyChangedEvent').map((event) => event.eventId);
  expect(new Set(tallies).size).toBe(tallies.length);
  expect(tallies.filter((id) => expected.includes(id))).toEqual([]);
}, 120_000);

test('with a graphql-ws Client of its own, a text document, and a stored eventId: replays from there, then resumes after a drop', async () => {
  const own = await newVoters(7, 'Own');
  for (const voter of own.slice(0, 6)) expect((await vote(second, voter, 2, 4)).errors).toBeUndefined();
  const knex = second.orm.em.getKnex();
  const logIds = async () =>
    (await knex('session_event').where({ session_id: world.session.id }).orderBy(['xid', 'id']).select(knex.raw('xid::text as xid'), 'id')).map((row: any) =>
      encodeEventId({ xid: BigInt(row.xid), id: BigInt(row.id) }),
    );
  const ids = await logIds();
  const from = ids.length - 4;

  hop.target = Number(new URL(second.url).port);
  const client = createClient({
    url: `ws://127.0.0.1:${hopPort}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: async () => ({ authorization: `Bearer ${await second.tokenFor(world.officer.id)}` }),
    retryAttempts: 10,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
  });
  const helper = createLiveClient(client);
  const seen: string[] = [];
  helper.subscribe<{ sessionEvents: { eventId: string; __typename: string } }, { sessionId: string }>(
    'subscription($sessionId: ID!, $after: ID) { sessionEvents(sessionId: $sessionId, after: $after) { __typename eventId } }',
    { sessionId: sessionId() },
    { next: (result) => void (result.data!.sessionEvents.__typename !== 'TallyChangedEvent' && seen.push(result.data!.sessionEvents.eventId)) },
    { after: ids[from - 1] },
  );
  try {
    await until(() => seen.length >= 4, 'the replay');
    expect(seen).toEqual(ids.slice(from));
    hop.drop();
    expect((await vote(second, own[6], 2, 5)).errors).toBeUndefined();
    const now = await logIds();
    await until(() => seen.length === now.length - from, 'the vote after the drop');
    expect(seen).toEqual(now.slice(from));
  } finally {
    await helper.dispose();
  }
}, 60_000);
