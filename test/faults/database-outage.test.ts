import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SignInMethod } from '../../src/auth/auth-session.entity';
import { accessTokenFor, openSession } from '../../src/auth/sessions';
import { migrate, openOrm, Orm } from '../../src/db/orm';
import { EmbeddedServer, ensureDatabase, startEmbeddedPostgres } from '../../src/db/postgres-server';
import { encodeEventId } from '../../src/events/event-feed';
import { PostgresWakeChannel } from '../../src/events/postgres-wake-channel';
import { createLogger } from '../../src/logger';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { ChildServer, startChildServer } from '../support/child-server';
import { buildWorld, World } from '../support/factories';
import { connect, Live, LiveConnection, SESSION_EVENTS } from '../support/live-client';
import { TEST_SECRET } from '../support/test-server';
import { until } from '../support/until';

/**
 * PostgreSQL stopped for more than 5 s under a running server process (dist/src/main.js), then
 * started again. The database is an embedded PostgreSQL of this test's own, on its own port:
 * the shared server is never touched. The server must say so honestly meanwhile (/readyz 503,
 * queries SERVICE_UNAVAILABLE with HTTP 503, /livez still 200), recover by itself, and its live
 * subscribers must neither be ended nor miss anything — including the vote whose delivery the
 * outage cut off half-way.
 */
jest.setTimeout(120_000);

const OUTAGE_MS = 5_500;

let parent: string;
let dataDir: string;
let port: number;
let pg: EmbeddedServer;
let databaseUrl: string;
let orm: Orm;
let world: World;
let criteria: RubricCriterion[];
let child: ChildServer;
let sessionId: string;
const connections: LiveConnection[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function tokenFor(userId: string): Promise<string> {
  const session = await openSession(orm.em.getKnex(), { userId, method: SignInMethod.CLI, hours: 12, userAgent: 'test' });
  return (await accessTokenFor(TEST_SECRET, { userId, sessionId: session.sessionId }, 60)).token;
}

const origin = () => child.url.replace(/\/graphql$/, '');

async function probe(route: string): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${origin()}${route}`);
  await response.text();
  return { status: response.status, ms: Date.now() - started };
}

async function gql(query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(child.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const CAST_VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { version } }`;

async function castVote(token: string, applicantId: string) {
  const answer = await gql(
    CAST_VOTE,
    {
      input: {
        sessionId,
        applicantId: world.gid('Applicant', applicantId),
        scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score: 4 })),
        recommendation: 'ADMIT',
        confidence: 2,
      },
    },
    token,
  );
  expect(answer.body.errors).toBeUndefined();
  expect(answer.status).toBe(200);
}

/** The same events as SESSION_EVENTS, and for votes the applicant's documents: a read of a table no vote touches. */
const WITH_DOCUMENTS = SESSION_EVENTS.replace('applicant { id }', 'applicant { id documents { id } }');

/** The events' own ids, in order (a vote's tally frame has a derived id of its own). */
const eventIds = (live: Live) => live.received.map((r: any) => r.sessionEvents).filter((e: any) => e.type !== 'TALLY_CHANGED' && e.__typename !== 'TallyChangedEvent').map((e: any) => e.eventId);

async function logIds(): Promise<string[]> {
  const rows = await orm.em.getKnex()('session_event').where('session_id', world.session.id).select(orm.em.getKnex().raw('xid::text as xid'), 'id').orderBy([{ column: 'xid' }, { column: 'id' }]);
  return rows.map((row: any) => encodeEventId({ xid: BigInt(row.xid), id: BigInt(row.id) }));
}

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'outage-pg-'));
  // mkdtemp makes 0700 dirs; as root, postgres runs as another OS user that must get through.
  await chmod(parent, 0o755);
  dataDir = path.join(parent, 'data');
  port = await freePort();
  pg = await startEmbeddedPostgres({ dataDir, port });
  // The test holds an ACCESS EXCLUSIVE lock to stop one delivery half-way. With WAL for standbys
  // that lock gives its transaction an id, and live events wait behind every open transaction
  // older than theirs (event-feed.ts): the vote would never reach the fan-out at all.
  const admin = new Client({ connectionString: pg.adminUrl });
  await admin.connect();
  await admin.query(`alter system set wal_level = minimal`);
  await admin.query(`alter system set max_wal_senders = 0`);
  await admin.end();
  await pg.stop();
  pg = await startEmbeddedPostgres({ dataDir, port });
  databaseUrl = await ensureDatabase(pg.adminUrl, 'conclave');
  orm = await openOrm(databaseUrl, { poolMax: 2 });
  await migrate(orm);
  world = await buildWorld(orm);
  criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  sessionId = world.gid('ReviewSession', world.session.id);
  child = await startChildServer({ DATABASE_URL: databaseUrl, JWT_SECRET: TEST_SECRET, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'info' });
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.dispose().catch(() => undefined)));
  await child?.stop();
  await orm?.close();
  await pg?.stop();
  await rm(parent, { recursive: true, force: true });
});

