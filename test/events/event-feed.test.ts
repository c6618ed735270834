import { Client } from 'pg';
import { ORIGIN, readEvents } from '../../src/events/event-feed';
import { openOrm, Orm } from '../../src/db/orm';
import { createTestDatabase } from '../support/database';
import { buildWorld } from '../support/factories';

/**
 * The event log's read rule, on the real PostgreSQL: an event is handed out only once no
 * transaction that could still commit an earlier one is running — in this database. A
 * transaction in another database of the same server can never write this log and must not
 * hold live events back (one did, for as long as a migration or a bulk load ran next door).
 */
let orm: Orm;
let databaseUrl: string;
let otherDatabaseUrl: string;
let sessionId: string;
const clients: Client[] = [];

async function client(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  [databaseUrl, otherDatabaseUrl] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  orm = await openOrm(databaseUrl, { poolMax: 2 });
  sessionId = (await buildWorld(orm)).session.id;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await orm.close();
});

const insertEvent = (c: Client, type: string) =>
  c.query(`insert into session_event (session_id, type) values ($1, $2) returning id`, [sessionId, type]).then((r) => String(r.rows[0].id));

const read = () => readEvents(orm.em.getKnex(), sessionId, ORIGIN);

test('a transaction running in another database does not hold back committed events', async () => {
  const neighbour = await client(otherDatabaseUrl);
  await neighbour.query('begin');
  await neighbour.query('select pg_current_xact_id()'); // it now has a transaction id, older than the event's
  try {
    const id = await insertEvent(await client(databaseUrl), 'COMMENT_POSTED');
    const page = await read();
    expect(page.heldBack).toBe(false);
    expect(page.events.map((e) => e.cursor.id.toString())).toContain(id);
  } finally {
    await neighbour.query('rollback');
  }
});

test('an older transaction of this database holds later events back until it commits, then both come in order', async () => {
  const before = (await read()).events.length;
  const slow = await client(databaseUrl);
  await slow.query('begin');
  const earlier = await insertEvent(slow, 'VOTE_CAST'); // takes the older transaction id, commits last
  const later = await insertEvent(await client(databaseUrl), 'VOTE_CHANGED');

  const waiting = await read();
  expect(waiting.heldBack).toBe(true);
  expect(waiting.events.map((e) => e.cursor.id.toString())).not.toContain(later);

  await slow.query('commit');
  const page = await read();
  expect(page.heldBack).toBe(false);
  expect(page.events.slice(before).map((e) => e.cursor.id.toString())).toEqual([earlier, later]);
});
