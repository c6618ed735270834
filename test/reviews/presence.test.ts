import { ReviewSession } from '../../src/reviews/review-session.entity';
import { buildWorld, World } from '../support/factories';
import { connect, SESSION_EVENTS } from '../support/live-client';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * `ReviewSession.present`: who has the session open now, as its event log says — so a chair who
 * opens the console after the members arrived still sees them, and someone who leaves is gone.
 */
let server: TestServer;
let world: World;
beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
});
afterAll(() => server.stop());

const PRESENT = `query($id: ID!) { reviewSession(id: $id) { present { id name } } }`;

test('members are present while they have the session open, and not after; officers look in unannounced', async () => {
  const em = server.orm.em.fork();
  const session = em.create(ReviewSession, { committee: world.committee.id, week: world.weeks[1].id, title: 'Presence', startsAt: new Date('2021-06-28T09:00:00Z'), endsAt: new Date('2021-06-28T17:00:00Z') });
  await em.flush();
  const sessionId = world.gid('ReviewSession', session.id);
  const presentNames = async () => ((await server.gql(PRESENT, { id: sessionId }, server.tokenFor(world.chair.id))).data.reviewSession.present as { name: string }[]).map((p) => p.name).sort();
  expect(await presentNames()).toEqual([]);

  const member = connect(server.url, server.tokenFor(world.members[0].id));
  const other = connect(server.url, server.tokenFor(world.members[1].id));
  const officer = connect(server.url, server.tokenFor(world.officer.id));
  try {
    for (const c of [member, other, officer]) c.subscribe(SESSION_EVENTS, { sessionId });
    await until(async () => (await presentNames()).length === 2, 'both members present');
    expect(await presentNames()).toEqual([world.members[0].name, world.members[1].name].sort());
    await member.dispose();
    await until(async () => (await presentNames()).length === 1, 'the member who left gone');
    expect(await presentNames()).toEqual([world.members[1].name]);
  } finally {
    await Promise.all([member, other, officer].map((c) => c.dispose().catch(() => {})));
  }
});