test('a database outage of more than 5 s: honest health and errors meanwhile, then recovery with every live event delivered in order', async () => {
  const [officerToken, memberToken, ...voterTokens] = await Promise.all([world.officer, world.members[0], world.chair, world.members[1], world.members[2]].map((u) => tokenFor(u.id)));
  const liveConnection = (token: string) => {
    const connection = connect(child.url, token);
    connections.push(connection);
    let open = true;
    void connection.closed.then(() => (open = false));
    return { connection, isOpen: () => open };
  };
  const officerSocket = liveConnection(officerToken);
  const memberSocket = liveConnection(memberToken);
  // From the start of the (empty) log: nothing needs to have "registered" before the first vote.
  const start = encodeEventId({ xid: 0n, id: 0n });
  const subscribers = [
    officerSocket.connection.subscribe(SESSION_EVENTS, { sessionId, after: start }),
    officerSocket.connection.subscribe(WITH_DOCUMENTS, { sessionId, after: start }),
    memberSocket.connection.subscribe(SESSION_EVENTS, { sessionId, after: start }),
  ];
  // Every subscriber has the whole log (a vote, the member joining, …), in log order.
  const allHaveTheLog = async () => {
    let log: string[] = [];
    await until(
      async () => {
        log = await logIds();
        return subscribers.every((s) => s.errors.length > 0 || eventIds(s).join() === log.join());
      },
      () => `every subscriber to have the log ${log.join()}: ${subscribers.map((s) => `${eventIds(s).join()} errors ${JSON.stringify(s.errors)}`).join('; ')}`,
      20_000,
    );
    for (const s of subscribers) {
      expect(s.errors).toEqual([]);
      expect(eventIds(s)).toEqual(log);
    }
    return log;
  };

  await castVote(voterTokens[0], world.onAgenda[0].id);
  const beforeOutage = await allHaveTheLog();

  // The next vote commits, but its delivery stops half-way: the fan-out's read of the applicant's
  // documents waits behind our lock, and the database goes down under it.
  const blocker = new Client({ connectionString: databaseUrl });
  blocker.on('error', () => undefined);
  await blocker.connect();
  await blocker.query('begin');
  await blocker.query('lock table applicant_document in access exclusive mode');
  await castVote(voterTokens[1], world.onAgenda[0].id);
  await until(async () => {
    const { rows } = await blocker.query(`select count(*)::int as n from pg_locks l where not l.granted and l.relation = 'applicant_document'::regclass`);
    return rows[0].n > 0;
  }, 'the fan-out to wait for the applicant_document table');
  // Nothing of a batch is written before the whole batch is prepared: nobody has the second vote yet.
  for (const s of subscribers) expect(eventIds(s)).toEqual(beforeOutage);

  const listenersBefore = await blocker.query(`select count(*)::int as n from pg_stat_activity where query ilike 'listen %'`);
  await orm.close();
  await pg.stop();
  const stoppedAt = Date.now();

  // During the outage: not ready (fast), alive, and a query is told to come back later.
  let probes = 0;
  await until(async () => {
    const [ready, live] = await Promise.all([probe('/readyz'), probe('/livez')]);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(3_000);
    expect(live.status).toBe(200);
    probes++;
    return Date.now() - stoppedAt >= OUTAGE_MS;
  }, 'the outage to last', OUTAGE_MS + 10_000);
  expect(probes).toBeGreaterThan(1);
  const during = await gql('{ me { name } }', {}, officerToken);
  expect(during.status).toBe(503);
  expect(during.body.errors?.map((e: any) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  const voteDuring = await gql(
    CAST_VOTE,
    { input: { sessionId, applicantId: world.gid('Applicant', world.onAgenda[1].id), scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score: 3 })), recommendation: 'ADMIT', confidence: 2 } },
    voterTokens[0],
  );
  expect(voteDuring.status).toBe(503);
  expect(voteDuring.body.errors?.map((e: any) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);

  pg = await startEmbeddedPostgres({ dataDir, port });
  orm = await openOrm(databaseUrl, { poolMax: 2 });
  await until(async () => (await probe('/readyz')).status === 200, '/readyz to answer 200 again', 30_000);

  // The vote whose delivery the outage cut off arrives, to everyone, and nobody's stream was ended.
  expect(await allHaveTheLog()).toHaveLength(beforeOutage.length + 1);
  await castVote(voterTokens[2], world.onAgenda[0].id);
  const log = await allHaveTheLog();
  expect(log).toHaveLength(beforeOutage.length + 2);
  for (const s of subscribers) expect(s.completed).toBe(false);
  expect(officerSocket.isOpen()).toBe(true);
  expect(memberSocket.isOpen()).toBe(true);

  // A client that lost its socket and resumes after the last event it had misses nothing.
  const resumed = liveConnection(officerToken).connection.subscribe(SESSION_EVENTS, { sessionId, after: log[0] });
  await resumed.until((_r, errors) => errors.length > 0 || eventIds(resumed).length >= log.length - 1, 20_000);
  expect(resumed.errors).toEqual([]);
  expect(eventIds(resumed)).toEqual(log.slice(1));

  // One LISTEN connection per wake channel again, as before the outage (no second reconnect loop).
  const probeClient = new Client({ connectionString: databaseUrl });
  await probeClient.connect();
  try {
    await until(async () => (await probeClient.query(`select count(*)::int as n from pg_stat_activity where query ilike 'listen %'`)).rows[0].n === listenersBefore.rows[0].n, 'the LISTEN connections to be back');
    const { rows } = await probeClient.query(`select count(*)::int as n from pg_stat_activity where query ilike 'listen %'`);
    expect(rows[0].n).toBe(listenersBefore.rows[0].n);
  } finally {
    await probeClient.end();
  }
  expect(child.output()).not.toMatch(/Internal error/);
});

