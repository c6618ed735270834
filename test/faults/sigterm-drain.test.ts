import http from 'node:http';
import net from 'node:net';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { buildWorld, World } from '../support/factories';
import { ChildServer, startChildServer } from '../support/child-server';
import { connect, logHead, SESSION_EVENTS } from '../support/live-client';
import { startTestServer, TEST_SECRET, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * SIGTERM to a real server process (dist/src/main.js) while clients hold open keep-alive
 * connections, one request is half sent and a live subscriber listens: nothing accepted is
 * reset, every vote the client was told succeeded is stored, and every stored vote was answered.
 */
let server: TestServer;
let world: World;
let criteria: RubricCriterion[];
let sessionId: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  criteria = await world.em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  sessionId = world.gid('ReviewSession', world.session.id);
});

afterAll(async () => {
  await server.stop();
});

const childEnv = (extra: Record<string, string> = {}) => ({
  DATABASE_URL: server.databaseUrl,
  JWT_SECRET: TEST_SECRET,
  SEED_DEMO_DATA: 'false',
  LOG_LEVEL: 'info',
  ...extra,
});

async function voteBody(member: { id: string }, applicantId: string) {
  return JSON.stringify({
    query: `mutation($input: CastVoteInput!) { castVote(input: $input) { version } }`,
    variables: {
      input: {
        sessionId,
        applicantId: world.gid('Applicant', applicantId),
        scores: criteria.map((c) => ({ criterionId: world.gid('RubricCriterion', c.id), score: 4 })),
        recommendation: 'ADMIT',
        confidence: 2,
      },
    },
  });
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: any;
}

function post(url: string, agent: http.Agent, token: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Sends the headers and all but the last byte of the body: the request is the server's, not yet answerable. */
function halfSent(url: string, token: string, body: string) {
  const { hostname, port, pathname } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  const head =
    `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
    `Authorization: Bearer ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n`;
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  const ended = new Promise<string>((resolve, reject) => {
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
  const sent = new Promise<void>((resolve) => socket.write(head + body.slice(0, -1), () => resolve()));
  return { sent, finish: () => socket.write(body.slice(-1)), ended };
}

const votesIn = (applicantId: string) => server.orm.em.getKnex()('vote').where({ session_id: world.session.id, applicant_id: applicantId }).select('member_id');

test('SIGTERM: in-flight and keep-alive requests are answered with Connection: close, new connections refused, sockets close with 1001', async () => {
  const child: ChildServer = await startChildServer(childEnv({ SHUTDOWN_DRAIN_MS: '20000' }));
  const voters = [world.chair, ...world.members];
  const tokens = await Promise.all(voters.map((v) => server.tokenFor(v.id)));
  const agent = new http.Agent({ keepAlive: true, maxSockets: voters.length });
  try {
    // One open, idle keep-alive connection per voter.
    const warm = await Promise.all(tokens.map((t) => post(child.url, agent, t, JSON.stringify({ query: '{ me { name } }' }))));
    expect(warm.map((a) => a.connection)).toEqual(voters.map(() => 'keep-alive'));
    await until(() => Object.values(agent.freeSockets).flat().length === voters.length, 'idle keep-alive sockets');

    const live = connect(child.url, server.tokenFor(world.officer.id));
    const feed = live.subscribe(SESSION_EVENTS, { sessionId, after: await logHead(server.orm.em.getKnex(), world.session.id) });

    const slow = halfSent(child.url, tokens[0], await voteBody(world.chair, world.onAgenda[1].id));
    await slow.sent;

    const exited = child.stop();
    await until(() => child.output().includes('SIGTERM: draining'), 'the drain to start');

    // On the connections already open: every vote is served and told the connection closes.
    const bodies = await Promise.all(voters.map((v) => voteBody(v, world.onAgenda[0].id)));
    const answers = await Promise.all(tokens.map((t, i) => post(child.url, agent, t, bodies[i])));
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 200, connection: 'close' });
      expect(answer.body.errors).toBeUndefined();
    }
    // The votes told they succeeded are the votes stored, and nothing else.
    expect((await votesIn(world.onAgenda[0].id)).map((v: any) => v.member_id).sort()).toEqual(voters.map((v) => v.id).sort());

    // A new connection is refused: the client knows the request never reached this server.
    const fresh = new http.Agent({ keepAlive: false });
    await expect(post(child.url, fresh, tokens[1], bodies[1])).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    // The request in flight at the signal is completed and answered, then its connection closes.
    slow.finish();
    const raw = await slow.ended;
    expect(raw).toMatch(/^HTTP\/1\.1 200 /);
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).data.castVote.version).toBe(1);
    expect((await votesIn(world.onAgenda[1].id)).map((v: any) => v.member_id)).toEqual([world.chair.id]);

    // The subscriber saw the votes of the drain, then a 1001 Going Away.
    await feed.until((r) => r.filter((e) => e.sessionEvents.type === 'VOTE_CAST').length === voters.length + 1, 20_000);
    expect(await live.closed).toMatchObject({ code: 1001 });
    expect(await exited).toBe(0);
    expect(child.output()).not.toMatch(/ECONNRESET|Internal error/);
  } finally {
    agent.destroy();
    if (child.child.exitCode === null) child.child.kill('SIGKILL');
  }
}, 90_000);

/** Resolves once connecting to the port is refused (the listening socket is closed), rejects past the deadline. */
const refusesConnections = (url: string) =>
  until(
    () =>
      new Promise<boolean>((resolve) => {
        const { hostname, port } = new URL(url);
        const socket = net.connect(Number(port), hostname);
        socket.once('connect', () => (socket.destroy(), resolve(false)));
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
      }),
    'the port to refuse new connections',
  );

test('SIGTERM with WORKERS=2: the primary drains every worker; votes on keep-alive connections to either are answered and stored', async () => {
  const child: ChildServer = await startChildServer(childEnv({ WORKERS: '2', SHUTDOWN_DRAIN_MS: '20000' }));
  const voters = [world.chair, ...world.members];
  const tokens = await Promise.all(voters.map((v) => server.tokenFor(v.id)));
  const agent = new http.Agent({ keepAlive: true, maxSockets: voters.length });
  const applicant = world.onAgenda[2].id;
  try {
    // Connections are dealt to the workers in turn (node:cluster's round robin): both hold some.
    const warm = await Promise.all(tokens.map((t) => post(child.url, agent, t, JSON.stringify({ query: '{ me { name } }' }))));
    expect(warm.map((a) => a.connection)).toEqual(voters.map(() => 'keep-alive'));
    await until(() => Object.values(agent.freeSockets).flat().length === voters.length, 'idle keep-alive sockets');

    const exited = child.stop();
    await until(() => (child.output().match(/SIGTERM: draining this worker's requests/g) ?? []).length === 2, 'both workers to start draining');

    const bodies = await Promise.all(voters.map((v) => voteBody(v, applicant)));
    const answers = await Promise.all(tokens.map((t, i) => post(child.url, agent, t, bodies[i])));
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 200, connection: 'close' });
      expect(answer.body.errors).toBeUndefined();
    }
    expect((await votesIn(applicant)).map((v: any) => v.member_id).sort()).toEqual(voters.map((v) => v.id).sort());
    await refusesConnections(child.url);
    expect(await exited).toBe(0);
    expect(child.output()).toMatch(/SIGTERM: draining 2 workers/);
    expect(child.output()).not.toMatch(/ECONNRESET|Internal error|killed/);
  } finally {
    agent.destroy();
    if (child.child.exitCode === null) child.child.kill('SIGKILL');
  }
}, 90_000);
