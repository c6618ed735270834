import { ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { argList, argNumber, ask, fixed, graphql, hasFlag, machineLine, median, percentile, root, scratchDatabase, ServerProcess, startConclave } from './support/bench-kit';
import { BenchWorld, CAST_VOTE, seedBenchWorld, voteInput } from './support/bench-world';

/**
 * `npm run bench:fanout`: graphql-ws subscribers on one session's events, held by one server
 * process (two for the largest count), from two load processes on different loopback
 * addresses. One member votes once a second, then in bursts (votes 20 ms apart). For each
 * count, the shared fan-out and graphql-ws's stock per-subscriber path (LIVE_DELIVERY) run in
 * the same invocation. Latency runs from the moment the vote is sent (its commit is inside
 * the request) to each subscriber's arrival. Writes bench/RESULTS-fanout.md.
 */
const COUNTS = argList('subscribers', [1000, 5000, 10000, 20000]);
const STEADY_VOTES = argNumber('steady', 10);
const BURSTS = argNumber('bursts', 3);
const BURST_SIZE = 10;
/** Milliseconds between steady votes and between bursts (the smoke test shortens it). */
const INTERVAL_MS = argNumber('interval', 1000);
const ROUNDS = argNumber('rounds', 1);
/** Above this many subscribers the run uses two server processes (each may hold < 20,000 files). */
const PER_PROCESS = 10_000;
const MEMBERS = 20;
const OFFICERS = 5;
const ALL_MODES = ['shared', 'per-subscriber'] as const;
type Mode = (typeof ALL_MODES)[number];
const modesArg = process.argv.indexOf('--modes');
const MODES: readonly Mode[] = modesArg < 0 ? ALL_MODES : (process.argv[modesArg + 1].split(',') as Mode[]);
/** `--profile DIR`: the servers run under `node --cpu-prof` and leave their profiles in DIR. */
const profileArg = process.argv.indexOf('--profile');
const PROFILE_DIR = profileArg < 0 ? null : path.resolve(process.argv[profileArg + 1]);

interface Measurement {
  mode: Mode;
  subscribers: number;
  servers: number;
  connectSeconds: number;
  steady: Latency;
  burst: Latency;
  complete: boolean;
  missing: number;
  cpuMicrosPerDelivery: number;
  /** The load processes' own CPU per message received (graphql-ws client, JSON), on the same cores. */
  clientCpuMicrosPerDelivery: number;
  loopMaxMs: number;
  longestGcMs: number;
  kbPerConnection: number;
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
  deliveries: number;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class LoadProcess {
  readonly child: ChildProcess;
  constructor(readonly localAddress: string) {
    this.child = fork(path.join(__dirname, 'fanout-load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }
  ask(message: object, field: string): Promise<any> {
    return ask(this.child, message, field);
  }
}

function latency(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, deliveries: sorted.length };
}

async function measure(mode: Mode, subscribers: number): Promise<Measurement> {
  const database = await scratchDatabase('conclave_bench_fanout');
  const servers: ServerProcess[] = [];
  const loads = [new LoadProcess('127.0.0.1'), new LoadProcess('127.0.0.2')];
  try {
    const serverCount = Math.ceil(subscribers / PER_PROCESS);
    for (let i = 0; i < serverCount; i++) servers.push(await startConclave(database.url, { LIVE_DELIVERY: mode }, ['--expose-gc', ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), ...(process.env.FANOUT_SERVER_ARGS?.split(' ') ?? [])]));
    const world: BenchWorld = await seedBenchWorld(database.url, { members: MEMBERS, applicants: 1 + BURST_SIZE, officers: OFFICERS });
    const voter = world.memberTokens[1];
    // Steady votes change the vote on the first applicant; a burst changes one on each of the others.
    const versions = new Map<string, number>();
    const vote = async (applicant: number, round: number): Promise<string> => {
      const applicantId = world.applicantIds[applicant];
      const { castVote } = await graphql(servers[0].url, voter, CAST_VOTE, { input: voteInput(world, applicantId, round, versions.get(applicantId)) });
      versions.set(applicantId, castVote.version);
      return `${castVote.id}:${castVote.version}`;
    };
    const everyoneHas = async (key: string) =>
      (await Promise.all(loads.map((l) => l.ask({ cmd: 'seen', key }, 'seen')))).reduce((sum, a) => sum + a.seen, 0) === subscribers;
    // Every viewer sees everything here (not blind); subscribers are spread over the members and officers.
    const viewers = [...world.memberTokens, ...world.officerTokens];
    await vote(0, 0); // warms the server's statements and caches before the baseline
    const before = await Promise.all(servers.map((s) => s.loopStats()));
    const rssBefore = before.map((b) => b.rssBytes);

    const started = now();
    const share = Math.ceil(subscribers / loads.length);
    const targets = (offset: number) =>
      Array.from({ length: viewers.length * servers.length }, (_, i) => ({ url: servers[(offset + i) % servers.length].url, token: viewers[(offset + i) % viewers.length] }));
    const connected = await Promise.all(
      loads.map((load, i) =>
        load.ask({ cmd: 'connect', targets: targets(i * share), localAddress: load.localAddress, sessionId: world.sessionId, count: Math.min(share, subscribers - i * share), offset: 0 }, 'connected'),
      ),
    );
    const connectSeconds = (now() - started) / 1000;
    const failed = connected.reduce((sum, c) => sum + c.failed, 0);
    if (failed > 0) throw new Error(`${failed} of ${subscribers} subscribers could not connect`);

    // Subscriptions register asynchronously after connecting: vote until every subscriber has one.
    for (let round = 1; ; round++) {
      const key = await vote(0, round);
      const deadline = Date.now() + 5000;
      let all = false;
      while (!all && Date.now() < deadline) {
        all = await everyoneHas(key);
        if (!all) await sleep(100);
      }
      if (all) break;
      if (round > 20) throw new Error('subscribers never all received a warm-up vote');
    }
    await sleep(500);
    const after = await Promise.all(servers.map((s) => s.loopStats()));
    const rssAfter = after.map((a) => a.rssBytes);
    if (process.env.FANOUT_HEAP_SNAPSHOT) console.log(await new Promise((r) => { servers[0].child.once('message', r); servers[0].child.send('heap-snapshot'); }));
    if (process.env.FANOUT_TRACE) console.log(`heap per connection: ${after.reduce((sum, a, i) => sum + a.heapBytes - before[i].heapBytes, 0) / subscribers / 1024} KB`);
    await Promise.all(loads.map((l) => l.ask({ cmd: 'reset' }, 'reset')));
    await Promise.all(servers.map((s) => s.loopReset()));
    const cpuBefore = servers.map((s) => s.cpuSeconds());

    // Votes once a second, then bursts; remember when each version was sent.
    const sentAt = new Map<string, { at: number; phase: 'steady' | 'burst' }>();
    const send = async (applicant: number, round: number, phase: 'steady' | 'burst') => {
      const at = now();
      const key = await vote(applicant, round);
      sentAt.set(key, { at, phase });
      return key;
    };
    let round = 1000;
    // Waits for a vote to reach everyone (or gives up after 15 s: what is missing is reported).
    const delivered = async (key: string) => {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && !(await everyoneHas(key))) await sleep(50);
    };
    for (let i = 0; i < STEADY_VOTES; i++) {
      const tick = now();
      await send(0, round++, 'steady');
      await sleep(Math.max(0, INTERVAL_MS - (now() - tick)));
    }
    for (let b = 0; b < BURSTS; b++) {
      const inFlight: Promise<string>[] = [];
      for (let i = 1; i <= BURST_SIZE; i++) {
        inFlight.push(send(i, round++, 'burst'));
        await sleep(20);
      }
      // Each burst drains before the next starts, so bursts measure one burst's queueing, not a
      // pile-up. Every vote of it is awaited: votes sent 20 ms apart may commit, and so arrive, in
      // another order than they were sent, and the last one sent is not always the last to arrive.
      for (const key of await Promise.all(inFlight)) await delivered(key);
      await sleep(INTERVAL_MS);
    }
    // The steady votes too have reached everyone (or are reported missing) before the count.
    for (const key of sentAt.keys()) await delivered(key);
    const cpu = servers.reduce((sum, s, i) => sum + (s.cpuSeconds() - cpuBefore[i]), 0);
    const loop = await Promise.all(servers.map((s) => s.loopStats()));
    const reports = (await Promise.all(loads.map((l) => l.ask({ cmd: 'report' }, 'report')))).map((r) => r.report);

    const steady: number[] = [];
    const burst: number[] = [];
    let received = 0;
    for (const report of reports) {
      for (const [key, times] of Object.entries(report.arrivals as Record<string, number[]>)) {
        const sent = sentAt.get(key);
        if (!sent) continue;
        received += times.length;
        for (const at of times) (sent.phase === 'steady' ? steady : burst).push(at - sent.at);
      }
    }
    const expected = sentAt.size * subscribers;
    const frames = reports.reduce((sum, r) => sum + r.frames, 0);
    return {
      mode,
      subscribers,
      servers: servers.length,
      connectSeconds,
      steady: latency(steady),
      burst: latency(burst),
      complete: received === expected,
      missing: expected - received,
      cpuMicrosPerDelivery: (cpu * 1e6) / frames,
      clientCpuMicrosPerDelivery: (reports.reduce((sum, r) => sum + r.cpuSeconds, 0) * 1e6) / frames,
      loopMaxMs: Math.max(...loop.map((l) => l.loopMaxMs)),
      longestGcMs: Math.max(...loop.map((l) => l.longestGcMs)),
      kbPerConnection: rssAfter.reduce((sum, rss, i) => sum + (rss - rssBefore[i]), 0) / subscribers / 1024,
    };
  } finally {
    await Promise.all(loads.map((l) => l.ask({ cmd: 'close' }, 'closed').catch(() => {})));
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
  }
}

function row(m: Measurement): string {
  const ms = (v: number) => fixed(v, 0);
  return (
    `| ${m.subscribers.toLocaleString('en')} | ${m.servers} | ${m.mode} | ${ms(m.steady.p50)} / ${ms(m.steady.p99)} / ${ms(m.steady.max)} | ` +
    `${ms(m.burst.p50)} / ${ms(m.burst.p99)} / ${ms(m.burst.max)} | ${fixed(m.cpuMicrosPerDelivery, 1)} | ${fixed(m.clientCpuMicrosPerDelivery, 1)} | ${ms(m.loopMaxMs)} (GC ${ms(m.longestGcMs)}) | ${fixed(m.kbPerConnection, 1)} | ` +
    `${m.complete ? 'all' : `${m.missing.toLocaleString('en')} missing`} | ${fixed(m.connectSeconds, 1)} |`
  );
}

function medianOf(list: Measurement[]): Measurement {
  const pick = (f: (m: Measurement) => number) => median(list.map(f));
  const lat = (f: (m: Measurement) => Latency): Latency => ({ p50: pick((m) => f(m).p50), p99: pick((m) => f(m).p99), max: pick((m) => f(m).max), deliveries: pick((m) => f(m).deliveries) });
  return {
    ...list[0],
    connectSeconds: pick((m) => m.connectSeconds),
    steady: lat((m) => m.steady),
    burst: lat((m) => m.burst),
    complete: list.every((m) => m.complete),
    missing: Math.max(...list.map((m) => m.missing)),
    cpuMicrosPerDelivery: pick((m) => m.cpuMicrosPerDelivery),
    clientCpuMicrosPerDelivery: pick((m) => m.clientCpuMicrosPerDelivery),
    loopMaxMs: pick((m) => m.loopMaxMs),
    longestGcMs: pick((m) => m.longestGcMs),
    kbPerConnection: pick((m) => m.kbPerConnection),
  };
}

export async function runFanout(options: { counts: number[]; rounds: number }): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const subscribers of options.counts) {
    for (const mode of MODES) {
      const runs: Measurement[] = [];
      for (let r = 0; r < options.rounds; r++) {
        const m = await measure(mode, subscribers);
        console.log(row(m));
        runs.push(m);
      }
      results.push(medianOf(runs));
    }
  }
  return results;
}