test('the LISTEN connection comes back once after an outage: one catch-up wake-up of every feed, then each NOTIFY once', async () => {
  const channelName = 'conclave_outage_test';
  const wakes: string[][] = [];
  const channel = new PostgresWakeChannel(databaseUrl, createLogger('silent'), 2, channelName);
  await channel.start((ids) => wakes.push(ids));
  const listeners = async (client: Client) => (await client.query(`select count(*)::int as n from pg_stat_activity where query = $1`, [`listen ${channelName}`])).rows[0].n;
  try {
    await orm.close();
    await pg.stop();
    // Long enough for the reconnect loop to fail a few times and back off.
    const stoppedAt = Date.now();
    await until(() => Date.now() - stoppedAt >= 1_500, 'the outage to last');
    pg = await startEmbeddedPostgres({ dataDir, port });
    orm = await openOrm(databaseUrl, { poolMax: 2 });
    await until(() => wakes.some((ids) => ids.length === 0), 'the catch-up wake-up after reconnecting', 20_000);

    const notifier = new Client({ connectionString: databaseUrl });
    await notifier.connect();
    try {
      await notifier.query('select pg_notify($1, $2)', [channelName, 'after-the-outage']);
      await until(() => wakes.some((ids) => ids.includes('after-the-outage')), 'the NOTIFY after the outage');
      // A second listener (a second reconnect loop) would deliver it twice; a marker sent after it bounds the wait.
      await notifier.query('select pg_notify($1, $2)', [channelName, 'marker']);
      await until(() => wakes.some((ids) => ids.includes('marker')), 'the marker');
      expect(wakes.filter((ids) => ids.length === 0)).toHaveLength(1);
      expect(wakes.filter((ids) => ids.includes('after-the-outage'))).toHaveLength(1);
      expect(await listeners(notifier)).toBe(1);
    } finally {
      await notifier.end();
    }
  } finally {
    await channel.stop();
  }
});

test('a database that takes connections but never answers them: /readyz says 503 within its bound, /livez 200, and 200 again once it answers', async () => {
  // A stopped postmaster: the kernel still completes TCP connects, but nobody answers the startup.
  const postmaster = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  process.kill(postmaster, 'SIGSTOP');
  try {
    const [ready, live] = await Promise.all([probe('/readyz'), probe('/livez')]);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(3_500);
    expect(live.status).toBe(200);
    expect(live.ms).toBeLessThan(1_000);
  } finally {
    process.kill(postmaster, 'SIGCONT');
  }
  await until(async () => (await probe('/readyz')).status === 200, '/readyz to answer 200 again', 20_000);
});