export function fanoutSection(results: Measurement[], rounds: number): string {
  const shared = (n: number) => results.find((m) => m.mode === 'shared' && m.subscribers === n);
  const stock = (n: number) => results.find((m) => m.mode === 'per-subscriber' && m.subscribers === n);
  const ratios = results
    .filter((m) => m.mode === 'shared' && stock(m.subscribers))
    .map((m) => `${m.subscribers.toLocaleString('en')}: ${fixed(stock(m.subscribers)!.steady.p99 / m.steady.p99, 1)}× lower p99, ${fixed(stock(m.subscribers)!.cpuMicrosPerDelivery / m.cpuMicrosPerDelivery, 1)}× less CPU per delivery`)
    .join('; ');
  const lines = [
    '## Live fan-out',
    '',
    `graphql-ws subscribers of one session's events (${MEMBERS} members and ${OFFICERS} officers, each with many connections; not blind, so every ` +
      `viewer sees every vote), from two load processes bound to 127.0.0.1 and 127.0.0.2; one server process per ${PER_PROCESS.toLocaleString('en')} subscribers, ` +
      `on one database. One member votes every ${INTERVAL_MS} ms (${STEADY_VOTES} votes), then ${BURSTS} bursts of ${BURST_SIZE} votes 20 ms apart, each delivered to everyone before the next. ` +
      'Each vote is delivered as its vote event plus a tally event. Latency: from sending the vote (its commit is inside the request) ' +
      'to the vote event\'s arrival at each subscriber, in ms. CPU: server user+system time over every frame delivered. ' +
      `Memory: server RSS growth per connection. Stall: the longest event-loop delay while votes were delivered. ${rounds > 1 ? `Medians of ${rounds} runs.` : 'One run each.'}`,
    '',
    '| subscribers | server processes | delivery | steady p50 / p99 / max | burst p50 / p99 / max | server CPU µs per delivery | client CPU µs per delivery | longest stall ms (longest GC pause) | KB per connection | every event delivered | connect s |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|',
    ...results.map(row),
    '',
    `Shared against per-subscriber, steady votes: ${ratios}.`,
    '',
  ];
  const targets: string[] = [];
  const at10k = shared(10000);
  if (at10k) targets.push(`10,000 on one process: p99 ${fixed(at10k.steady.p99, 0)} ms (target < 200), ${fixed(at10k.cpuMicrosPerDelivery, 1)} µs per delivery (≤ 15), ${fixed(at10k.kbPerConnection, 1)} KB per connection (< 30), longest stall ${fixed(at10k.loopMaxMs, 0)} ms (≤ 50), ${at10k.complete ? 'every event delivered' : 'events missing'}`);
  const at20k = shared(20000);
  if (at20k) targets.push(`20,000 on two processes: p99 ${fixed(at20k.steady.p99, 0)} ms (target < 250)`);
  if (targets.length) lines.push(`Targets: ${targets.join('; ')}.`, '');
  for (const m of [at10k, at20k]) {
    if (!m) continue;
    // Every vote is two messages (the vote, then the tally) to every subscriber; the clients parse
    // them on the same two cores as the servers.
    const cpuPerVoteMs = (2 * m.subscribers * (m.cpuMicrosPerDelivery + m.clientCpuMicrosPerDelivery)) / 1000;
    lines.push(
      `At ${m.subscribers.toLocaleString('en')}: a vote is ${(2 * m.subscribers).toLocaleString('en')} messages; at ${fixed(m.cpuMicrosPerDelivery, 1)} µs of server CPU and ` +
        `${fixed(m.clientCpuMicrosPerDelivery, 1)} µs of client CPU each, that is ${fixed(cpuPerVoteMs, 0)} ms of CPU per vote on 2 cores, at least ` +
        `${fixed(cpuPerVoteMs / 2, 0)} ms before the last subscriber has it, with the receivers on this machine.`,
      '',
    );
  }
  lines.push('Why the misses, and what the profiles show: [bench/README.md](README.md#what-the-numbers-taught-2026-11-23-2-cores).', '');
  return lines.join('\n');
}

async function main() {
  const results = await runFanout({ counts: COUNTS, rounds: ROUNDS });
  const section = fanoutSection(results, ROUNDS);
  console.log(section);
  if (!hasFlag('no-write')) writeFileSync(path.join(root, 'bench', 'RESULTS-fanout.md'), `# Live fan-out\n\n${machineLine()}\n\n${section}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
